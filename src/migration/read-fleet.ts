/**
 * The report's reads, all lists: VMs, managed disks and Key Vaults (one paged list each), the feature (one read), each
 * configured vault's protected items and policies (one paged list each), and one VM-size list per region that has ADE
 * VMs. Reads grow with list pages and regions, never with the number of VMs.
 */
import type { FleetPort, VmSku } from '../azure/fleet';
import { classifyAde, disksOf } from './classify';
import type { FleetSnapshot } from './fleet-report';

export async function readFleet(azure: FleetPort, vaultIds: readonly string[]): Promise<FleetSnapshot> {
  // One list at a time, the two that grow with the fleet first: the bot holds one page (and its translation) at a
  // time, and while it reads them little else (memory stays flat at fleet size: see the README's Performance
  // section). At 50 ms a read, the report's reads add up to a few seconds.
  // Only disks with ADE settings decide a VM's path and keys: the others are not kept.
  const adeDisks = (await azure.listFleetDisks()).filter((d) => d.ade);
  const byId = new Map(adeDisks.map((d) => [d.id.toLowerCase(), d]));
  // Every VM is counted and its id kept (for items whose VM is gone); only ADE VMs and those with encryption at host
  // are kept whole.
  const vmIds = new Set<string>();
  const vms = await azure.listFleetVms((vm) => {
    vmIds.add(vm.id.toLowerCase());
    return (
      vm.encryptionAtHost ||
      !!vm.modelAde ||
      [vm.osDisk, ...vm.dataDisks].some((d) => byId.has((d.managedDiskId ?? '').toLowerCase()))
    );
  });
  const [keyVaults, featureState] = [await azure.listFleetKeyVaults(), await azure.getEncryptionAtHostFeature()];
  const items: FleetSnapshot['items'] = [];
  const policies: FleetSnapshot['policies'] = [];
  for (const id of vaultIds) {
    items.push(...(await azure.listProtectedVms(id)));
    policies.push(...(await azure.listVaultPolicies(id)));
  }
  const regions = [
    ...new Set(vms.filter((vm) => classifyAde(vm, disksOf(vm, byId))).map((vm) => vm.location.toLowerCase())),
  ].sort();
  const skus: Record<string, VmSku[]> = {};
  for (const region of regions) skus[region] = await azure.listVmSkus(region);
  return { vms, vmIds, disks: adeDisks, keyVaults, featureState, items, policies, skus };
}
