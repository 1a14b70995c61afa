/**
 * `grant.approve` / `grant.reject`: an approver decides. The request machine enforces, from the clicker's Entra object
 * id and whatever the card shows: never the requester, never after expiry, exactly once; the dispatcher lets only the
 * kind's approvers in. The click is answered with the card; applying the grant (or telling the requester) follows.
 */
import { keyVaultGrant, type GrantRequest } from '../approvals/key-vault-grant';
import { requestMachine, type Step } from '../approvals/machine';
import { approvalCard } from '../cards/approval-card';
import type { ActionResult, CardAction, HandlerContext } from '../core/types';
import { isUuid } from '../core/validate';
import { afterApproval, afterRejection } from '../flows/grant-follow-up';
import { formatTime } from '../i18n';
import { Verbs } from './verbs';

type Decision = { approvalId: string; comment: string };

const parse = (data: Record<string, unknown>): Decision | undefined =>
  isUuid(data.approvalId)
    ? {
        approvalId: data.approvalId,
        comment: typeof data.comment === 'string' ? data.comment.trim().slice(0, 500) : '',
      }
    : undefined;

/** What the clicker sees when the click changed nothing. */
function refused(ctx: HandlerContext, step: Exclude<Step<GrantRequest>, { ok: true }>): ActionResult {
  const t = ctx.msg.approval;
  switch (step.refused) {
    case 'self':
      return { text: t.selfApproval };
    case 'commentRequired':
      return { text: t.commentRequired };
    case 'expired': {
      const { request } = step;
      const card = approvalCard(request, ctx.services.clock.now());
      if (request.cardActivityId) ctx.background(() => ctx.update(request.cardActivityId!, { card }));
      return { card };
    }
    case 'decided': {
      const { status, decidedBy, decidedAt } = step.request;
      return {
        text: t.alreadyDecided(
          t.status[status] ?? status,
          decidedBy?.name ?? '',
          decidedAt ? formatTime(ctx.locale, new Date(decidedAt)) : '',
        ),
      };
    }
    default:
      return { text: ctx.msg.common.refused.missing };
  }
}

async function decide(
  ctx: HandlerContext,
  { approvalId, comment }: Decision,
  outcome: 'approved' | 'rejected',
): Promise<ActionResult> {
  const step = await requestMachine(ctx.services, keyVaultGrant).decide(approvalId, ctx.user, outcome, comment);
  if (!step.ok) return refused(ctx, step);
  const { request } = step;
  ctx.background(() => (outcome === 'approved' ? afterApproval(ctx, request) : afterRejection(ctx, request)));
  return { card: approvalCard(request, ctx.services.clock.now()) };
}

export const grantApprove: CardAction<Decision> = {
  verb: Verbs.grantApprove,
  access: keyVaultGrant.approvers,
  parse,
  handle: (ctx, data) => decide(ctx, data, 'approved'),
};

export const grantReject: CardAction<Decision> = {
  verb: Verbs.grantReject,
  access: keyVaultGrant.approvers,
  parse,
  handle: (ctx, data) => decide(ctx, data, 'rejected'),
};
