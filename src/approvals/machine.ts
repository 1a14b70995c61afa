/**
 * The life of a critical operation request, in one place: draft → pending (requested) → approved | rejected |
 * expired, and approved → applied | failed; a request its kind lets go without an approver goes draft → approved when
 * its requester confirms it. Each transition is one eTag-guarded write (`update()`), so two approvers
 * clicking at once, or one clicking twice, move a request once; and each transition writes its own audit entry, so the
 * trail is complete whoever drives it. Nobody decides their own request, nobody decides one past its expiry, and
 * nobody says yes to a destructive one without typing what it destroys.
 * Card actions call this and turn what it answers into a card; they hold no rule of their own.
 */
import { randomUUID } from 'node:crypto';
import type { AzurePort } from '../azure/port';
import type { Services, User } from '../core/types';
import { CodedError, isAzureError } from '../errors';
import { update } from '../state/store';
import { audit, type AuditEntry } from './audit';
import {
  kindOf,
  requestKey,
  type Applied,
  type CriticalRequest,
  type OperationKind,
  type RequestStatus,
} from './request';

/** What a click changed: the request as it now is, or why nothing changed. */
export type Step<R> =
  | { ok: true; request: R }
  | { ok: false; refused: 'missing' | 'commentRequired' | 'confirmationMismatch' | 'approvalRequired' }
  | { ok: false; refused: 'submitted' | 'self' | 'notRequester' | 'expired' | 'decided'; request: R };

/** How carrying out an approved request went; `request` is what is stored afterwards. */
export type Outcome<R, A> =
  { ok: true; request?: R; applied: A } | { ok: false; request?: R; error: unknown; code: string };

/** What a new request starts from: everything but what the machine sets. */
export type Draft<R extends CriticalRequest> = Omit<R, 'id' | 'kind' | 'status' | 'createdAt' | 'expiresAt'>;

export interface Machine<R extends CriticalRequest, A extends Applied> {
  /** The request, if it exists and is of this kind. */
  get(id: string): Promise<R | undefined>;
  /** A new draft, seen only by its requester until they send it (not audited: nothing has been asked yet). */
  draft(init: Draft<R>): Promise<R>;
  /** draft → pending: `by` becomes the requester, and the request expires the kind's time from now. */
  request(id: string, by: User, reason: string): Promise<Step<R>>;
  /**
   * pending → approved | rejected by `by`; a rejection needs a comment, an approval of a destructive kind what it
   * destroys typed in `typed`; past its expiry, pending → expired instead.
   */
  decide(id: string, by: User, outcome: 'approved' | 'rejected', comment: string, typed?: string): Promise<Step<R>>;
  /**
   * draft → approved by its own requester, when the kind needs no approver for it (asked again now: configuration may
   * have changed since the card was made); `typed` as for `decide`. Audited as `confirmed`.
   */
  confirm(id: string, by: User, typed?: string): Promise<Step<R>>;
  /**
   * approved → applied | failed: carries the operation out through the Azure port; `by` is audited if nobody decided.
   */
  apply(request: R, by: User, azure: AzurePort): Promise<Outcome<R, A>>;
  /** Remembers which card shows the request (no transition). */
  showOn(id: string, cardActivityId: string | undefined): Promise<void>;
}

export function requestMachine<R extends CriticalRequest, A extends Applied>(
  services: Pick<Services, 'store' | 'clock' | 'config'>,
  kind: OperationKind<R, A>,
): Machine<R, A> {
  const { store, clock, config } = services;
  const ofKind = (r: R | undefined): r is R => !!r && kindOf(r) === kind.name;
  const same = (a: User, b: User) => a.id.toLowerCase() === b.id.toLowerCase();

  const record = (r: R, event: AuditEntry['event'], by: User, more: Pick<AuditEntry, 'detail' | 'requestId'> = {}) =>
    audit(store, {
      at: clock.now(),
      event,
      approvalId: r.id,
      kind: kind.name,
      by,
      target: kind.target(r.plan),
      ...more,
    });

  const typedOk = (r: R, typed: string) => {
    const wanted = kind.typedConfirmation?.(r.plan)?.trim().toLowerCase();
    return !wanted || typed.trim().toLowerCase() === wanted;
  };

  /** One guarded write: `change` applies only while the request is of this kind and in state `from`. */
  const move = (id: string, from: RequestStatus, change: (r: R) => R | undefined) =>
    update<R>(store, requestKey(id), (r) => (ofKind(r) && r.status === from ? change(r) : undefined));

  /**
   * Why `by` may not decide `r` now, or `undefined`; a request found past its expiry is moved to expired on the way.
   */
  async function refusal(r: R | undefined, by: User): Promise<Step<R> | undefined> {
    if (!ofKind(r) || r.status === 'draft') return { ok: false, refused: 'missing' };
    if (same(r.requester, by)) return { ok: false, refused: 'self', request: r };
    if (r.status === 'pending' && clock.now() > r.expiresAt) {
      const { value, changed } = await move(r.id, 'pending', (x) => ({ ...x, status: 'expired' }));
      if (changed) await record(value!, 'expired', by);
      return { ok: false, refused: 'expired', request: value ?? r };
    }
    return r.status === 'pending' ? undefined : { ok: false, refused: 'decided', request: r };
  }

  const machine: Machine<R, A> = {
    async get(id) {
      const r = (await store.get<R>(requestKey(id)))?.value;
      return ofKind(r) ? r : undefined;
    },

    async draft(init) {
      const now = clock.now();
      const r = {
        ...init,
        id: randomUUID(),
        kind: kind.name,
        status: 'draft',
        createdAt: now,
        expiresAt: now + kind.ttlMs(config),
      } as R;
      await store.put(requestKey(r.id), r, { ifNoneMatch: '*' });
      return r;
    },

    async request(id, by, reason) {
      const now = clock.now();
      const { value, changed } = await move(id, 'draft', (r) => ({
        ...r,
        status: 'pending',
        requester: by,
        reason: reason || undefined,
        createdAt: now,
        expiresAt: now + kind.ttlMs(config),
      }));
      if (!ofKind(value)) return { ok: false, refused: 'missing' };
      if (!changed) return { ok: false, refused: 'submitted', request: value };
      await record(value, 'requested', by, { detail: reason || undefined });
      return { ok: true, request: value };
    },

    async decide(id, by, outcome, comment, typed = '') {
      const current = await machine.get(id);
      const refused = await refusal(current, by);
      if (refused) return refused;
      if (outcome === 'rejected' && !comment) return { ok: false, refused: 'commentRequired' };
      if (outcome === 'approved' && !typedOk(current!, typed)) return { ok: false, refused: 'confirmationMismatch' };
      const now = clock.now();
      const { value, changed } = await move(id, 'pending', (r) =>
        now > r.expiresAt || same(r.requester, by)
          ? undefined
          : { ...r, status: outcome, decidedBy: by, decidedAt: now, comment: comment || undefined },
      );
      if (!changed || !value) return (await refusal(value, by)) ?? { ok: false, refused: 'missing' };
      await record(value, outcome, by, { detail: comment || undefined });
      return { ok: true, request: value };
    },

    async confirm(id, by, typed = '') {
      const r = await machine.get(id);
      if (!r) return { ok: false, refused: 'missing' };
      if (r.status !== 'draft')
        return { ok: false, refused: r.status === 'pending' ? 'submitted' : 'decided', request: r };
      if (!same(r.requester, by)) return { ok: false, refused: 'notRequester', request: r };
      if (kind.needsApproval?.(config, r.plan) ?? true) return { ok: false, refused: 'approvalRequired' };
      if (clock.now() > r.expiresAt) return { ok: false, refused: 'expired', request: r };
      if (!typedOk(r, typed)) return { ok: false, refused: 'confirmationMismatch' };
      const now = clock.now();
      const { value, changed } = await move(id, 'draft', (x) =>
        same(x.requester, by) ? { ...x, status: 'approved', decidedBy: by, decidedAt: now } : undefined,
      );
      if (!changed || !value)
        return value ? { ok: false, refused: 'decided', request: value } : { ok: false, refused: 'missing' };
      await record(value, 'confirmed', by);
      return { ok: true, request: value };
    },

    async apply(r, by, azure) {
      const who = r.decidedBy ?? by;
      try {
        const applied = await kind.apply(azure, r.plan);
        const { value, changed } = await move(r.id, 'approved', (x) => ({
          ...x,
          status: 'applied',
          requestId: applied.requestId,
        }));
        if (changed) await record(value!, 'applied', who, { detail: applied.detail, requestId: applied.requestId });
        return { ok: true, request: value, applied };
      } catch (error) {
        // Azure's code, or the bot's own when it refused before sending (a vault guard found in the way).
        const code = error instanceof CodedError ? error.code : 'InternalError';
        const requestId = isAzureError(error) ? error.requestId : undefined;
        const { value, changed } = await move(r.id, 'approved', (x) => ({
          ...x,
          status: 'failed',
          error: code,
          requestId,
        }));
        if (changed) await record(value!, 'failed', who, { detail: code, requestId });
        return { ok: false, request: value, error, code };
      }
    },

    async showOn(id, cardActivityId) {
      await update<R>(store, requestKey(id), (r) => r && { ...r, cardActivityId });
    },
  };
  return machine;
}
