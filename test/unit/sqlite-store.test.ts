import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqliteStore } from '../../src/state/sqlite-store';
import { StateConflictError, update } from '../../src/state/store';

describe('SQLite state store', () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'store-')), 'nested', 'state.sqlite');

  it('survives being closed and reopened (a restart)', async () => {
    const store = openSqliteStore(file);
    await store.put('job/1', { state: 'InProgress' });
    await store.close();
    const again = openSqliteStore(file);
    expect((await again.get('job/1'))?.value).toEqual({ state: 'InProgress' });
    await again.close();
  });

  it('enforces eTags: a stale write and a second create both fail', async () => {
    const store = openSqliteStore(':memory:');
    const etag = await store.put('k', 1, { ifNoneMatch: '*' });
    await expect(store.put('k', 2, { ifNoneMatch: '*' })).rejects.toBeInstanceOf(StateConflictError);
    const etag2 = await store.put('k', 3, { ifMatch: etag });
    await expect(store.put('k', 4, { ifMatch: etag })).rejects.toBeInstanceOf(StateConflictError);
    await expect(store.delete('k', { ifMatch: etag })).rejects.toBeInstanceOf(StateConflictError);
    await store.delete('k', { ifMatch: etag2 });
    expect(await store.get('k')).toBeUndefined();
  });

  it('lists by prefix in key order and nothing else', async () => {
    const store = openSqliteStore(':memory:');
    await store.put('job/b', 2);
    await store.put('job/a', 1);
    await store.put('jobs', 0);
    await store.put('approval/a', 9);
    expect((await store.list('job/')).map((v) => [v.key, v.value])).toEqual([['job/a', 1], ['job/b', 2]]);
  });

  it('update applies a change exactly once under concurrent updaters', async () => {
    const store = openSqliteStore(':memory:');
    await store.put('pending', { used: false, by: '' });
    const claim = (who: string) => update<{ used: boolean; by: string }>(store, 'pending', (p) => (p && !p.used ? { used: true, by: who } : undefined));
    const results = await Promise.all(['a', 'b', 'c', 'd'].map(claim));
    expect(results.filter((r) => r.changed)).toHaveLength(1);
    expect((await store.get<{ by: string }>('pending'))?.value.by).toBe(results.find((r) => r.changed)?.value?.by);
  });
});
