/**
 * The durable state port: a key/value store with eTags (optimistic concurrency), the shape botbuilder's `Storage`
 * has, plus listing by prefix. Pending confirmations, approvals, tracked jobs and conversation references live here,
 * so they survive a restart and, with a shared backend, several instances.
 */
import { CodedError } from '../errors';

export interface Versioned<T> {
  key: string;
  value: T;
  etag: string;
}

export interface PutOptions {
  /** Write only if the stored eTag is this one. */
  ifMatch?: string;
  /** `'*'`: write only if the key does not exist yet. */
  ifNoneMatch?: '*';
}

export interface StateStore {
  get<T>(key: string): Promise<Versioned<T> | undefined>;
  /** Returns the new eTag; throws `StateConflictError` when a precondition fails. */
  put<T>(key: string, value: T, options?: PutOptions): Promise<string>;
  delete(key: string, options?: { ifMatch?: string }): Promise<void>;
  /** Every item whose key starts with `prefix`, in key order. */
  list<T>(prefix: string): Promise<Versioned<T>[]>;
  close(): Promise<void>;
}

export class StateConflictError extends CodedError {
  constructor(key: string) {
    super('StateConflict', `state for ${key} changed concurrently`);
  }
}

/**
 * Read-modify-write with eTag retries. `change` returns the new value, or `undefined` to leave the item as it is.
 * Returns what is stored afterwards (or `undefined` when nothing exists and nothing was written), with its eTag, so a
 * caller can go on writing it guarded (`ifMatch`).
 */
export async function update<T>(
  store: StateStore,
  key: string,
  change: (current: T | undefined) => T | undefined,
  attempts = 10,
): Promise<{ value: T | undefined; changed: boolean; etag?: string }> {
  for (let i = 0; i < attempts; i++) {
    const current = await store.get<T>(key);
    const next = change(current?.value);
    if (next === undefined) return { value: current?.value, changed: false, etag: current?.etag };
    try {
      const etag = await store.put(key, next, current ? { ifMatch: current.etag } : { ifNoneMatch: '*' });
      return { value: next, changed: true, etag };
    } catch (e) {
      if (!(e instanceof StateConflictError)) throw e;
    }
  }
  throw new StateConflictError(key);
}

/**
 * Deletes the listed items `stale` picks, each only if it is unchanged since it was listed: one changed meanwhile (or
 * already gone) is left for the next round. Returns how many were deleted. How state stops growing with old records.
 */
export async function forgetStale<T>(
  store: StateStore,
  items: Versioned<T>[],
  stale: (value: T) => boolean,
): Promise<number> {
  let forgotten = 0;
  for (const { key, value, etag } of items) {
    if (stale(value))
      await store.delete(key, { ifMatch: etag }).then(
        () => forgotten++,
        () => undefined,
      );
  }
  return forgotten;
}
