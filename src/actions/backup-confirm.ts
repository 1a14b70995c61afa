/**
 * `backup.confirm`: the click on "Back up now". Claims the pending confirmation exactly once, answers at once with a
 * "starting" card, then triggers the backup and hands the job to the tracker, after the click is answered.
 */
import type { BackupPayload } from '../confirmations/payloads';
import { claimPending, pendingKey, type PendingAction } from '../confirmations/pending';
import { DEFAULT_RETENTION_DAYS, expiryFor, retainUntilAfter, retentionBounds } from '../rules/retention';
import type { CardAction, HandlerContext } from '../core/types';
import type { Card } from '../core/poster';
import { noticeCard, refusalCard } from '../cards/notice-card';
import { formatTime } from '../i18n';
import { carryOut } from '../flows/carry-out';
import { isUuid } from '../core/validate';
import { Verbs } from './verbs';

function start(
  ctx: HandlerContext,
  pending: PendingAction<BackupPayload>,
  expiry: Date,
  startedCard: Card,
): Promise<void> {
  const { vm, protection } = pending.payload;
  return carryOut(ctx, {
    pendingId: pending.id,
    startedCard,
    operation: 'backup.trigger',
    async run() {
      const { jobId } = await ctx.services.azure.triggerBackup({ ...protection }, vm, expiry);
      const details = { retainUntil: formatTime(ctx.locale, expiry) };
      return { jobId, vaultId: protection.vaultId, operation: 'Backup', vm, details };
    },
    failed: (reason) => ctx.msg.backup.triggerFailed(vm.name, reason),
  });
}

export const backupConfirm: CardAction<{ pendingId: string; retainUntil: unknown }> = {
  verb: Verbs.backupConfirm,
  access: 'operator',
  parse: (data) => (isUuid(data.pendingId) ? { pendingId: data.pendingId, retainUntil: data.retainUntil } : undefined),
  async handle(ctx, { pendingId, retainUntil }) {
    const { store, clock } = ctx.services;
    const now = clock.now();
    // Teams always sends the (required) date input; without one, Azure's default of 30 days applies.
    const expiry = expiryFor(retainUntil ?? retainUntilAfter(DEFAULT_RETENTION_DAYS, now), now);
    const current = await store.get<PendingAction<BackupPayload>>(pendingKey(pendingId));
    if (!expiry && current?.value.status === 'pending')
      return { text: ctx.msg.backup.invalidDate(retentionBounds(now).max) };
    const claim = await claimPending<BackupPayload>(store, pendingId, 'backup', ctx.user, now, 'used');
    if (!claim.ok || !expiry)
      return { card: refusalCard(ctx.msg, ctx.locale, claim.ok ? { ok: false, reason: 'missing' } : claim) };
    const b = ctx.msg.backup;
    const card = noticeCard(
      b.startingTitle(claim.pending.payload.vm.name),
      [b.starting(ctx.user.name, formatTime(ctx.locale, expiry))],
      { color: 'Accent' },
    );
    ctx.background(() => start(ctx, claim.pending, expiry, card));
    return { card };
  },
};
