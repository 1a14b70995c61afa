/** Compute SDK models → the port's VmRef / VmDetails. */
import type { Disk, VirtualMachine } from '@azure/arm-compute';
import { classifyEncryption } from './encryption';
import type { AgentState, VmDetails, VmRef } from './port';
import { placeOf } from './translate-place';

export function toVmRef(vm: VirtualMachine): VmRef {
  return placeOf(vm);
}

function agentOf(vm: VirtualMachine): VmDetails['agent'] {
  const agent = vm.instanceView?.vmAgent;
  const status = agent?.statuses?.[0];
  const display = (status?.displayStatus ?? '').toLowerCase();
  const state: AgentState = display === 'ready' ? 'Ready' : display === 'not ready' ? 'NotReady' : 'Unknown';
  const version = agent?.vmAgentVersion && agent.vmAgentVersion !== 'Unknown' ? agent.vmAgentVersion : undefined;
  return { state, ...(version ? { version } : {}), ...(status?.message ? { message: status.message } : {}) };
}

function powerStateOf(vm: VirtualMachine): string | undefined {
  const code = vm.instanceView?.statuses?.find((s) => s.code?.startsWith('PowerState/'))?.code;
  return code?.slice('PowerState/'.length);
}

function osTypeOf(vm: VirtualMachine): 'Windows' | 'Linux' {
  const os = vm.storageProfile?.osDisk?.osType;
  if (os === 'Windows' || os === 'Linux') return os;
  return vm.osProfile?.windowsConfiguration ? 'Windows' : 'Linux';
}

/** `vm` must have been read with `$expand=instanceView`; `disks` are its managed disks. */
export function toVmDetails(vm: VirtualMachine, disks: Disk[]): VmDetails {
  const encryption = classifyEncryption(vm, disks);
  const power = powerStateOf(vm);
  return {
    ...toVmRef(vm),
    osType: osTypeOf(vm),
    managedDisks: vm.storageProfile?.osDisk?.managedDisk !== undefined,
    disks: encryption.disks,
    encryption: encryption.kind,
    ...(encryption.ade ? { ade: encryption.ade } : {}),
    agent: agentOf(vm),
    ...(power ? { powerState: power } : {}),
  };
}
