/**
 * Turns what the user typed (`vm001`, `rg-prod/web01`) into exactly one VM: validated against Azure naming rules
 * before it reaches any request, looked up case-insensitively, and, when several VMs share the name, answered with a
 * card to choose from (each choice re-runs the command with `resourceGroup/name`).
 */
import type { VmRef } from '../azure/port';
import { renderCard } from '../cards/render';
import type { HandlerContext } from '../core/types';

const VM_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,63}$/;
/** As the Azure edge checks names (`azure/validate.ts`): a resource group it would refuse must not get past here. */
const RG_NAME = /^[\w()][-\w.()]{0,89}$/;

export interface VmQuery {
  name: string;
  resourceGroup?: string;
}

export function parseVmQuery(input: string | undefined): VmQuery | undefined {
  const raw = (input ?? '').trim();
  const parts = raw.split('/');
  if (parts.length > 2) return undefined;
  const [rg, name] = parts.length === 2 ? parts : [undefined, parts[0]];
  if (!VM_NAME.test(name) || name.endsWith('.') || (rg !== undefined && (!RG_NAME.test(rg) || rg.endsWith('.')))) return undefined;
  return { name, resourceGroup: rg };
}

export function vmKey(vm: VmRef): string {
  return `${vm.resourceGroup}/${vm.name}`;
}

/** Replies itself (invalid, not found, choose) and returns `undefined` unless exactly one VM matches. */
export async function resolveVm(ctx: HandlerContext, input: string | undefined, command: string, usage: string): Promise<VmRef | undefined> {
  if (!input?.trim()) {
    await ctx.send({ text: ctx.msg.vmLookup.missingName(usage) });
    return undefined;
  }
  const query = parseVmQuery(input);
  if (!query) {
    await ctx.send({ text: ctx.msg.vmLookup.invalidName(input.slice(0, 80)) });
    return undefined;
  }
  const found = await ctx.services.azure.findVms(query.name, query.resourceGroup);
  if (found.length === 1) return found[0];
  if (found.length === 0) {
    await ctx.send({ text: ctx.msg.vmLookup.notFound(query.resourceGroup ? `${query.resourceGroup}/${query.name}` : query.name) });
    return undefined;
  }
  const choices = found.map((vm) => ({ label: `${vm.resourceGroup}/${vm.name} (${vm.location})`, command, vmKey: vmKey(vm) }));
  await ctx.send({ card: renderCard('choose-vm', { question: ctx.msg.vmLookup.choose(query.name, found.length), choices }) });
  return undefined;
}
