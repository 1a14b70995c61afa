/**
 * `backup.confirm`: the click on "Back up now". Claims the pending confirmation exactly once, answers at once with a
 * "starting" card, then triggers the backup and hands the job to the tracker, after the click is answered.
 */
import type { BackupPayload } from '../backup/backup-payload';
import { claimPending, pendingKey, recordOutcome, type PendingAction } from '../backup/pending';
import { DEFAULT_RETENTION_DAYS, expiryFor, retainUntilAfter, retentionBounds } from '../backup/retention';
import { reportError } from '../bot/error-boundary';
import type { CardAction, HandlerContext } from '../bot/types';
import { noticeCard } from '../cards/notice-card';
import { isAzureError } from '../errors';
import { formatTime } from '../i18n';
import { refusalCard } from './refusal';
import { isUuid } from '../bot/validate';
import { Verbs } from './verbs';

async function start(ctx: HandlerContext, pending: PendingAction<BackupPayload>, expiry: Date, startedCard: object): Promise<void> {
  const { azure, jobs, store, clock } = ctx.services;
  const { vm, protection } = pending.payload;
  if (ctx.cardActivityId) await ctx.update(ctx.cardActivityId, { card: startedCard as never }).catch(() => undefined);
  try {
    const { jobId } = await azure.triggerBackup({ ...protection }, vm, expiry);
    await recordOutcome(store, pending.id, { jobId });
    await jobs.track({
      jobId,
      vaultId: protection.vaultId,
      operation: 'Backup',
      vm: { id: vm.id, name: vm.name, resourceGroup: vm.resourceGroup, encryption: vm.encryption, osType: vm.osType },
      conversationId: ctx.conversation.id,
      locale: ctx.locale,
      startedBy: ctx.user,
      createdAt: clock.now(),
      details: { retainUntil: formatTime(ctx.locale, expiry) },
    });
  } catch (error) {
    await recordOutcome(store, pending.id, { error: isAzureError(error) ? error.code : 'InternalError' });
    await ctx.send({ text: ctx.msg.backup.triggerFailed(vm.name, reportError(ctx.log, ctx.msg, error, 'backup.trigger')) });
  }
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
    if (!expiry && current?.value.status === 'pending') return { text: ctx.msg.backup.invalidDate(retentionBounds(now).max) };
    const claim = await claimPending<BackupPayload>(store, pendingId, 'backup', ctx.user, now, 'used');
    if (!claim.ok || !expiry) return { card: refusalCard(ctx, claim.ok ? { ok: false, reason: 'missing' } : claim) };
    const b = ctx.msg.backup;
    const card = noticeCard(b.startingTitle(claim.pending.payload.vm.name), [b.starting(ctx.user.name, formatTime(ctx.locale, expiry))], { color: 'Accent' });
    ctx.background(() => start(ctx, claim.pending, expiry, card));
    return { card };
  },
};
