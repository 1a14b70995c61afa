/**
 * Time-boxed ownership of shared work, for several bot instances on one state store (App Service scale-out): the
 * instance that holds an item's lease is the only one that acts on it, renews it while it works, and loses it to
 * another instance when it stops renewing (it died, or hangs). Taking or renewing a lease is a write guarded by the
 * item's eTag, so of two instances racing for one item exactly one wins.
 *
 * Lease times are read from each instance's own clock: instances must agree on the time to well within a lease
 * (NTP-synchronised hosts do, by orders of magnitude).
 */
import { update, type StateStore } from './store';

export interface Lease {
  /** Instance id of the holder (`Config.instanceId`). */
  owner: string;
  /** Clock time (ms) until which nobody else may take it. */
  until: number;
}

/** May `owner` take or renew this lease now? Yes when nobody holds it, it is its own, or it has run out. */
export function mayTake(lease: Lease | undefined, owner: string, now: number): boolean {
  return !lease || lease.owner === owner || lease.until <= now;
}

export function leaseFor(owner: string, now: number, durationMs: number): Lease {
  return { owner, until: now + durationMs };
}

/**
 * Takes or renews the lease stored under `key` (work that is not an item of its own: a vault's jobs). Says whether
 * `owner` holds it afterwards, and from whom it was taken when it was another's that ran out (not given back).
 * Other fields of the stored item are kept; `fields` are what a new item starts with.
 * With `keepFresh`, a lease of `owner`'s with more than half its time left is kept as it is (a read, no write), so
 * holding a lease over many rounds costs a write only every few rounds.
 */
export async function holdLease(
  store: StateStore,
  key: string,
  owner: string,
  now: number,
  durationMs: number,
  options: { keepFresh?: boolean; fields?: Record<string, unknown> } = {},
): Promise<{ held: boolean; takenFrom?: string }> {
  const fresh = (lease: Lease | undefined) =>
    !!options.keepFresh && !!lease && lease.owner === owner && lease.until - now > durationMs / 2;
  let before: Lease | undefined;
  const { value } = await update<Lease>(store, key, (lease) => {
    before = lease;
    return mayTake(lease, owner, now) && !fresh(lease)
      ? { ...(lease ?? options.fields), ...leaseFor(owner, now, durationMs) }
      : undefined;
  });
  const held = !!value && value.owner === owner && value.until > now;
  return {
    held,
    takenFrom: held && before?.owner && before.owner !== owner && before.until > 0 ? before.owner : undefined,
  };
}

/** Gives a standalone lease back (graceful stop), so another instance need not wait for it to run out. */
export async function releaseLease(store: StateStore, key: string, owner: string): Promise<void> {
  await update<Lease>(store, key, (lease) =>
    lease && lease.owner === owner && lease.until > 0 ? { ...lease, until: 0 } : undefined,
  );
}
