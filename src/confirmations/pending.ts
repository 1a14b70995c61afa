/**
 * Pending confirmations: what a confirmation card will do when clicked, kept on the server (the card carries only the
 * id). A click claims it exactly once (eTag-guarded), so double clicks, a second user, replays and stale cards
 * never start a second write.
 */
import { randomUUID } from 'node:crypto';
import type { User } from '../core/types';
import type { Locale } from '../i18n';
import { update, type StateStore } from '../state/store';

const PENDING_TTL_MS = 15 * 60_000;

export type PendingStatus = 'pending' | 'used' | 'cancelled' | 'failed';

export interface PendingAction<P = Record<string, unknown>> {
  id: string;
  kind: 'backup' | 'protect' | 'restore';
  requestedBy: User;
  conversationId: string;
  /** The language of the conversation, for messages posted about it later. */
  locale?: Locale;
  createdAt: number;
  expiresAt: number;
  status: PendingStatus;
  decidedBy?: User;
  decidedAt?: number;
  /** Job started by this action, once known. */
  jobId?: string;
  /** Set once the write's outcome is known (a job, an error, or done without a job): nothing is left to follow up. */
  settled?: boolean;
  /** Azure error code when the write failed. */
  error?: string;
  payload: P;
}

export const pendingKey = (id: string) => `pending/${id}`;

export async function createPending<P>(
  store: StateStore,
  init: Omit<PendingAction<P>, 'id' | 'status' | 'expiresAt'>,
): Promise<PendingAction<P>> {
  const pending: PendingAction<P> = {
    ...init,
    id: randomUUID(),
    status: 'pending',
    expiresAt: init.createdAt + PENDING_TTL_MS,
  };
  await store.put(pendingKey(pending.id), pending, { ifNoneMatch: '*' });
  return pending;
}

export type Claim<P> =
  | { ok: true; pending: PendingAction<P> }
  | { ok: false; reason: 'missing' | 'expired' | PendingStatus; pending?: PendingAction<P> };

/** Moves a pending action to `to` if it is still pending and not expired; exactly one caller wins. */
export async function claimPending<P>(
  store: StateStore,
  id: string,
  kind: PendingAction['kind'],
  user: User,
  now: number,
  to: 'used' | 'cancelled',
): Promise<Claim<P>> {
  let refusal: Claim<P> | undefined;
  const result = await update<PendingAction<P>>(store, pendingKey(id), (p) => {
    if (!p || p.kind !== kind) return void (refusal = { ok: false, reason: 'missing' });
    if (p.status !== 'pending') return void (refusal = { ok: false, reason: p.status, pending: p });
    if (now > p.expiresAt) return void (refusal = { ok: false, reason: 'expired', pending: p });
    refusal = undefined;
    return { ...p, status: to, decidedBy: user, decidedAt: now };
  });
  return refusal ?? { ok: true, pending: result.value as PendingAction<P> };
}

export async function recordOutcome(
  store: StateStore,
  id: string,
  outcome: { jobId?: string; error?: string },
): Promise<void> {
  await update<PendingAction>(
    store,
    pendingKey(id),
    (p) => p && { ...p, ...outcome, settled: true, status: outcome.error ? 'failed' : p.status },
  );
}
