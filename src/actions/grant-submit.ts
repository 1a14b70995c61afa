/**
 * `grant.submit`: the requester sends the request. The approval card is posted in the thread, @mentioning the
 * approvers; the request is audited. The clicker becomes the requester (and so can never approve it).
 */
import { approvalKey, transition, type Approval } from '../approvals/approval';
import { audit } from '../approvals/audit';
import type { CardAction } from '../core/types';
import { isUuid } from '../core/validate';
import { approvalCard } from '../cards/approval-card';
import { noticeCard } from '../cards/notice-card';
import { update } from '../state/store';
import { Verbs } from './verbs';

export const grantSubmit: CardAction<{ approvalId: string; reason: string }> = {
  verb: Verbs.grantSubmit,
  access: 'operator',
  parse: (data) => (isUuid(data.approvalId) ? { approvalId: data.approvalId, reason: typeof data.reason === 'string' ? data.reason.trim().slice(0, 500) : '' } : undefined),
  async handle(ctx, { approvalId, reason }) {
    const { store, clock, config } = ctx.services;
    const now = clock.now();
    const { approval, changed } = await transition(store, approvalId, 'draft', (a) => ({
      ...a,
      status: 'pending',
      requester: ctx.user,
      reason: reason || undefined,
      createdAt: now,
      expiresAt: now + config.approvalTtlMs,
    }));
    if (!approval) return { text: ctx.msg.backup.refused.missing };
    if (!changed) return { card: approvalCard(approval, now) };
    await audit(store, { at: now, event: 'requested', approvalId, by: ctx.user, keyVault: approval.plan.keyVault.id, detail: reason || undefined });
    const t = ctx.msg.approval;
    ctx.background(async () => {
      const approvers = config.approverIds.map((id) => ({ id, name: '' }));
      const text = approvers.length ? t.approversMention : ctx.services.simulated ? undefined : t.noApprovers;
      // The card goes on its own, so its id is the one updated later (some clients split text + card into two).
      const cardActivityId = await ctx.send({ card: approvalCard(approval, now) });
      await update<Approval>(store, approvalKey(approvalId), (a) => a && { ...a, cardActivityId });
      if (text) await ctx.send({ text, mentions: approvers });
    });
    return { card: noticeCard(t.approvalTitle(approval.plan.keyVault.name), [t.submitted(ctx.user.name)], { color: 'Accent' }) };
  },
};
