/**
 * Time-boxed ownership of shared work, for several bot instances on one state store (App Service scale-out): the
 * instance that holds an item's lease is the only one that acts on it, renews it while it works, and loses it to
 * another instance when it stops renewing (it died, or hangs). Taking or renewing a lease is a write guarded by the
 * item's eTag, so of two instances racing for one item exactly one wins.
 *
 * Lease times are read from each instance's own clock: instances must agree on the time to well within a lease
 * (NTP-synchronised hosts do, by orders of magnitude).
 */
import { StateConflictError, update, type StateStore, type Versioned } from './store';

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
 * Takes or renews a standalone lease stored under `key` (for work that is not an item of its own, such as the
 * vault observers). Returns whether `owner` holds it afterwards.
 */
export async function holdLease(store: StateStore, key: string, owner: string, now: number, durationMs: number): Promise<boolean> {
  const { changed } = await update<Lease>(store, key, (lease) => (mayTake(lease, owner, now) ? leaseFor(owner, now, durationMs) : undefined));
  return changed;
}

/** Gives a standalone lease back (graceful stop), so another instance need not wait for it to run out. */
export async function releaseLease(store: StateStore, key: string, owner: string): Promise<void> {
  await update<Lease>(store, key, (lease) => (lease && lease.owner === owner && lease.until > 0 ? { owner, until: 0 } : undefined));
}

/**
 * Takes or renews the lease of each item nobody else holds now, each with a write guarded by the item's eTag.
 * Returns the items held afterwards, with their new eTags; an item lost to a race is left out, and any other
 * failure goes to `onError`, so one bad item does not hold up the others.
 */
export async function takeLeases<T extends { lease?: Lease }>(
  store: StateStore,
  items: Versioned<T>[],
  owner: string,
  now: number,
  durationMs: number,
  onError: (key: string, error: unknown) => void,
): Promise<Versioned<T>[]> {
  const taken: Versioned<T>[] = [];
  // A lease of ours with more than half its time left is kept as it is: no write, so a tick over many items costs
  // a write per item only every few ticks.
  const fresh = (lease: Lease | undefined) => !!lease && lease.owner === owner && lease.until - now > durationMs / 2;
  taken.push(...items.filter((item) => fresh(item.value.lease)));
  await Promise.all(
    items
      .filter((item) => mayTake(item.value.lease, owner, now) && !fresh(item.value.lease))
      .map(async ({ key, value, etag }) => {
        const leased = { ...value, lease: leaseFor(owner, now, durationMs) };
        try {
          taken.push({ key, value: leased, etag: await store.put(key, leased, { ifMatch: etag }) });
        } catch (error) {
          if (!(error instanceof StateConflictError)) onError(key, error);
        }
      }),
  );
  return taken.sort((a, b) => (a.key < b.key ? -1 : 1));
}

/** Gives back the leases `owner` holds on these items (graceful stop); an item changed meanwhile is left as it is. */
export async function giveBackLeases<T extends { lease?: Lease }>(store: StateStore, items: Versioned<T>[], owner: string): Promise<void> {
  const mine = items.filter((item) => item.value.lease?.owner === owner);
  await Promise.all(mine.map(({ key, value, etag }) => store.put(key, { ...value, lease: undefined }, { ifMatch: etag }).catch(() => undefined)));
}
