/**
 * Where and how a VM is protected (backupStatus, then its protected item), and what `status` shows in one round, with
 * @azure/arm-recoveryservicesbackup. Where a VM is protected hardly ever changes: it is remembered for a while.
 */
import type { AzureIaaSComputeVMProtectedItem, BackupStatusResponse } from '@azure/arm-recoveryservicesbackup';
import { all, type PortContext } from './context';
import { sameVm } from './port-backup';
import { listItemPoints, listVaultJobs } from './port-jobs';
import type { AzurePort, ItemPlace, ProtectionInfo, VmRef } from './port';
import { call } from './to-azure-error';
import { toProtectionInfo } from './translate-backup';
import { assertBackupName, assertRegion, parseBackupId, parseResourceId, vaultRef, type BackupId } from './validate';

const FABRIC = 'Azure';
const VM_ITEMS = "backupManagementType eq 'AzureIaasVM' and itemType eq 'VM'";
const LOCATION_TTL_MS = 5 * 60_000;

export function protectionPort(ctx: PortContext): Pick<AzurePort, 'getProtection' | 'getBackupStatus'> {
  const { backup } = ctx.clients;
  const located = new Map<string, Located>();

  /**
   * The vault's protected item for the VM, found by listing (when backupStatus names an item that is not there):
   * matched on `virtualMachineId` or `sourceResourceId`, named from its id.
   */
  async function findProtected(vaultId: string, vmId: string): Promise<ItemPlace | undefined> {
    const v = vaultRef(vaultId);
    const items = await call('backupProtectedItems.list', () =>
      all(backup.backupProtectedItems.list(v.name, v.resourceGroup, { filter: VM_ITEMS })),
    );
    const hit = items.find((r) => {
      const p = r.properties as AzureIaaSComputeVMProtectedItem | undefined;
      return sameVm(p?.virtualMachineId, vmId) || sameVm(p?.sourceResourceId, vmId);
    });
    if (!hit) return undefined;
    const { container, item } = parseBackupId(hit.id, 'protected item id');
    return container && item ? { vaultId, containerName: container, protectedItemName: item } : undefined;
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
  };
}
