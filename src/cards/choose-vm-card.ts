/** Data for `cards/choose-vm.json`: several VMs share the typed name; each button runs the command again for one. */
import type { VmRef } from '../azure/port';
import type { Card } from '../core/poster';
import { vmKey } from '../core/vm';
import type { Messages } from '../i18n';
import { renderCard } from './render';

export function chooseVmCard(m: Messages, name: string, command: string, found: VmRef[]): Card {
  const choices = found.map((vm) => ({
    label: `${vm.resourceGroup}/${vm.name} (${vm.location})`,
    command,
    vmKey: vmKey(vm),
  }));
  return renderCard('choose-vm', { question: m.vmLookup.choose(name, found.length), choices });
}
