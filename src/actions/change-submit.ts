/**
 * `change.submit`: the requester sends a critical operation on a VM's backup to the approvers. The clicker becomes the
 * requester (and so can never approve it); the approval card is posted in the thread, @mentioning the approvers.
 */
import { findProtectionChange } from '../approvals/protection-change';
import { noticeCard } from '../cards/notice-card';
import { protectionChangeCard } from '../cards/protection-change-card';
import type { CardAction } from '../core/types';
import { parseSubmit } from './parse-submit';
import { Verbs } from './verbs';

export const changeSubmit: CardAction<{ approvalId: string; reason: string }> = {
  verb: Verbs.changeSubmit,
  access: 'operator',
  parse: parseSubmit,
  async handle(ctx, { approvalId, reason }) {
    const { clock, config } = ctx.services;
    const t = ctx.msg.lifecycle;
    const found = await findProtectionChange(ctx.services, approvalId);
    if (!found) return { text: t.refused.missing };
    const step = await found.machine.request(approvalId, ctx.user, reason);
    if (!step.ok) return step.refused === 'submitted' ? { text: t.refused.submitted } : { text: t.refused.missing };
    const { request } = step;
    ctx.background(async () => {
      const approvers = config.approverIds.map((id) => ({ id, name: '' }));
      const text = approvers.length
        ? ctx.msg.approval.approversMention
        : ctx.services.simulated
          ? undefined
          : ctx.msg.approval.noApprovers;
      // The card goes on its own, so its id is the one updated later (some clients split text + card into two).
      await found.machine.showOn(approvalId, await ctx.send({ card: protectionChangeCard(request, clock.now()) }));
      if (text) await ctx.send({ text, mentions: approvers });
    });
    return {
      card: noticeCard(
        t.approvalTitle(t.operation[found.operation], request.plan.vm.name),
        [t.submitted(ctx.user.name)],
        { color: 'Accent' },
      ),
    };
  },
};
