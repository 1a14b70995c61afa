/**
 * `grant.approve` / `grant.reject`: an approver decides. Enforced here from the clicker's Entra object id, whatever the
 * card shows: approvers only, never the requester, never after expiry, and exactly once (eTag-guarded transition).
 */
import { getApproval, transition, type Approval } from '../approvals/approval';
import { audit } from '../approvals/audit';
import { applyApproved } from '../approvals/decide';
import type { ActionResult, CardAction, HandlerContext } from '../core/types';
import { isUuid } from '../core/validate';
import { approvalCard } from '../cards/approval-card';
import { formatTime } from '../i18n';
import { Verbs } from './verbs';

type Decision = { approvalId: string; comment: string };

const parse = (data: Record<string, unknown>): Decision | undefined =>
  isUuid(data.approvalId) ? { approvalId: data.approvalId, comment: typeof data.comment === 'string' ? data.comment.trim().slice(0, 500) : '' } : undefined;

/** Why this click changes nothing, or `undefined` when the clicker may decide now. */
async function refusal(ctx: HandlerContext, approval: Approval | undefined): Promise<ActionResult | undefined> {
  const t = ctx.msg.approval;
  const { store, clock } = ctx.services;
  const now = clock.now();
  if (!approval || approval.status === 'draft') return { text: ctx.msg.backup.refused.missing };
  if (approval.requester.id.toLowerCase() === ctx.user.id.toLowerCase()) return { text: t.selfApproval };
  if (approval.status === 'pending' && now > approval.expiresAt) {
    const { approval: expired, changed } = await transition(store, approval.id, 'pending', (a) => ({ ...a, status: 'expired' }));
    if (changed) await audit(store, { at: now, event: 'expired', approvalId: approval.id, by: ctx.user, keyVault: approval.plan.keyVault.id });
    const card = approvalCard(expired ?? approval, now);
    if (approval.cardActivityId) ctx.background(() => ctx.update(approval.cardActivityId!, { card }));
    return { card };
  }
  if (approval.status !== 'pending') {
    return { text: t.alreadyDecided(t.status[approval.status] ?? approval.status, approval.decidedBy?.name ?? '', approval.decidedAt ? formatTime(ctx.locale, new Date(approval.decidedAt)) : '') };
  }
  return undefined;
}

async function decide(ctx: HandlerContext, { approvalId, comment }: Decision, outcome: 'approved' | 'rejected'): Promise<ActionResult> {
  const { store, clock } = ctx.services;
  const t = ctx.msg.approval;
  const refused = await refusal(ctx, await getApproval(store, approvalId));
  if (refused) return refused;
  if (outcome === 'rejected' && !comment) return { text: t.commentRequired };
  const now = clock.now();
  const { approval, changed } = await transition(store, approvalId, 'pending', (a) =>
    now > a.expiresAt || a.requester.id.toLowerCase() === ctx.user.id.toLowerCase() ? a : { ...a, status: outcome, decidedBy: ctx.user, decidedAt: now, comment: comment || undefined },
  );
  if (!approval || !changed || approval.status !== outcome) return (await refusal(ctx, approval)) ?? { text: ctx.msg.backup.refused.missing };
  await audit(store, { at: now, event: outcome, approvalId, by: ctx.user, keyVault: approval.plan.keyVault.id, detail: comment || undefined });
  if (outcome === 'approved') {
    ctx.background(() => applyApproved(ctx, approval));
  } else {
    ctx.background(async () => {
      if (approval.cardActivityId) await ctx.update(approval.cardActivityId, { card: approvalCard(approval, now) });
      await ctx.send({ text: t.rejected(approval.plan.keyVault.name, ctx.user.name, comment), mentions: [approval.requester] });
    });
  }
  return { card: approvalCard(approval, now) };
}

export const grantApprove: CardAction<Decision> = {
  verb: Verbs.grantApprove,
  access: 'approver',
  parse,
  handle: (ctx, data) => decide(ctx, data, 'approved'),
};

export const grantReject: CardAction<Decision> = {
  verb: Verbs.grantReject,
  access: 'approver',
  parse,
  handle: (ctx, data) => decide(ctx, data, 'rejected'),
};
