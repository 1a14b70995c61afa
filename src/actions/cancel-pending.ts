/**
 * `backup.cancel`, `protect.cancel`, `restore.cancel`: the pending confirmation is closed exactly once, nothing is sent
 * to Azure, and the card says who cancelled — for everyone in the thread, not only the clicker.
 */
import { claimPending, type PendingAction } from '../confirmations/pending';
import type { CardAction } from '../core/types';
import { isUuid } from '../core/validate';
import { noticeCard, refusalCard } from '../cards/notice-card';
import type { Messages } from '../i18n';

export function cancelPending(
  verb: string,
  kind: PendingAction['kind'],
  said: (m: Messages, who: string) => string,
): CardAction<{ pendingId: string }> {
  return {
    verb,
    access: 'operator',
    parse: (data) => (isUuid(data.pendingId) ? { pendingId: data.pendingId } : undefined),
    async handle(ctx, { pendingId }) {
      const claim = await claimPending(
        ctx.services.store,
        pendingId,
        kind,
        ctx.user,
        ctx.services.clock.now(),
        'cancelled',
      );
      if (!claim.ok) return { card: refusalCard(ctx.msg, ctx.locale, claim) };
      const card = noticeCard(ctx.msg.common.cancelledTitle, [said(ctx.msg, ctx.user.name)]);
      const id = ctx.cardActivityId;
      if (id) ctx.background(() => ctx.update(id, { card }));
      return { card };
    },
  };
}
