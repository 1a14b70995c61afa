/**
 * The fleet reads of the ADE retirement report (`fleet.ts`): whole lists through the official SDK clients, each
 * followed page by page, plus one VM with its disks for a migration plan.
 */
import type { Disk } from '@azure/arm-compute';
import type { PortContext } from './context';
import type { FleetPort } from './fleet';
import { call } from './to-azure-error';
import {
  adeExtensionOf,
  powerStateOf,
  toFleetDisk,
  toFleetItem,
  toFleetKeyVault,
  toFleetPolicy,
  toFleetVm,
  toVmSku,
} from './translate-fleet';
import { assertName, assertRegion, parseResourceId, vaultRef } from './validate';

const IAAS_VMS = "backupManagementType eq 'AzureIaasVM' and itemType eq 'VM'";
const IAAS = "backupManagementType eq 'AzureIaasVM'";

const defined = <T>(x: T | undefined): x is T => x !== undefined;

/** What every SDK list returns (core-paging's PagedAsyncIterableIterator): pages of items. */
interface Paged<T> {
  byPage(): AsyncIterable<T[]>;
}

/**
 * A paged list, each page translated as it arrives and then emptied: the SDK's models of a page are let go before the
 * next page is asked for (the paging iterator itself keeps the page until then), so a fleet's lists never sit in
 * memory as SDK objects, whole or two pages at once.
 */
async function mapAll<T, U>(list: Paged<T>, translate: (item: T) => U | undefined): Promise<U[]> {
  const out: U[] = [];
  for await (const page of list.byPage()) {
    for (const item of page) {
      const u = translate(item);
      if (u !== undefined) out.push(u);
    }
    page.length = 0;
  }
  return out;
}

export function fleetPort(ctx: PortContext): FleetPort {
  const { compute, backup, keyVault, features } = ctx.clients;
  return {
    async listFleetVms(keep) {
      return call('virtualMachines.listAll', () =>
        mapAll(compute.virtualMachines.listAll(), (vm) => {
          const fleetVm = toFleetVm(vm);
          return !keep || keep(fleetVm) ? fleetVm : undefined;
        }),
      );
    },

    async listFleetDisks() {
      return call('disks.list', () => mapAll(compute.disks.list(), toFleetDisk));
    },

    async listProtectedVms(vaultId) {
      const v = vaultRef(vaultId);
      return call('backupProtectedItems.list', () =>
        mapAll(backup.backupProtectedItems.list(v.name, v.resourceGroup, { filter: IAAS_VMS }), (r) =>
          toFleetItem(vaultId, r),
        ),
      );
    },

    async listVaultPolicies(vaultId) {
      const v = vaultRef(vaultId);
      return call('backupPolicies.list', () =>
        mapAll(backup.backupPolicies.list(v.name, v.resourceGroup, { filter: IAAS }), (p) => toFleetPolicy(vaultId, p)),
      );
    },

    async listFleetKeyVaults() {
      return call('vaults.listBySubscription', () => mapAll(keyVault.vaults.listBySubscription(), toFleetKeyVault));
    },

    async listVmSkus(region) {
      const location = assertRegion(region);
      return call('resourceSkus.list', () =>
        mapAll(compute.resourceSkus.list({ filter: `location eq '${location}'` }), (s) => toVmSku(s, location)),
      );
    },

    async getEncryptionAtHostFeature() {
      const feature = await call('features.get', () => features.features.get('Microsoft.Compute', 'EncryptionAtHost'));
      return feature.properties?.state ?? 'Unknown';
    },

    async getMigrationVm(ref) {
      assertName(ref.resourceGroup, 'resource group');
      assertName(ref.name, 'VM name');
      const vm = await call('virtualMachines.get', () =>
        compute.virtualMachines.get(ref.resourceGroup, ref.name, { expand: 'instanceView' }),
      );
      const model = toFleetVm(vm);
      const ids = [model.osDisk.managedDiskId, ...model.dataDisks.map((d) => d.managedDiskId)].filter(defined);
      const disks: Disk[] = [];
      for (const id of ids) {
        const d = parseResourceId(id, 'Microsoft.Compute/disks', 'disk id');
        disks.push(await call('disks.get', () => compute.disks.get(d.resourceGroup, d.name)));
      }
      const extension = adeExtensionOf(vm);
      const power = powerStateOf(vm);
      return {
        vm: model,
        disks: disks.map(toFleetDisk),
        ...(extension ? { adeExtension: extension } : {}),
        ...(power ? { powerState: power } : {}),
      };
    },
  };
}
