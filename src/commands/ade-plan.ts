/**
 * `ade plan <vm> [new <new vm>]`: one ADE VM's move to encryption at host, step by step, kept as a plan the report
 * counts. With `new`, the new VM is checked (encryption at host on, no ADE, same region and subscription) and linked.
 * Operators only: it records the plan, and its buttons start the backup and protect confirmations.
 */
import type { VmRef } from '../azure/port';
import type { Command, HandlerContext } from '../core/types';
import { vmKey } from '../core/vm';
import { adePlanCard } from '../cards/ade-plan-card';
import { resolveVm } from '../flows/resolve-vm';
import { newVmPolicy } from '../flows/offer-new-vm-protection';
import { checkNewVm } from '../migration/plan-view';
import { readPlan } from '../migration/plan-reads';

/** The new VM named by `input`, if it may be linked to `old`; otherwise says why not and returns nothing. */
async function linkable(ctx: HandlerContext, old: VmRef, input: string): Promise<VmRef | undefined> {
  const ref = await resolveVm(ctx, input, 'ade-plan', ctx.msg.ade.usage.plan);
  if (!ref) return undefined;
  const failures = checkNewVm(old, await ctx.services.azure.getMigrationVm(ref));
  if (!failures.length) return ref;
  await ctx.send({
    text: ctx.msg.ade.plan.linkRefused(
      vmKey(ref),
      failures.map((f) => ctx.msg.ade.plan.linkFailures[f] ?? f).join('; '),
    ),
  });
  return undefined;
}

export const adePlan: Command = {
  name: 'ade-plan',
  patterns: [
    /^ade plan (?<vm>\S+)(?: (?:new|to) (?<newvm>\S+))?$/i,
    /^(?<vm>[^\sの]+) ?の ?(?:ADE|ade) ?移行計画(?: ?新(?:VM|vm)? ?(?<newvm>\S+))?$/,
    /^(?:ADE|ade) ?移行計画 (?<vm>\S+)(?: 新(?:VM|vm)? ?(?<newvm>\S+))?$/,
  ],
  keywords: ['plan', '移行計画'],
  access: 'operator',
  describe: (m) => ({ usage: m.ade.usage.plan, description: m.ade.description.plan }),
  async handle(ctx, args) {
    const ref = await resolveVm(ctx, args.vm, 'ade-plan', ctx.msg.ade.usage.plan);
    if (!ref) return;
    const { azure, store, clock } = ctx.services;
    const newRef = args.newvm ? await linkable(ctx, ref, args.newvm) : undefined;
    if (args.newvm && !newRef) return;
    const link = newRef && {
      id: newRef.id,
      name: newRef.name,
      resourceGroup: newRef.resourceGroup,
      subscriptionId: newRef.subscriptionId,
      location: newRef.location,
    };
    const outcome = await readPlan(azure, store, {
      ref,
      user: ctx.user,
      conversationId: ctx.conversation.id,
      locale: ctx.locale,
      now: clock.now(),
      ...(link ? { link } : {}),
    });
    if (outcome.kind === 'notAde') return void (await ctx.send({ text: ctx.msg.ade.plan.notAde(vmKey(ref)) }));
    const { view, plan, linked } = outcome;
    if (newRef)
      await ctx.send({
        text: linked ? ctx.msg.ade.plan.linked(vmKey(ref), vmKey(newRef)) : ctx.msg.ade.plan.linkTooLate(vmKey(ref)),
      });
    const protectNext = view.steps.some((s) => s.id === 'protectNew' && s.state === 'next');
    const policy = protectNext && plan.newVm ? await newVmPolicy(ctx, plan) : undefined;
    await ctx.send({ card: adePlanCard(ctx.msg, ctx.locale, view, policy ? { policy: policy.choice } : {}) });
  },
};
