/**
 * A VM as the bot names it and keeps it. People and cards name one VM as `resourceGroup/name`; what a confirmation or
 * a followed job stores about it is one `VmSummary`, copied from Azure's answer by one function, so every stored copy
 * has the same fields.
 */
import type { EncryptionKind, VmDetails, VmRef } from '../azure/port';

/** What the bot stores about a VM: where it is (a `VmRef`, enough to read it again) and what decides its next steps. */
export interface VmSummary extends VmRef {
  encryption: EncryptionKind;
  osType: VmDetails['osType'];
}

export function vmSummary(vm: VmDetails): VmSummary {
  const { id, name, resourceGroup, subscriptionId, location, encryption, osType } = vm;
  return { id, name, resourceGroup, subscriptionId, location, encryption, osType };
}

/** `resourceGroup/name`: one VM exactly, as a card button or a person names it. */
export function vmKey(vm: Pick<VmRef, 'resourceGroup' | 'name'>): string {
  return `${vm.resourceGroup}/${vm.name}`;
}

const VM_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,63}$/;
/** As the Azure edge checks names (`azure/validate.ts`): a resource group it would refuse must not get past here. */
const RG_NAME = /^[\w()][-\w.()]{0,89}$/;

/** A VM as typed (`vm001`, `rg-prod/web01`), checked against Azure's naming rules before it reaches any request. */
export interface VmQuery {
  name: string;
  resourceGroup?: string;
}

export function parseVmQuery(input: string | undefined): VmQuery | undefined {
  const raw = (input ?? '').trim();
  const parts = raw.split('/');
  if (parts.length > 2) return undefined;
  const [rg, name] = parts.length === 2 ? parts : [undefined, parts[0]];
  if (!VM_NAME.test(name) || name.endsWith('.') || (rg !== undefined && (!RG_NAME.test(rg) || rg.endsWith('.'))))
    return undefined;
  return { name, resourceGroup: rg };
}
