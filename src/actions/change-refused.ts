/** What the clicker of a critical operation's card sees when the click changed nothing (`change.*` verbs). */
import type { ProtectionChangeRequest } from '../approvals/protection-change';
import type { Step } from '../approvals/machine';
import { protectionChangeCard } from '../cards/protection-change-card';
import type { ActionResult, HandlerContext } from '../core/types';
import { formatTime } from '../i18n';

export function changeRefused(
  ctx: HandlerContext,
  step: Exclude<Step<ProtectionChangeRequest>, { ok: true }>,
  vmName: string,
): ActionResult {
  const t = ctx.msg.lifecycle;
  switch (step.refused) {
    case 'self':
      return { text: t.refused.self };
    case 'notRequester':
      return { text: t.refused.notRequester };
    case 'approvalRequired':
      return { text: t.refused.approvalRequired };
    case 'confirmationMismatch':
      return { text: t.refused.mismatch(vmName) };
    case 'commentRequired':
      return { text: t.refused.commentRequired };
    case 'submitted':
      return { text: t.refused.submitted };
    case 'expired': {
      const card = protectionChangeCard(step.request, ctx.services.clock.now());
      if (step.request.cardActivityId) ctx.background(() => ctx.update(step.request.cardActivityId!, { card }));
      return { card };
    }
    case 'decided': {
      const { status, decidedBy, decidedAt } = step.request;
      return {
        text: t.refused.decided(
          t.status[status] ?? status,
          decidedBy?.name ?? '',
          decidedAt ? formatTime(ctx.locale, new Date(decidedAt)) : '',
        ),
      };
    }
    default:
      return { text: t.refused.missing };
  }
}
