/**
 * The backup confirmation card for a VM: the preflight runs first; a backup that is bound to fail gets no button (the
 * card offers the fix instead); otherwise a pending confirmation is stored and the card points at it.
 */
import type { VmRef } from '../azure/port';
import type { HandlerContext } from '../core/types';
import type { Card } from '../core/poster';
import { backupCard } from '../cards/backup-confirm-card';
import { backupPayload } from '../confirmations/payloads';
import { createPending } from '../confirmations/pending';
import { needsKeyVaultAccess, runPreflight } from '../rules/preflight';
import { DEFAULT_RETENTION_DAYS, retainUntilAfter } from '../rules/retention';

export async function backupConfirmation(ctx: HandlerContext, ref: VmRef, retainUntil?: string): Promise<Card> {
  const { azure, clock, config, store } = ctx.services;
  const now = clock.now();
  const preflight = await runPreflight(azure, ref, config.backupManagementObjectId ?? '');
  const pending =
    preflight.protection && !needsKeyVaultAccess(preflight)
      ? await createPending(store, {
          kind: 'backup',
          requestedBy: ctx.user,
          conversationId: ctx.conversation.id,
          locale: ctx.locale,
          createdAt: now,
          payload: backupPayload(preflight.vm, preflight.protection),
        })
      : undefined;
  return backupCard(ctx.msg, ctx.locale, preflight, {
    pendingId: pending?.id,
    retainUntil: retainUntil ?? retainUntilAfter(DEFAULT_RETENTION_DAYS, now),
    now,
  });
}
