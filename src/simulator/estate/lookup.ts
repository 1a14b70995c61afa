/** Lookups over the estate that answer like ARM: case-insensitive, with ARM's 404 codes when something is missing. */
import { ArmError, notFound, sameId } from '../arm';
import type { AdeRef, Estate, SimProtectedItem, SimRecoveryVault, SimVaultSecurity, SimVm } from './model';

export function requireSubscription(estate: Estate, subscriptionId: string): void {
  if (!sameId(subscriptionId, estate.subscriptionId)) {
    throw new ArmError(404, 'SubscriptionNotFound', `The subscription '${subscriptionId}' could not be found.`);
  }
}

export function requireResourceGroup(estate: Estate, subscriptionId: string, resourceGroup: string): void {
  requireSubscription(estate, subscriptionId);
  if (!estate.resourceGroups.some((g) => sameId(g.name, resourceGroup))) {
    throw new ArmError(404, 'ResourceGroupNotFound', `Resource group '${resourceGroup}' could not be found.`);
  }
}

export function findVm(estate: Estate, resourceGroup: string, name: string): SimVm {
  const vm = estate.vms.find((v) => sameId(v.resourceGroup, resourceGroup) && sameId(v.name, name));
  if (!vm) throw notFound('Microsoft.Compute/virtualMachines', name, resourceGroup);
  return vm;
}

export function vmById(estate: Estate, id: string): SimVm | undefined {
  return estate.vms.find((v) => sameId(v.id, id));
}

/** The ADE settings of a VM's OS disk: on the managed disk resource, or on the unmanaged osDisk of the model. */
export function vmAde(estate: Pick<Estate, 'disks'>, vm: SimVm): AdeRef | undefined {
  if (vm.osDisk.encryptionSettings) return vm.osDisk.encryptionSettings;
  const disk = estate.disks.find((d) => sameId(d.id, vm.osDisk.managedDiskId));
  return disk?.ade;
}

export function findRecoveryVault(
  estate: Estate,
  subscriptionId: string,
  resourceGroup: string,
  name: string,
): SimRecoveryVault {
  requireResourceGroup(estate, subscriptionId, resourceGroup);
  const vault = estate.recoveryVaults.find((v) => sameId(v.resourceGroup, resourceGroup) && sameId(v.name, name));
  if (!vault) throw notFound('Microsoft.RecoveryServices/vaults', name, resourceGroup);
  return vault;
}

/** The vault and item protecting `vmId`, if any vault does. */
export function protectionOf(
  estate: Estate,
  vmId: string,
): { vault: SimRecoveryVault; item: SimProtectedItem } | undefined {
  for (const vault of estate.recoveryVaults) {
    const item = vault.items.find((i) => sameId(i.vmId, vmId));
    if (item) return { vault, item };
  }
  return undefined;
}

/** `IaasVMContainer;iaasvmcontainerv2;rg;vm` and `iaasvmcontainer;iaasvmcontainerv2;rg;vm` both name one container. */
export function containerKeyOf(containerName: string): string {
  return containerName.replace(/^iaasvmcontainer;/i, '').toLowerCase();
}

export function itemKeyOf(protectedItemName: string): string {
  return protectedItemName.replace(/^vm;/i, '').toLowerCase();
}

export function findItem(vault: SimRecoveryVault, containerName: string, protectedItemName: string): SimProtectedItem {
  const key = containerKeyOf(containerName);
  const item = vault.items.find((i) => i.containerKey.toLowerCase() === key && itemKeyOf(protectedItemName) === key);
  if (!item) {
    throw notFound(
      'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems',
      protectedItemName,
      vault.resourceGroup,
    );
  }
  return item;
}

export function containerKeyForVm(vm: SimVm): string {
  return `iaasvmcontainerv2;${vm.resourceGroup};${vm.name}`;
}

/** A vault's guards; absent, Azure's defaults: soft delete on for 14 days, not immutable, no Resource Guard. */
export function securityOf(vault: SimRecoveryVault): SimVaultSecurity {
  return vault.security ?? { softDeleteState: 'Enabled', softDeleteDays: 14, immutability: 'Disabled' };
}
