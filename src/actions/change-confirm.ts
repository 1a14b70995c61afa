/**
 * `change.confirm`: the requester says yes to a critical operation that needs no approver (APPROVAL_REQUIRED_FOR).
 * The request machine allows it only for its own requester, once, while the kind still needs no approver; the click is
 * answered with the card, and the operation is carried out after.
 */
import { findProtectionChange } from '../approvals/protection-change';
import { protectionChangeCard } from '../cards/protection-change-card';
import type { CardAction } from '../core/types';
import { isUuid } from '../core/validate';
import { carryOutChange } from '../flows/protection-change-follow-up';
import { changeRefused } from './change-refused';
import { Verbs } from './verbs';

const text = (value: unknown, max: number) => (typeof value === 'string' ? value.trim().slice(0, max) : '');

export const changeConfirm: CardAction<{ approvalId: string; typed: string }> = {
  verb: Verbs.changeConfirm,
  access: 'operator',
  parse: (data) =>
    isUuid(data.approvalId) ? { approvalId: data.approvalId, typed: text(data.confirmName, 100) } : undefined,
  async handle(ctx, { approvalId, typed }) {
    const found = await findProtectionChange(ctx.services, approvalId);
    if (!found) return { text: ctx.msg.lifecycle.refused.missing };
    const step = await found.machine.confirm(approvalId, ctx.user, typed);
    if (!step.ok) return changeRefused(ctx, step, found.request.plan.vm.name);
    const { request } = step;
    ctx.background(() => carryOutChange(ctx, request));
    return { card: protectionChangeCard(request, ctx.services.clock.now()) };
  },
};
