/**
 * Recovery Services vaults, policies, enabling protection and "backup now", with @azure/arm-recoveryservices and
 * @azure/arm-recoveryservicesbackup. Where a VM is protected is `port-protection.ts`.
 */
import type { AzureIaaSComputeVMProtectableItem } from '@azure/arm-recoveryservicesbackup';
import { AzureError, CodedError } from '../errors';
import { all, type PortContext } from './context';
import { pollForJobId, pollUntilDone, ResponseCapture } from './operations';
import type { AzurePort } from './port';
import { call } from './to-azure-error';
import { toPolicyInfo } from './translate-backup';
import { assertBackupName, assertName, parseBackupId, parseResourceId, vaultRef, type ResourceId } from './validate';

type BackupMethods = 'getRecoveryVault' | 'listPolicies' | 'enableProtection' | 'triggerBackup';

const FABRIC = 'Azure';
const IAAS_FILTER = "backupManagementType eq 'AzureIaasVM'";

export const sameVm = (id: string | undefined, vmId: string): boolean => id?.toLowerCase() === vmId.toLowerCase();

export function backupPort(ctx: PortContext): Pick<AzurePort, BackupMethods> {
  const { backup, recoveryServices } = ctx.clients;

  /** The VM's protectable item in the vault: its container and item names as its id spells them. */
  async function findProtectable(
    v: ResourceId,
    vmId: string,
  ): Promise<{ container: string; item: string } | undefined> {
    const items = await call('backupProtectableItems.list', () =>
      all(backup.backupProtectableItems.list(v.name, v.resourceGroup, { filter: IAAS_FILTER })),
    );
    const hit = items.find((r) =>
      sameVm((r.properties as AzureIaaSComputeVMProtectableItem | undefined)?.virtualMachineId, vmId),
    );
    if (!hit) return undefined;
    const { container, item } = parseBackupId(hit.id, 'protectable item id');
    return container && item ? { container, item } : undefined;
  }

  /** The job an item operation (backup now, configure protection) started: its operation status, polled. */
  function jobOfOperation(v: ResourceId, capture: ResponseCapture, operation: string): Promise<string | undefined> {
    return pollForJobId(ctx, v, capture.operationId(operation));
  }

  /** Discovery (the portal's "refresh"), waited for through the Location operation result. */
  async function refreshContainers(v: ResourceId): Promise<void> {
    const capture = new ResponseCapture();
    await call('protectionContainers.refresh', () =>
      backup.protectionContainers.refresh(v.name, v.resourceGroup, FABRIC, {
        filter: IAAS_FILTER,
        onResponse: capture.onResponse,
      }),
    );
    const opId = capture.operationId('protectionContainers.refresh');
    await pollUntilDone(ctx, 'protectionContainerRefreshOperationResults.get', (c) =>
      backup.protectionContainerRefreshOperationResults.get(v.name, v.resourceGroup, FABRIC, opId, {
        onResponse: c.onResponse,
      }),
    );
  }

  return {
    async getRecoveryVault(vaultId) {
      const v = vaultRef(vaultId);
      const vault = await call('vaults.get', () => recoveryServices.vaults.get(v.resourceGroup, v.name));
      const config = await call('backupResourceStorageConfigsNonCRR.get', () =>
        backup.backupResourceStorageConfigsNonCRR.get(v.name, v.resourceGroup),
      );
      return {
        id: vault.id ?? vaultId,
        name: vault.name ?? v.name,
        resourceGroup: v.resourceGroup,
        subscriptionId: v.subscriptionId,
        location: vault.location,
        crossRegionRestore: config.properties?.crossRegionRestoreFlag ?? false,
      };
    },

    async listPolicies(vaultId) {
      const v = vaultRef(vaultId);
      const policies = await call('backupPolicies.list', () =>
        all(backup.backupPolicies.list(v.name, v.resourceGroup, { filter: IAAS_FILTER })),
      );
      return policies.map(toPolicyInfo).filter((p) => p !== undefined);
    },

    async enableProtection(vm, vaultId, policyId) {
      const v = vaultRef(vaultId);
      parseResourceId(vm.id, 'Microsoft.Compute/virtualMachines', 'VM id');
      const policy = /^(.*)\/backupPolicies\/([^/]+)$/i.exec(policyId);
      if (!policy || policy[1].toLowerCase() !== vaultId.toLowerCase()) {
        throw new CodedError('InvalidInput', `Invalid policy id for vault ${v.name}: ${JSON.stringify(policyId)}`, {
          what: 'policy id',
        });
      }
      assertName(policy[2], 'policy name');
      let target = await findProtectable(v, vm.id);
      if (!target) {
        await refreshContainers(v);
        target = await findProtectable(v, vm.id);
      }
      if (!target) {
        throw new AzureError(
          'ProtectableItemNotFound',
          `Vault ${v.name} cannot discover ${vm.name} (another region, or already protected elsewhere).`,
          404,
          'enableProtection',
        );
      }
      const { container, item } = target;
      const capture = new ResponseCapture();
      await call('protectedItems.createOrUpdate', () =>
        backup.protectedItems.createOrUpdate(
          v.name,
          v.resourceGroup,
          FABRIC,
          container,
          item,
          { properties: { protectedItemType: 'Microsoft.Compute/virtualMachines', sourceResourceId: vm.id, policyId } },
          { onResponse: capture.onResponse },
        ),
      );
      if (capture.status !== 202) return {};
      const jobId = await jobOfOperation(v, capture, 'protectedItems.createOrUpdate');
      return jobId ? { jobId } : {};
    },

    async triggerBackup(protection, vm, expiry) {
      const v = vaultRef(protection.vaultId);
      const container = assertBackupName(protection.containerName, 'container name');
      const item = assertBackupName(protection.protectedItemName, 'item name');
      if (!item.toLowerCase().endsWith(`;${vm.name.toLowerCase()}`)) {
        throw new CodedError('InvalidInput', `Protected item ${item} does not belong to VM ${vm.name}.`, {
          what: 'protected item',
        });
      }
      const capture = new ResponseCapture();
      await call('backups.trigger', () =>
        backup.backups.trigger(
          v.name,
          v.resourceGroup,
          FABRIC,
          container,
          item,
          { properties: { objectType: 'IaasVMBackupRequest', recoveryPointExpiryTimeInUTC: expiry } },
          { onResponse: capture.onResponse },
        ),
      );
      const jobId = await jobOfOperation(v, capture, 'backups.trigger');
      if (!jobId)
        throw new AzureError(
          'OperationReturnedNoJob',
          'Backup was accepted but Azure reported no job.',
          202,
          'backups.trigger',
          capture.requestId,
        );
      return { jobId, ...(capture.requestId ? { requestId: capture.requestId } : {}) };
    },
  };
}
