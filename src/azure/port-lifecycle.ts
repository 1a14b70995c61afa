/**
 * Stop, delete, resume and undelete protection, and the vault's guards, with @azure/arm-recoveryservicesbackup and
 * @azure/arm-recoveryservices. Bodies and the order of calls as azure-cli sends them (CRITICAL-OPS-FACTS §1, §3).
 */
import type { AzureIaaSComputeVMProtectedItem, ProtectedItemResource } from '@azure/arm-recoveryservicesbackup';
import { all, type PortContext } from './context';
import type { SoftDeletedItem, VaultGuards } from './lifecycle';
import { pollForJobId, ResponseCapture } from './operations';
import type { AzurePort, ItemPlace } from './port';
import { call } from './to-azure-error';
import { realDate } from './translate-backup';
import { assertBackupName, parseBackupId, parseResourceId, vaultRef } from './validate';

const FABRIC = 'Azure';
const VM_ITEMS = "backupManagementType eq 'AzureIaasVM' and itemType eq 'VM'";
/** Azure's default soft-delete retention, when a vault does not say (CRITICAL-OPS-FACTS §2). */
const DEFAULT_SOFT_DELETE_DAYS = 14;

type ItemProperties = Omit<AzureIaaSComputeVMProtectedItem, 'protectedItemType'>;

type LifecycleMethods =
  'getVaultGuards' | 'stopProtection' | 'deleteBackupData' | 'resumeProtection' | 'undelete' | 'listSoftDeleted';

export function lifecyclePort(ctx: PortContext): Pick<AzurePort, LifecycleMethods> {
  const { backup, recoveryServices } = ctx.clients;

  function place(protection: ItemPlace) {
    return {
      v: vaultRef(protection.vaultId),
      container: assertBackupName(protection.containerName, 'container name'),
      item: assertBackupName(protection.protectedItemName, 'item name'),
    };
  }

  /** PUT of the item (stop, resume, undelete all are one), then its job from the vault's operation. */
  async function putItem(protection: ItemPlace, properties: ItemProperties): Promise<{ jobId?: string }> {
    const { v, container, item } = place(protection);
    const capture = new ResponseCapture();
    const body: ProtectedItemResource = {
      properties: { protectedItemType: 'Microsoft.Compute/virtualMachines', ...properties },
    };
    await call('protectedItems.createOrUpdate', () =>
      backup.protectedItems.createOrUpdate(v.name, v.resourceGroup, FABRIC, container, item, body, {
        onResponse: capture.onResponse,
      }),
    );
    if (capture.status !== 202) return {};
    const jobId = await pollForJobId(ctx, v, capture.operationId('protectedItems.createOrUpdate'));
    return jobId ? { jobId } : {};
  }

  const vmId = (vm: { id: string }) => parseResourceId(vm.id, 'Microsoft.Compute/virtualMachines', 'VM id').id;
  const guarded = (request?: string) => (request ? { resourceGuardOperationRequests: [request] } : {});

  return {
    async getVaultGuards(vaultId): Promise<VaultGuards> {
      const v = vaultRef(vaultId);
      const [vault, proxies] = await Promise.all([
        call('vaults.get', () => recoveryServices.vaults.get(v.resourceGroup, v.name)),
        call('resourceGuardProxies.list', () => all(backup.resourceGuardProxies.list(v.name, v.resourceGroup))),
      ]);
      const security = vault.properties?.securitySettings;
      const guard = proxies.find((p) => p.properties?.resourceGuardResourceId)?.properties;
      return {
        vaultId,
        softDelete: {
          state: security?.softDeleteSettings?.softDeleteState ?? 'Enabled',
          retentionDays: security?.softDeleteSettings?.softDeleteRetentionPeriodInDays ?? DEFAULT_SOFT_DELETE_DAYS,
        },
        immutability: security?.immutabilitySettings?.state ?? 'Disabled',
        ...(guard?.resourceGuardResourceId
          ? {
              resourceGuard: {
                id: guard.resourceGuardResourceId,
                name: guard.resourceGuardResourceId.split('/').filter(Boolean).pop() ?? guard.resourceGuardResourceId,
                operations: (guard.resourceGuardOperationDetails ?? [])
                  .filter((d) => d.vaultCriticalOperation && d.defaultResourceRequest)
                  .map((d) => ({
                    operation: d.vaultCriticalOperation as string,
                    request: d.defaultResourceRequest as string,
                  })),
              },
            }
          : {}),
      };
    },

    stopProtection: (protection, vm, guardRequest) =>
      putItem(protection, {
        sourceResourceId: vmId(vm),
        policyId: '',
        protectionState: 'ProtectionStopped',
        ...guarded(guardRequest),
      }),

    resumeProtection: (protection, vm, policyId) => putItem(protection, { sourceResourceId: vmId(vm), policyId }),

    undelete: (protection, vm) =>
      putItem(protection, {
        sourceResourceId: vmId(vm),
        policyId: '',
        isRehydrate: true,
        protectionState: 'ProtectionStopped',
      }),

    async deleteBackupData(protection, guardRequest) {
      const { v, container, item } = place(protection);
      if (guardRequest) {
        const itemId = `${v.id}/backupFabrics/${FABRIC}/protectionContainers/${container}/protectedItems/${item}`;
        await call('resourceGuardProxy.unlockDelete', () =>
          backup.resourceGuardProxy.unlockDelete(v.name, v.resourceGroup, 'VaultProxy', {
            resourceGuardOperationRequests: [guardRequest],
            resourceToBeDeleted: itemId,
          }),
        );
      }
      const capture = new ResponseCapture();
      await call('protectedItems.delete', () =>
        backup.protectedItems.delete(v.name, v.resourceGroup, FABRIC, container, item, {
          onResponse: capture.onResponse,
        }),
      );
      if (capture.status !== 202) return {};
      // An immutable vault's refusal may arrive only here, in the operation (CRITICAL-OPS-FACTS §1).
      const jobId = await pollForJobId(ctx, v, capture.operationId('protectedItems.delete'));
      return jobId ? { jobId } : {};
    },

    async listSoftDeleted(vaultId): Promise<SoftDeletedItem[]> {
      const v = vaultRef(vaultId);
      const items = await call('backupProtectedItems.list', () =>
        all(backup.backupProtectedItems.list(v.name, v.resourceGroup, { filter: VM_ITEMS })),
      );
      const deleted: SoftDeletedItem[] = [];
      for (const r of items) {
        const p = r.properties as AzureIaaSComputeVMProtectedItem | undefined;
        const purgeAt = p?.isScheduledForDeferredDelete ? realDate(p.deferredDeleteTimeInUTC) : undefined;
        const { container, item } = parseBackupId(r.id, 'protected item id');
        if (!purgeAt || !container || !item) continue;
        const id = p?.virtualMachineId ?? p?.sourceResourceId ?? '';
        deleted.push({
          vaultId,
          containerName: container,
          protectedItemName: item,
          vmId: id,
          vmName: p?.friendlyName ?? id.split('/').pop() ?? item,
          purgeAt,
        });
      }
      return deleted.sort((a, b) => a.purgeAt.getTime() - b.purgeAt.getTime());
    },
  };
}
