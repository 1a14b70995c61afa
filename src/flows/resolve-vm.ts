/**
 * Turns what the user typed (`vm001`, `rg-prod/web01`) into exactly one VM: validated against Azure naming rules
 * before it reaches any request, looked up case-insensitively, and, when several VMs share the name, answered with a
 * card to choose from (each choice re-runs the command with `resourceGroup/name`).
 */
import type { VmRef } from '../azure/port';
import { chooseVmCard } from '../cards/choose-vm-card';
import type { HandlerContext } from '../core/types';
import { parseVmQuery } from '../core/vm';

/** Replies itself (invalid, not found, choose) and returns `undefined` unless exactly one VM matches. */
export async function resolveVm(
  ctx: HandlerContext,
  input: string | undefined,
  command: string,
  usage: string,
): Promise<VmRef | undefined> {
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
    await ctx.send({
      text: ctx.msg.vmLookup.notFound(query.resourceGroup ? `${query.resourceGroup}/${query.name}` : query.name),
    });
    return undefined;
  }
  await ctx.send({ card: chooseVmCard(ctx.msg, query.name, command, found) });
  return undefined;
}
