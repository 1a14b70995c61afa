/**
 * What every `StateStore` backend must do, as one spec run against each (SQLite, Azure Blob Storage on Azurite):
 * eTag conflicts, create-only writes, listing by prefix, surviving a reopen, and `update()` applying a change
 * exactly once when several updaters (on two store instances, as two bot instances) race.
 */
import { StateConflictError, update, type StateStore } from '../../src/state/store';

export interface StoreBackend {
  /** A new, empty place for state (a file, a container). */
  fresh(): string;
  /** Opens a store on that place; called again for a reopen or a second instance. */
  open(place: string): StateStore;
}

export function describeStoreContract(name: string, backend: () => StoreBackend): void {
  describe(`${name} state store (shared contract)`, () => {
    const opened: StateStore[] = [];
    const open = (place: string) => {
      const store = backend().open(place);
      opened.push(store);
      return store;
    };
    let store: StateStore;
    beforeEach(() => {
      store = open(backend().fresh());
    });
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.close()));
    });

    it('round-trips any JSON value, and get answers the eTag put returned', async () => {
      const values: [string, unknown][] = [
        ['v/object', { jobId: 'j1', nested: { list: [1, 2] }, eTag: "a field of the value, not the store's" }],
        ['v/number', 42],
        ['v/string', 'バックアップ 2026年12月31日'],
        ['v/array', ['a', 'b']],
        ['v/null', null],
      ];
      for (const [key, value] of values) {
        const etag = await store.put(key, value);
        const got = await store.get(key);
        expect(got).toEqual({ key, value, etag });
      }
      expect(await store.get('v/missing')).toBeUndefined();
    });

    it('rejects stale eTags on put and delete, and an eTag on a missing key', async () => {
      const first = await store.put('k', { n: 1 });
      const second = await store.put('k', { n: 2 }, { ifMatch: first });
      expect(second).not.toBe(first);
      await expect(store.put('k', { n: 3 }, { ifMatch: first })).rejects.toBeInstanceOf(StateConflictError);
      await expect(store.delete('k', { ifMatch: first })).rejects.toBeInstanceOf(StateConflictError);
      await expect(store.put('other', 1, { ifMatch: second })).rejects.toBeInstanceOf(StateConflictError);
      expect((await store.get('k'))?.value).toEqual({ n: 2 });
      await store.delete('k', { ifMatch: second });
      expect(await store.get('k')).toBeUndefined();
      await expect(store.delete('k', { ifMatch: second })).rejects.toBeInstanceOf(StateConflictError);
      await store.delete('k'); // unconditional delete of a missing key is fine
    });

    it('create-only (ifNoneMatch *): one create wins, even when several race', async () => {
      const etag = await store.put('once', 'first', { ifNoneMatch: '*' });
      await expect(store.put('once', 'second', { ifNoneMatch: '*' })).rejects.toBeInstanceOf(StateConflictError);
      expect(await store.get('once')).toEqual({ key: 'once', value: 'first', etag });
      const results = await Promise.allSettled(
        Array.from({ length: 6 }, (_, i) => store.put('race', i, { ifNoneMatch: '*' })),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(StateConflictError);
    });

    it('lists by prefix, in key order, nothing else, with the eTags get gives', async () => {
      await store.put('job/b', 2);
      await store.put('job/a', 1);
      await store.put('jobs', 0);
      await store.put('approval/a', 9);
      const conversation = 'conv/19:ops@thread.tacv2;messageid=1732870000000';
      await store.put(conversation, { serviceUrl: 'https://smba.example/amer/' });
      const jobs = await store.list<number>('job/');
      expect(jobs.map((v) => [v.key, v.value])).toEqual([
        ['job/a', 1],
        ['job/b', 2],
      ]);
      for (const v of jobs) expect((await store.get(v.key))?.etag).toBe(v.etag);
      expect((await store.list('conv/')).map((v) => v.key)).toEqual([conversation]);
      await store.put('job/a', 10);
      await store.delete('job/b');
      expect((await store.list<number>('job/')).map((v) => [v.key, v.value])).toEqual([['job/a', 10]]);
      expect(await store.list('nothing/')).toEqual([]);
    });

    it('survives being closed and reopened (a restart)', async () => {
      const place = backend().fresh();
      const before = open(place);
      const etag = await before.put('job/1', { state: 'InProgress' });
      await before.close();
      const after = open(place);
      expect(await after.get('job/1')).toEqual({ key: 'job/1', value: { state: 'InProgress' }, etag });
      await after.put('job/1', { state: 'Completed' }, { ifMatch: etag });
    });

    it('update() applies a change exactly once among concurrent updaters on two instances', async () => {
      const place = backend().fresh();
      const one = open(place);
      const two = open(place);
      await one.put('pending', { used: false, by: '' });
      const claim = (s: StateStore, who: string) =>
        update<{ used: boolean; by: string }>(s, 'pending', (p) =>
          p && !p.used ? { used: true, by: who } : undefined,
        );
      const results = await Promise.all(['a', 'b', 'c', 'd', 'e', 'f'].map((who, i) => claim(i % 2 ? one : two, who)));
      const winners = results.filter((r) => r.changed);
      expect(winners).toHaveLength(1);
      const stored = await two.get<{ by: string }>('pending');
      expect(stored?.value.by).toBe(winners[0].value?.by);
      expect(stored?.etag).toBe(winners[0].etag);
    });

    it('update() counts every increment when writers race (no lost update)', async () => {
      const place = backend().fresh();
      const [one, two] = [open(place), open(place)];
      await Promise.all(
        Array.from({ length: 8 }, (_, i) => update<number>(i % 2 ? one : two, 'counter', (n) => (n ?? 0) + 1, 50)),
      );
      expect((await one.get<number>('counter'))?.value).toBe(8);
    });
  });
}
