/**
 * What a backup job checks when its snapshot phase ends, and what its outcome changes: the protected item's last
 * backup fields and, on success, a new recovery point (carrying the BEK/KEK of an ADE VM).
 */
import { vmAde, vmById } from '../estate/lookup';
import type { Estate, SimJob, SimJobError, SimRecoveryVault } from '../estate/model';
import { backupKeyVaultGap } from '../rules/keyvault-access';

/**
 * Job error catalogue. `number` fills AzureIaaSVMErrorInfo.errorCode, which the SDK types as a number; no real
 * payload with these numbers was found (searched azure-rest-api-specs examples, docs and issues), so the numbers are
 * placeholders. The code text Azure shows in the portal goes in `errorTitle` (see payloads/jobs.ts).
 */
export const JOB_ERRORS = {
  keyVault: {
    code: 'UserErrorKeyVaultPermissionsNotConfigured',
    number: 400215,
    message:
      'Azure Backup Service does not have sufficient permissions to Key Vault for Backup of Encrypted Virtual Machines.',
    recommendations: [
      'Grant Backup Management Service get, list and backup permissions on the keys and secrets of the Key Vault (or an equivalent role on an RBAC vault), then retry the operation. https://aka.ms/AB-AA4dwtk',
    ],
  },
  guestAgent: {
    code: 'UserErrorGuestAgentStatusUnavailable',
    number: 400043,
    message: 'VM Agent unable to communicate with Azure Backup',
    recommendations: [
      'Ensure that the VM agent is installed, running and up to date, then retry the operation. https://aka.ms/AB-AA4ecq8',
    ],
  },
} satisfies Record<string, SimJobError>;

export function backupPrecheck(estate: Estate, job: SimJob): SimJobError | undefined {
  const vm = vmById(estate, job.vmId);
  if (!vm) return undefined;
  if (!vm.agent.ready) return JOB_ERRORS.guestAgent;
  const ade = vmAde(estate, vm);
  if (ade && backupKeyVaultGap(estate, ade)) return JOB_ERRORS.keyVault;
  return undefined;
}

export function applyBackupFailure(vault: SimRecoveryVault, job: SimJob): void {
  const item = vault.items.find((i) => i.vmId.toLowerCase() === job.vmId.toLowerCase());
  if (!item) return;
  item.lastBackupStatus = 'Failed';
  item.lastBackupTime = job.startTime;
}

export function applyBackupSuccess(estate: Estate, vault: SimRecoveryVault, job: SimJob, snapshotTime: number): void {
  const item = vault.items.find((i) => i.vmId.toLowerCase() === job.vmId.toLowerCase());
  const vm = vmById(estate, job.vmId);
  if (!item || !vm) return;
  const ade = vmAde(estate, vm);
  item.recoveryPoints.push({
    name: recoveryPointName(snapshotTime, item.recoveryPoints.length),
    time: snapshotTime,
    consistency: vm.osType === 'Windows' ? 'AppConsistent' : 'FileSystemConsistent',
    tiers: ['InstantRP', 'HardenedRP'],
    encrypted: ade !== undefined,
    keyAndSecret: ade ? { ...ade } : undefined,
    vmSize: vm.vmSize,
    osType: vm.osType,
    managed: vm.osDisk.vhdUri === undefined,
    ...(job.expiry !== undefined ? { expiry: job.expiry } : {}),
  });
  item.lastBackupStatus = 'Completed';
  item.lastBackupTime = job.startTime;
  item.protectionState = 'Protected';
}

/** Real recovery points have 16-digit names (azure-cli recordings; the spec example's are 14). */
export function recoveryPointName(time: number, index: number): string {
  return `${Math.floor(time)}${String(index % 1000).padStart(3, '0')}`;
}
