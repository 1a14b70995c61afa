/**
 * `change.approve` / `change.reject`: an approver decides a critical operation on a VM's backup. The request machine
 * enforces, from the clicker's Entra object id and whatever the card shows: never the requester, never after expiry,
 * exactly once, and for a delete the VM's name typed; the dispatcher lets only approvers in. The click is answered
 * with the card; carrying the operation out (or telling the requester) follows.
 */
import { findProtectionChange } from '../approvals/protection-change';
import { protectionChangeCard } from '../cards/protection-change-card';
import type { ActionResult, CardAction, HandlerContext } from '../core/types';
import { isUuid } from '../core/validate';
import { afterChangeRejection, carryOutChange } from '../flows/protection-change-follow-up';
import { changeRefused } from './change-refused';
import { Verbs } from './verbs';

type Decision = { approvalId: string; comment: string; typed: string };

const text = (value: unknown, max: number) => (typeof value === 'string' ? value.trim().slice(0, max) : '');
const parse = (data: Record<string, unknown>): Decision | undefined =>
  isUuid(data.approvalId)
    ? { approvalId: data.approvalId, comment: text(data.comment, 500), typed: text(data.confirmName, 100) }
    : undefined;

async function decide(
  ctx: HandlerContext,
  { approvalId, comment, typed }: Decision,
  outcome: 'approved' | 'rejected',
): Promise<ActionResult> {
  const found = await findProtectionChange(ctx.services, approvalId);
  if (!found) return { text: ctx.msg.lifecycle.refused.missing };
  const step = await found.machine.decide(approvalId, ctx.user, outcome, comment, typed);
  if (!step.ok) return changeRefused(ctx, step, found.request.plan.vm.name);
  const { request } = step;
  ctx.background(() => (outcome === 'approved' ? carryOutChange(ctx, request) : afterChangeRejection(ctx, request)));
  return { card: protectionChangeCard(request, ctx.services.clock.now()) };
}

export const changeApprove: CardAction<Decision> = {
  verb: Verbs.changeApprove,
  access: 'approver',
  parse,
  handle: (ctx, data) => decide(ctx, data, 'approved'),
};

export const changeReject: CardAction<Decision> = {
  verb: Verbs.changeReject,
  access: 'approver',
  parse,
  handle: (ctx, data) => decide(ctx, data, 'rejected'),
};
