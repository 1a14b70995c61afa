/**
 * The report's reads, all lists: VMs, managed disks and Key Vaults (one paged list each), the feature (one read), each
 * configured vault's protected items and policies (one paged list each), and one VM-size list per region that has ADE
 * VMs. Reads grow with list pages and regions, never with the number of VMs.
 */
import type { FleetPort, VmSku } from '../azure/fleet';
import { classifyAde, disksOf } from './classify';
import type { FleetSnapshot } from './fleet-report';

export async function readFleet(azure: FleetPort, vaultIds: readonly string[]): Promise<FleetSnapshot> {
  const [vms, disks, keyVaults, featureState, perVault] = await Promise.all([
    azure.listFleetVms(),
    azure.listFleetDisks(),
    azure.listFleetKeyVaults(),
    azure.getEncryptionAtHostFeature(),
    Promise.all(vaultIds.map((id) => Promise.all([azure.listProtectedVms(id), azure.listVaultPolicies(id)]))),
  ]);
  const byId = new Map(disks.map((d) => [d.id.toLowerCase(), d]));
  const regions = [...new Set(vms.filter((vm) => classifyAde(vm, disksOf(vm, byId))).map((vm) => vm.location.toLowerCase()))].sort();
  const skus: Record<string, VmSku[]> = {};
  await Promise.all(regions.map(async (region) => void (skus[region] = await azure.listVmSkus(region))));
  return { vms, disks, keyVaults, featureState, items: perVault.flatMap(([items]) => items), policies: perVault.flatMap(([, policies]) => policies), skus };
}
