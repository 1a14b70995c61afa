/**
 * `grant.submit`: the requester sends the request. The clicker becomes the requester (and so can never approve it);
 * the approval card is posted in the thread, @mentioning the approvers.
 */
import { keyVaultGrant } from '../approvals/key-vault-grant';
import { requestMachine } from '../approvals/machine';
import { approvalCard } from '../cards/approval-card';
import { noticeCard } from '../cards/notice-card';
import type { CardAction } from '../core/types';
import { parseSubmit } from './parse-submit';
import { Verbs } from './verbs';

export const grantSubmit: CardAction<{ approvalId: string; reason: string }> = {
  verb: Verbs.grantSubmit,
  access: 'operator',
  parse: parseSubmit,
  async handle(ctx, { approvalId, reason }) {
    const { clock, config } = ctx.services;
    const grants = requestMachine(ctx.services, keyVaultGrant);
    const step = await grants.request(approvalId, ctx.user, reason);
    if (!step.ok)
      return step.refused === 'submitted'
        ? { card: approvalCard(step.request, clock.now()) }
        : { text: ctx.msg.common.refused.missing };
    const { request } = step;
    const t = ctx.msg.approval;
    ctx.background(async () => {
      const approvers = config.approverIds.map((id) => ({ id, name: '' }));
      const text = approvers.length ? t.approversMention : ctx.services.simulated ? undefined : t.noApprovers;
      // The card goes on its own, so its id is the one updated later (some clients split text + card into two).
      await grants.showOn(approvalId, await ctx.send({ card: approvalCard(request, clock.now()) }));
      if (text) await ctx.send({ text, mentions: approvers });
    });
    return {
      card: noticeCard(t.approvalTitle(request.plan.keyVault.name), [t.submitted(ctx.user.name)], { color: 'Accent' }),
    };
  },
};
