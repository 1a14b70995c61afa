/**
 * Restore rules for IaasVMRestoreRequest (AZURE-FACTS, "Limits for ADE VMs"), and what a restore job reports.
 *
 * Chosen codes (no public example of these answers was found):
 * - `UserErrorOriginalLocationRestoreNotSupportedForEncryptedVm` (400): "replace existing" is not supported for ADE.
 * - `UserErrorCrossSubscriptionRestoreNotSupported` (400): a target outside the vault's subscription.
 * - `BMSUserErrorInvalidInput` (400): a malformed request.
 */
import { badRequest, lastSegment, resourceGroupOf, subscriptionOf } from '../arm';
import type { SimRecoveryPoint, SimRecoveryVault, SimVm } from '../estate/model';

export interface RestoreInput {
  recoveryType: 'OriginalLocation' | 'AlternateLocation' | 'RestoreDisks';
  storageAccountId?: string;
  targetResourceGroupId?: string;
  targetVirtualMachineId?: string;
  subnetId?: string;
}

const TYPES = ['OriginalLocation', 'AlternateLocation', 'RestoreDisks'] as const;

export function parseRestore(body: unknown, rp: SimRecoveryPoint, vault: SimRecoveryVault): RestoreInput {
  const p = (body as { properties?: Record<string, unknown> } | undefined)?.properties ?? {};
  if (p.objectType !== 'IaasVMRestoreRequest')
    throw badRequest('BMSUserErrorInvalidInput', 'properties.objectType must be IaasVMRestoreRequest.');
  const recoveryType = TYPES.find((t) => t.toLowerCase() === String(p.recoveryType ?? '').toLowerCase());
  if (!recoveryType)
    throw badRequest('BMSUserErrorInvalidInput', `Recovery type '${String(p.recoveryType)}' is not supported.`);
  const str = (k: string): string | undefined => (typeof p[k] === 'string' ? p[k] : undefined);
  const input: RestoreInput = {
    recoveryType,
    storageAccountId: str('storageAccountId'),
    targetResourceGroupId: str('targetResourceGroupId'),
    targetVirtualMachineId: str('targetVirtualMachineId'),
    subnetId: str('subnetId'),
  };
  if (recoveryType === 'OriginalLocation' && rp.encrypted) {
    throw badRequest(
      'UserErrorOriginalLocationRestoreNotSupportedForEncryptedVm',
      'Replacing the existing VM (original location restore) is not supported for VMs encrypted with Azure Disk Encryption. Restore disks or create a new VM instead.',
    );
  }
  if (recoveryType !== 'OriginalLocation' && !input.storageAccountId)
    throw badRequest('BMSUserErrorInvalidInput', 'storageAccountId is required.');
  if (
    recoveryType === 'AlternateLocation' &&
    (!input.targetResourceGroupId || !input.targetVirtualMachineId || !input.subnetId)
  ) {
    throw badRequest(
      'BMSUserErrorInvalidInput',
      'targetResourceGroupId, targetVirtualMachineId and subnetId are required for AlternateLocation.',
    );
  }
  const vaultSub = subscriptionOf(vault.id)?.toLowerCase();
  for (const id of [
    input.storageAccountId,
    input.targetResourceGroupId,
    input.targetVirtualMachineId,
    input.subnetId,
  ]) {
    if (id && subscriptionOf(id)?.toLowerCase() !== vaultSub) {
      throw badRequest(
        'UserErrorCrossSubscriptionRestoreNotSupported',
        'Restore to a different subscription is not supported for this vault and recovery point.',
      );
    }
  }
  return input;
}

/** The property bag a restore job shows (keys as the portal lists them). */
export function restorePropertyBag(
  input: RestoreInput,
  vm: SimVm | undefined,
  rp: SimRecoveryPoint,
  jobName: string,
): Record<string, string> {
  const account = input.storageAccountId ? lastSegment(input.storageAccountId) : undefined;
  const vmName = vm?.name ?? 'vm';
  const container = `${vmName}-${jobName.slice(0, 8)}`;
  const bag: Record<string, string> = {
    'Job Type':
      input.recoveryType === 'RestoreDisks'
        ? 'Recover disks'
        : input.recoveryType === 'AlternateLocation'
          ? 'Recover VM'
          : 'Replace existing',
    'Recovery point time': new Date(rp.time).toISOString(),
  };
  if (account) {
    bag['Target Storage Account Name'] = account;
    bag['Config Blob Container Name'] = container;
    bag['Config Blob Name'] = `config-${vmName}-${jobName}.json`;
    bag['Config Blob Uri'] = `https://${account}.blob.core.windows.net/${container}/config-${vmName}-${jobName}.json`;
  }
  if (input.targetResourceGroupId) bag['Target resource group'] = resourceGroupOf(input.targetResourceGroupId) ?? '';
  if (input.recoveryType === 'RestoreDisks' && account) {
    bag['Template Blob Uri'] = `https://${account}.blob.core.windows.net/${container}/azuredeploy${jobName}.json`;
  }
  if (input.targetVirtualMachineId) bag['Target VM Name'] = lastSegment(input.targetVirtualMachineId);
  return bag;
}
