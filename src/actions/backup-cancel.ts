/** `backup.cancel`: nothing is sent to Azure; the card says who cancelled. */
import { claimPending } from '../backup/pending';
import type { CardAction } from '../bot/types';
import { noticeCard } from '../cards/backup-card';
import { refusalCard } from './refusal';
import { isUuid } from '../bot/validate';
import { Verbs } from './verbs';

export const backupCancel: CardAction<{ pendingId: string }> = {
  verb: Verbs.backupCancel,
  access: 'operator',
  parse: (data) => (isUuid(data.pendingId) ? { pendingId: data.pendingId } : undefined),
  async handle(ctx, { pendingId }) {
    const claim = await claimPending(ctx.services.store, pendingId, 'backup', ctx.user, ctx.services.clock.now(), 'cancelled');
    if (!claim.ok) return { card: refusalCard(ctx, claim) };
    const card = noticeCard(ctx.msg.backup.cancelledTitle, [ctx.msg.backup.cancelled(ctx.user.name)]);
    if (ctx.cardActivityId) {
      const id = ctx.cardActivityId;
      ctx.background(() => ctx.update(id, { card }));
    }
    return { card };
  },
};
