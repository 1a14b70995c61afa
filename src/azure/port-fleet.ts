/**
 * The fleet reads of the ADE retirement report (`fleet.ts`): whole lists through the official SDK clients, each
 * followed page by page, plus one VM with its disks for a migration plan.
 */
import type { Disk } from '@azure/arm-compute';
import { all, type PortContext } from './context';
import type { FleetPort } from './fleet';
import { call } from './to-azure-error';
import { adeExtensionOf, powerStateOf, toFleetDisk, toFleetItem, toFleetKeyVault, toFleetPolicy, toFleetVm, toVmSku } from './translate-fleet';
import { assertName, assertRegion, parseResourceId, vaultRef } from './validate';

const IAAS_VMS = "backupManagementType eq 'AzureIaasVM' and itemType eq 'VM'";
const IAAS = "backupManagementType eq 'AzureIaasVM'";

const defined = <T>(x: T | undefined): x is T => x !== undefined;

export function fleetPort(ctx: PortContext): FleetPort {
  const { compute, backup, keyVault, features } = ctx.clients;
  return {
    async listFleetVms() {
      return (await call('virtualMachines.listAll', () => all(compute.virtualMachines.listAll()))).map(toFleetVm);
    },

    async listFleetDisks() {
      return (await call('disks.list', () => all(compute.disks.list()))).map(toFleetDisk);
    },

    async listProtectedVms(vaultId) {
      const v = vaultRef(vaultId);
      const items = await call('backupProtectedItems.list', () => all(backup.backupProtectedItems.list(v.name, v.resourceGroup, { filter: IAAS_VMS })));
      return items.map((r) => toFleetItem(vaultId, r)).filter(defined);
    },

    async listVaultPolicies(vaultId) {
      const v = vaultRef(vaultId);
      const policies = await call('backupPolicies.list', () => all(backup.backupPolicies.list(v.name, v.resourceGroup, { filter: IAAS })));
      return policies.map((p) => toFleetPolicy(vaultId, p)).filter(defined);
    },

    async listFleetKeyVaults() {
      return (await call('vaults.listBySubscription', () => all(keyVault.vaults.listBySubscription()))).map(toFleetKeyVault);
    },

    async listVmSkus(region) {
      const location = assertRegion(region);
      const skus = await call('resourceSkus.list', () => all(compute.resourceSkus.list({ filter: `location eq '${location}'` })));
      return skus.map((s) => toVmSku(s, location)).filter(defined);
    },

    async getEncryptionAtHostFeature() {
      const feature = await call('features.get', () => features.features.get('Microsoft.Compute', 'EncryptionAtHost'));
      return feature.properties?.state ?? 'Unknown';
    },

    async getMigrationVm(ref) {
      assertName(ref.resourceGroup, 'resource group');
      assertName(ref.name, 'VM name');
      const vm = await call('virtualMachines.get', () => compute.virtualMachines.get(ref.resourceGroup, ref.name, { expand: 'instanceView' }));
      const model = toFleetVm(vm);
      const ids = [model.osDisk.managedDiskId, ...model.dataDisks.map((d) => d.managedDiskId)].filter(defined);
      const disks: Disk[] = [];
      for (const id of ids) {
        const d = parseResourceId(id, 'Microsoft.Compute/disks', 'disk id');
        disks.push(await call('disks.get', () => compute.disks.get(d.resourceGroup, d.name)));
      }
      const extension = adeExtensionOf(vm);
      const power = powerStateOf(vm);
      return { vm: model, disks: disks.map(toFleetDisk), ...(extension ? { adeExtension: extension } : {}), ...(power ? { powerState: power } : {}) };
    },
  };
}
