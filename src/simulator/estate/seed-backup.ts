/**
 * Demo Recovery Services vaults: rsv-prod-japaneast protects vm001 (ADE, backed up last night), vm002 (ADE on a vault
 * Backup cannot read: last night's scheduled backup failed), vm005 (CMK) and vm006 (unmanaged ADE); it has already
 * discovered web01 (rg-prod) and vm003, while other VMs appear only after a container refresh.
 * rsv-dev-westeurope has no VMs in its region.
 */
import { SIM_RECOVERY_VAULT_IDS } from '../constants';
import { recoveryPointName } from '../jobs/effects';
import { containerKeyForVm, vmAde } from './lookup';
import type { Estate, SimJob, SimProtectedItem, SimRecoveryPoint, SimRecoveryVault, SimVm } from './model';
import { defaultPolicy, enhancedHourlyPolicy, goldPolicy } from './seed-policies';
import { stableGuid } from './ids';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** The most recent 19:00 UTC (DefaultPolicy's run time) at least a minute before `now`. */
export function lastScheduledRun(now: number): number {
  return Math.floor((now - 19 * HOUR - 60_000) / DAY) * DAY + 19 * HOUR;
}

export function seedRecoveryVaults(estate: Pick<Estate, 'vms' | 'disks'>, now: number): SimRecoveryVault[] {
  const [prodId, devId] = SIM_RECOVERY_VAULT_IDS as [string, string];
  const lastRun = lastScheduledRun(now);
  const vm = (rg: string, name: string): SimVm => {
    const found = estate.vms.find((v) => v.resourceGroup === rg && v.name === name);
    if (!found) throw new Error(`seed: no VM ${rg}/${name}`);
    return found;
  };
  const points = (v: SimVm, count: number): SimRecoveryPoint[] =>
    Array.from({ length: count }, (_, i) => {
      const time = lastRun - (count - 1 - i) * DAY + 5 * 60_000;
      const ade = vmAde(estate, v);
      return {
        name: recoveryPointName(time, i),
        time,
        consistency: v.osType === 'Windows' ? 'AppConsistent' : 'FileSystemConsistent',
        tiers: i === count - 1 ? ['InstantRP', 'HardenedRP'] : ['HardenedRP'],
        encrypted: ade !== undefined,
        keyAndSecret: ade ? { ...ade } : undefined,
        vmSize: v.vmSize,
        osType: v.osType,
        managed: v.osDisk.vhdUri === undefined,
      };
    });
  const item = (v: SimVm, policyName: string, rps: SimRecoveryPoint[], failed = false): SimProtectedItem => ({
    vmId: v.id,
    friendlyName: v.name,
    containerKey: containerKeyForVm(v),
    policyName,
    protectionState: rps.length ? 'Protected' : 'IRPending',
    lastBackupStatus: failed ? 'Failed' : 'Completed',
    lastBackupTime: lastRun,
    recoveryPoints: rps,
    protectedItemDataId: String(17592186044416 + Number.parseInt(stableGuid(v.id).slice(0, 6), 16)),
  });
  const scheduledJob = (v: SimVm, minutes: number, failed = false): SimJob => ({
    name: stableGuid(`job-${v.id}-${lastRun}`),
    operation: 'Backup',
    vmId: v.id,
    entityFriendlyName: v.name,
    containerKey: containerKeyForVm(v),
    startTime: lastRun,
    isUserTriggered: false,
    snapshotChecked: !failed,
    outcome: failed
      ? {
          status: 'Failed',
          endTime: lastRun + minutes * 60_000,
          failedTask: 'Take Snapshot',
          // Azure sometimes spells this code with a lower-case 'v'; the bot must compare case-insensitively.
          error: {
            code: 'UserErrorKeyvaultPermissionsNotConfigured',
            number: 400215,
            message: "Backup doesn't have sufficient permissions to the key vault for backup of encrypted VMs.",
            recommendations: [
              'Provide Backup Management Service access to the Key Vault (keys and secrets: get, list, backup) and retry. https://aka.ms/AB-AA4dwtk',
            ],
          },
        }
      : { status: 'Completed', endTime: lastRun + minutes * 60_000 },
  });

  const vm001 = vm('rg-prod', 'vm001');
  const vm002 = vm('rg-prod', 'vm002');
  const vm005 = vm('rg-dev', 'vm005');
  const vm006 = vm('rg-legacy', 'vm006');
  const prod: SimRecoveryVault = {
    id: prodId,
    name: 'rsv-prod-japaneast',
    resourceGroup: 'rg-backup',
    location: 'japaneast',
    crossRegionRestore: true,
    policies: [defaultPolicy(), goldPolicy(), enhancedHourlyPolicy()],
    items: [
      item(vm001, 'DefaultPolicy', points(vm001, 3)),
      item(vm002, 'DefaultPolicy', [], true),
      item(vm005, 'GoldPolicy', points(vm005, 2)),
      item(vm006, 'DefaultPolicy', points(vm006, 2)),
    ],
    jobs: [scheduledJob(vm001, 42), scheduledJob(vm002, 3, true), scheduledJob(vm005, 37), scheduledJob(vm006, 55)],
    discovered: [vm001, vm002, vm005, vm006, vm('rg-prod', 'web01'), vm('rg-prod', 'vm003')].map((v) =>
      v.id.toLowerCase(),
    ),
  };
  const dev: SimRecoveryVault = {
    id: devId,
    name: 'rsv-dev-westeurope',
    resourceGroup: 'rg-backup',
    location: 'westeurope',
    crossRegionRestore: false,
    policies: [defaultPolicy()],
    items: [],
    jobs: [],
    discovered: [],
  };
  return [prod, dev];
}
