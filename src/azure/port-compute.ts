/** findVms / getVm with @azure/arm-compute (Reader: virtualMachines/read, disks/read). */
import type { Disk } from '@azure/arm-compute';
import { all, type PortContext } from './context';
import type { AzurePort } from './port';
import { call } from './to-azure-error';
import { toVmDetails, toVmRef } from './translate-compute';
import { assertName, parseResourceId } from './validate';

export function computePort(ctx: PortContext): Pick<AzurePort, 'findVms' | 'listVms' | 'getVm'> {
  const { compute } = ctx.clients;
  return {
    async findVms(name, resourceGroup) {
      assertName(name, 'VM name');
      if (resourceGroup !== undefined) assertName(resourceGroup, 'resource group');
      const vms = await call('virtualMachines.list', () =>
        all(resourceGroup ? compute.virtualMachines.list(resourceGroup) : compute.virtualMachines.listAll()),
      );
      return vms.filter((vm) => vm.name?.toLowerCase() === name.toLowerCase()).map(toVmRef);
    },

    async listVms() {
      return (await call('virtualMachines.listAll', () => all(compute.virtualMachines.listAll()))).map(toVmRef);
    },

    async getVm(ref) {
      assertName(ref.resourceGroup, 'resource group');
      assertName(ref.name, 'VM name');
      const vm = await call('virtualMachines.get', () =>
        compute.virtualMachines.get(ref.resourceGroup, ref.name, { expand: 'instanceView' }),
      );
      const diskIds = [
        vm.storageProfile?.osDisk?.managedDisk?.id,
        ...(vm.storageProfile?.dataDisks ?? []).map((d) => d.managedDisk?.id),
      ].filter((id): id is string => !!id);
      const disks: Disk[] = [];
      for (const id of diskIds) {
        const d = parseResourceId(id, 'Microsoft.Compute/disks', 'disk id');
        disks.push(await call('disks.get', () => compute.disks.get(d.resourceGroup, d.name)));
      }
      return toVmDetails(vm, disks);
    },
  };
}
