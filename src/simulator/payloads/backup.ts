/**
 * Recovery Services / Backup payloads, each shaped like its example in recoveryservicesbackup/: the vault like
 * recoveryservices GETVault.json (2016-06-01), storage config like BackupStorageConfig_Get.json (2023-04-01) plus the
 * SDK's `crossRegionRestoreFlag`, protected items like Compute_ProtectedItem_Get.json, protectable items like
 * BackupProtectableItems_List.json, backup status like GetBackupStatus.json, policies like BackupPolicies_List.json.
 */
import type { SimPolicy, SimProtectedItem, SimRecoveryVault, SimVm } from '../estate/model';
import { isoTime } from '../arm';
import { securityOf } from '../estate/lookup';

const ITEM_TYPE = 'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems';

/** How Azure Backup writes "never" in a protected item's last-backup time. */
const NEVER = '2001-01-01T00:00:00Z';

export function containerName(containerKey: string): string {
  return `IaasVMContainer;${containerKey}`;
}

export function itemName(containerKey: string): string {
  return `VM;${containerKey}`;
}

export function protectedItemId(vault: SimRecoveryVault, item: SimProtectedItem): string {
  return `${vault.id}/backupFabrics/Azure/protectionContainers/${containerName(item.containerKey)}/protectedItems/${itemName(item.containerKey)}`;
}

export function recoveryVaultPayload(vault: SimRecoveryVault): Record<string, unknown> {
  const security = securityOf(vault);
  return {
    location: vault.location,
    name: vault.name,
    etag: 'W/"datetime\'2024-05-01T02%3A00%3A00.0000000Z\'"',
    tags: {},
    properties: {
      provisioningState: 'Succeeded',
      privateEndpointStateForBackup: 'None',
      privateEndpointStateForSiteRecovery: 'None',
      // As recorded (azure-cli test_backup_softdelete.yaml, 2026): softDeleteSettings and multiUserAuthorization;
      // immutabilitySettings by the SDK's (7.2.0) names.
      securitySettings: {
        softDeleteSettings: {
          softDeleteState: security.softDeleteState,
          softDeleteRetentionPeriodInDays: security.softDeleteDays,
          enhancedSecurityState: security.softDeleteState === 'AlwaysON' ? 'AlwaysON' : 'Enabled',
        },
        immutabilitySettings: { state: security.immutability },
        multiUserAuthorization: security.guard ? 'Enabled' : 'Invalid',
      },
    },
    id: vault.id,
    type: 'Microsoft.RecoveryServices/vaults',
    sku: { name: 'Standard' },
  };
}

export function storageConfigPayload(vault: SimRecoveryVault): Record<string, unknown> {
  return {
    id: `${vault.id}/backupstorageconfig/vaultstorageconfig`,
    name: 'vaultstorageconfig',
    type: 'Microsoft.RecoveryServices/vaults/backupstorageconfig',
    properties: {
      storageModelType: 'GeoRedundant',
      storageType: 'GeoRedundant',
      storageTypeState: 'Locked',
      crossRegionRestoreFlag: vault.crossRegionRestore,
    },
  };
}

export function policyPayload(vault: SimRecoveryVault, policy: SimPolicy): Record<string, unknown> {
  return {
    id: `${vault.id}/backupPolicies/${policy.name}`,
    name: policy.name,
    type: 'Microsoft.RecoveryServices/vaults/backupPolicies',
    properties: {
      ...policy.properties,
      protectedItemsCount: vault.items.filter((i) => i.policyName.toLowerCase() === policy.name.toLowerCase()).length,
    },
  };
}

/**
 * A soft-deleted item's fields, as test_backup_softdelete.yaml shows them (`deferredDeleteTimeRemaining` d.hh:mm:ss).
 */
function softDeleteFields(at: number, now: number): Record<string, unknown> {
  const left = Math.max(0, at - now) / 1000;
  const pad = (n: number) => String(Math.floor(n)).padStart(2, '0');
  const remaining = `${Math.floor(left / 86400)}.${pad((left % 86400) / 3600)}:${pad((left % 3600) / 60)}:${pad(left % 60)}`;
  return {
    isScheduledForDeferredDelete: true,
    deferredDeleteTimeInUTC: isoTime(at),
    deferredDeleteTimeRemaining: remaining,
  };
}

export function protectedItemPayload(
  vault: SimRecoveryVault,
  item: SimProtectedItem,
  now: number,
): Record<string, unknown> {
  const last = item.recoveryPoints.reduce<number | undefined>(
    (max, rp) => (max === undefined || rp.time > max ? rp.time : max),
    undefined,
  );
  const failed = item.lastBackupStatus === 'Failed';
  return {
    id: protectedItemId(vault, item),
    name: itemName(item.containerKey),
    type: ITEM_TYPE,
    properties: {
      friendlyName: item.friendlyName,
      virtualMachineId: item.vmId,
      protectionStatus: failed ? 'Unhealthy' : 'Healthy',
      protectionState: item.protectionState,
      healthStatus: failed ? 'ActionRequired' : 'Passed',
      // Never backed up: Azure writes an empty status and 2001-01-01 (azure-cli test_backup_protection.yaml).
      lastBackupStatus: item.lastBackupStatus ?? '',
      lastBackupTime: item.lastBackupTime !== undefined ? isoTime(item.lastBackupTime) : NEVER,
      protectedItemDataId: item.protectedItemDataId,
      protectedItemType: 'Microsoft.Compute/virtualMachines',
      backupManagementType: 'AzureIaasVM',
      workloadType: 'VM',
      containerName: item.containerKey,
      sourceResourceId: item.vmId,
      // Stopped (and soft-deleted) items have no policy: `policyId: ""` (test_backup_softdelete.yaml).
      policyId: item.policyName ? `${vault.id}/backupPolicies/${item.policyName}` : '',
      ...(item.deferredDeleteAt !== undefined ? softDeleteFields(item.deferredDeleteAt, now) : {}),
      lastRecoveryPoint: last === undefined ? null : isoTime(last),
    },
  };
}

/**
 * A protectable VM as Azure lists it: the id is under `backupFabrics/Azure` and ends `/protectableItems/vm;…`, while
 * `name` lacks the `vm;` (Azure Backup's REST walkthrough "Back up an Azure VM using Azure Backup via REST API", and
 * azure-cli's recordings), unlike the spec example BackupProtectableItems_List.json. Clients take the name from the id.
 */
export function protectableItemPayload(
  vault: SimRecoveryVault,
  vm: SimVm,
  containerKey: string,
): Record<string, unknown> {
  return {
    id: `${vault.id}/backupFabrics/Azure/protectionContainers/${containerName(containerKey)}/protectableItems/vm;${containerKey}`,
    name: containerKey,
    type: 'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectableItems',
    properties: {
      friendlyName: vm.name,
      virtualMachineId: vm.id,
      protectionState: 'NotProtected',
      protectableItemType: 'Microsoft.Compute/virtualMachines',
      backupManagementType: 'AzureIaasVM',
      workloadType: 'VM',
    },
  };
}

/**
 * backupStatus as azure-cli recorded it (test/recorded: backup-status, backup-status-not-protected): the names the
 * item would have even when it is not protected, no `errorCode`, and `protectedItemsCount`.
 */
export function backupStatusPayload(
  vault: SimRecoveryVault | undefined,
  item: SimProtectedItem | undefined,
  containerKey: string,
): Record<string, unknown> {
  const names = {
    fabricName: 'Azure',
    containerName: `iaasvmcontainer;${containerKey}`,
    protectedItemName: `vm;${containerKey}`,
  };
  if (!vault || !item) return { protectionStatus: 'NotProtected', ...names, protectedItemsCount: 0 };
  return {
    protectionStatus: 'Protected',
    vaultId: vault.id,
    ...names,
    policyName: item.policyName,
    protectedItemsCount: 0,
  };
}
