/**
 * Recovery Services vaults, protection status, policies, enabling protection and "backup now", with
 * @azure/arm-recoveryservices and @azure/arm-recoveryservicesbackup.
 */
import type {
  AzureIaaSComputeVMProtectableItem,
  AzureIaaSComputeVMProtectedItem,
  BackupStatusResponse,
} from '@azure/arm-recoveryservicesbackup';
import { AzureError, CodedError } from '../errors';
import { all, type PortContext } from './context';
import { pollForJobId, pollUntilDone, ResponseCapture } from './operations';
import { listItemPoints, listVaultJobs } from './port-jobs';
import type { AzurePort, ItemPlace, ProtectionInfo, VmRef } from './port';
import { call } from './to-azure-error';
import { toPolicyInfo, toProtectionInfo } from './translate-backup';
import {
  assertBackupName,
  assertName,
  assertRegion,
  parseBackupId,
  parseResourceId,
  vaultRef,
  type BackupId,
  type ResourceId,
} from './validate';

type BackupMethods =
  'getRecoveryVault' | 'getProtection' | 'getBackupStatus' | 'listPolicies' | 'enableProtection' | 'triggerBackup';

const FABRIC = 'Azure';
const IAAS_FILTER = "backupManagementType eq 'AzureIaasVM'";

const LOCATION_TTL_MS = 5 * 60_000;

const sameVm = (id: string | undefined, vmId: string): boolean => id?.toLowerCase() === vmId.toLowerCase();

export function backupPort(ctx: PortContext): Pick<AzurePort, BackupMethods> {
  const { backup, recoveryServices } = ctx.clients;
  const located = new Map<string, Located>();

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

  /**
   * The vault's protected item for the VM, found by listing (when backupStatus names an item that is not there):
   * matched on `virtualMachineId` or `sourceResourceId`, named from its id.
   */
  async function findProtected(vaultId: string, vmId: string): Promise<ItemPlace | undefined> {
    const v = vaultRef(vaultId);
    const items = await call('backupProtectedItems.list', () =>
      all(backup.backupProtectedItems.list(v.name, v.resourceGroup, { filter: `${IAAS_FILTER} and itemType eq 'VM'` })),
    );
    const hit = items.find((r) => {
      const p = r.properties as AzureIaaSComputeVMProtectedItem | undefined;
      return sameVm(p?.virtualMachineId, vmId) || sameVm(p?.sourceResourceId, vmId);
    });
    if (!hit) return undefined;
    const { container, item } = parseBackupId(hit.id, 'protected item id');
    return container && item ? { vaultId, containerName: container, protectedItemName: item } : undefined;
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

  /** Where a VM is protected, named as in ProtectionInfo, and when that was found. */
  type Located = ItemPlace & { at: number };

  /** The item, named from here on as its id names it (backupStatus gives only names, in its own spelling). */
  async function readItem(where: Located): Promise<ProtectionInfo> {
    const v = vaultRef(where.vaultId);
    const resource = await call('protectedItems.get', () =>
      backup.protectedItems.get(v.name, v.resourceGroup, FABRIC, where.containerName, where.protectedItemName),
    );
    const named: Partial<BackupId> = resource.id ? parseBackupId(resource.id, 'protected item id') : {};
    return toProtectionInfo(
      where.vaultId,
      named.container ?? where.containerName,
      named.item ?? where.protectedItemName,
      resource,
    );
  }

  /**
   * Where a protected VM is protected (vault, container, item) hardly ever changes: remembered for a while, so a
   * status costs one round of reads; the item itself is always read fresh, and a 404 sends us back to backupStatus.
   */
  function remembered(vm: VmRef): Located | undefined {
    parseResourceId(vm.id, 'Microsoft.Compute/virtualMachines', 'VM id');
    const known = located.get(vm.id.toLowerCase());
    return known && ctx.clock.now() - known.at < LOCATION_TTL_MS ? known : undefined;
  }

  /** The remembered item, read fresh; `undefined` (and forgotten) when it is not there any more. */
  async function readKnown(vm: VmRef, known: Located): Promise<ProtectionInfo | undefined> {
    return readItem(known).catch((error) => {
      if ((error as { statusCode?: number }).statusCode !== 404) throw error;
      located.delete(vm.id.toLowerCase());
      return undefined;
    });
  }

  async function getProtection(vm: VmRef): Promise<ProtectionInfo | undefined> {
    const known = remembered(vm);
    const found = known && (await readKnown(vm, known));
    if (found) return found;
    const status: BackupStatusResponse = await call('backupStatus.get', () =>
      backup.backupStatus.get(assertRegion(vm.location), { resourceId: vm.id, resourceType: 'VM' }),
    );
    // A vault is named whenever the VM has an item there, protected or stopped (soft-deleted too): NotProtected names
    // none (azure-cli test_backup_protection.yaml). Stopped items are found so `status` can say so.
    if (!status.vaultId) return undefined;
    const at = ctx.clock.now();
    let where: Located | undefined =
      status.containerName && status.protectedItemName
        ? {
            vaultId: status.vaultId,
            containerName: assertBackupName(status.containerName, 'container name'),
            protectedItemName: assertBackupName(status.protectedItemName, 'item name'),
            at,
          }
        : undefined;
    let protection = where && (await readKnown(vm, where));
    if (!protection) {
      // backupStatus named no item, or one the vault does not have under that name: look for the VM among its items.
      const listed = await findProtected(status.vaultId, vm.id);
      where = listed && { ...listed, at };
      protection = where && (await readItem(where));
    }
    if (!protection || !where) return undefined;
    located.set(vm.id.toLowerCase(), where);
    return protection;
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

    getProtection,

    async getBackupStatus(vm, since) {
      const lists = (where: ItemPlace) =>
        Promise.all([listItemPoints(ctx, where), listVaultJobs(ctx, where.vaultId, since, 'InProgress')]);
      const known = remembered(vm);
      if (known) {
        // Asked together with the item; their answers are dropped when the item is not there any more.
        const early = lists(known);
        early.catch(() => undefined);
        const protection = await readKnown(vm, known);
        if (protection) {
          const [points, running] = await early;
          return { protection, points, running };
        }
      }
      const protection = await getProtection(vm);
      if (!protection) return undefined;
      const [points, running] = await lists(protection);
      return { protection, points, running };
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
