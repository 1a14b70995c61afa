/**
 * Job leases, in process: two trackers (two instances) on one store, a hand-moved clock, a fake Azure and a fake
 * messenger. Exactly one instance posts each card and final message; a job whose instance stops renewing is taken
 * over after the lease runs out; a slow instance that lost the lease posts nothing; a graceful stop hands over at once.
 */
import type { AzurePort, BackupJob, JobStatus } from '../../src/azure/port';
import { ManualClock } from '../../src/clock';
import { createJobTracker, type JobTracker } from '../../src/jobs/tracker';
import { jobKey, type TrackedJob } from '../../src/jobs/tracked-job';
import { silentLogger } from '../../src/log';
import { openSqliteStore } from '../../src/state/sqlite-store';
import type { StateStore } from '../../src/state/store';
import type { Messenger } from '../../src/teams/messenger';

const VAULT = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/rsv';
const INTERVAL = 30_000;

interface Post {
  by: string;
  kind: 'send' | 'update';
  text?: string;
}

function world() {
  const clock = new ManualClock();
  const store = openSqliteStore(':memory:');
  let status: JobStatus = 'InProgress';
  const job = (): BackupJob => ({ jobId: 'job-1', vaultId: VAULT, operation: 'Backup', status, entityFriendlyName: 'vm001', startTime: new Date(clock.now() - 1000), errors: [], durationMs: status === 'InProgress' ? undefined : 60_000 });
  const azure = { getJob: async () => job(), listJobs: async () => [job()] } as unknown as AzurePort;
  const posts: Post[] = [];
  let next = 1;
  const messenger = (by: string, hold?: { until: Promise<void> }): Messenger => ({
    async send(_c, message) {
      await hold?.until;
      posts.push({ by, kind: 'send', text: message.text });
      return `a${next++}`;
    },
    async update() {
      await hold?.until;
      posts.push({ by, kind: 'update' });
    },
  });
  const tracker = (id: string, m = messenger(id)): JobTracker =>
    createJobTracker({ azure, store, messenger: m, clock, log: silentLogger, intervalMs: INTERVAL, instanceId: id });
  const tracked = (): TrackedJob => ({
    jobId: 'job-1', vaultId: VAULT, operation: 'Backup', vm: { id: '/vm', name: 'vm001', resourceGroup: 'rg' }, conversationId: 'c1', locale: 'en',
    startedBy: { id: '', name: 'Aiko' }, createdAt: clock.now(),
  });
  return { clock, store, posts, messenger, tracker, tracked, finish: (s: JobStatus = 'Completed') => (status = s) };
}

const finals = (posts: Post[]) => posts.filter((p) => p.kind === 'send' && p.text);
const cards = (posts: Post[]) => posts.filter((p) => p.kind === 'send' && !p.text);
const leaseOf = async (store: StateStore) => (await store.get<TrackedJob>(jobKey('job-1')))?.value.lease;

describe('job leases (two instances, one store)', () => {
  it('the instance that tracked a job keeps it; the other never posts about it', async () => {
    const w = world();
    const [a, b] = [w.tracker('A'), w.tracker('B')];
    await a.track(w.tracked());
    for (let i = 0; i < 3; i++) {
      w.clock.advance(INTERVAL);
      await Promise.all([b.tick(), a.tick()]);
    }
    w.finish();
    w.clock.advance(INTERVAL);
    await Promise.all([b.tick(), a.tick()]);
    await Promise.all([b.tick(), a.tick()]);
    expect(cards(w.posts)).toEqual([{ by: 'A', kind: 'send' }]);
    expect(finals(w.posts)).toHaveLength(1);
    expect(w.posts.every((p) => p.by === 'A')).toBe(true);
  });

  it('a job whose instance died is taken over once its lease runs out, and ends with one final message', async () => {
    const w = world();
    const [a, b] = [w.tracker('A'), w.tracker('B')];
    await a.track(w.tracked());
    // A dies (no more ticks, no stop). Within the lease, B leaves the job alone.
    w.clock.advance(2 * INTERVAL);
    await b.tick();
    expect((await leaseOf(w.store))?.owner).toBe('A');
    w.clock.advance(INTERVAL);
    w.finish();
    await b.tick();
    expect(cards(w.posts).map((p) => p.by)).toEqual(['A']);
    expect(finals(w.posts).map((p) => p.by)).toEqual(['B']);
    await b.tick();
    expect(finals(w.posts)).toHaveLength(1);
  });

  it('a slow instance that lost its lease finds out before posting the final message', async () => {
    const w = world();
    let release!: () => void;
    const slow = { until: new Promise<void>((r) => (release = r)) };
    const a = w.tracker('A', w.messenger('A', slow));
    const b = w.tracker('B');
    await w.store.put(jobKey('job-1'), { ...w.tracked(), lease: { owner: 'A', until: w.clock.now() + 3 * INTERVAL } });
    // A starts a round and hangs on the connector while posting the job card.
    const stuck = a.tick();
    await new Promise((r) => setTimeout(r, 20));
    w.clock.advance(3 * INTERVAL + 1);
    await b.tick(); // B takes the job over and posts its own card (A's never arrived)
    w.finish();
    w.clock.advance(INTERVAL);
    await b.tick();
    release();
    await stuck;
    w.clock.advance(INTERVAL);
    await Promise.all([a.tick(), b.tick()]);
    expect(finals(w.posts).map((p) => p.by)).toEqual(['B']);
    expect((await w.store.get<TrackedJob>(jobKey('job-1')))?.value.finishedAt).toBeDefined();
  });

  it('a graceful stop gives the lease back: the other instance continues at its next tick', async () => {
    const w = world();
    const [a, b] = [w.tracker('A'), w.tracker('B')];
    await a.track(w.tracked());
    await a.stop();
    expect(await leaseOf(w.store)).toBeUndefined();
    w.finish();
    await b.tick();
    expect(finals(w.posts).map((p) => p.by)).toEqual(['B']);
  });

  it('a tick of the same instance while track() is still posting the card leaves the job alone: one card', async () => {
    const w = world();
    let release!: () => void;
    const a = w.tracker('A', w.messenger('A', { until: new Promise<void>((r) => (release = r)) }));
    const tracking = a.track(w.tracked());
    await new Promise((r) => setTimeout(r, 20));
    const ticking = a.tick();
    await new Promise((r) => setTimeout(r, 20));
    release();
    await Promise.all([tracking, ticking]);
    await a.tick();
    expect(cards(w.posts)).toHaveLength(1);
  });

  it('two instances racing for a free job: exactly one takes it', async () => {
    const w = world();
    await w.store.put(jobKey('job-1'), w.tracked());
    const trackers = ['A', 'B', 'C'].map((id) => w.tracker(id));
    await Promise.all(trackers.map((t) => t.tick()));
    expect(cards(w.posts)).toHaveLength(1);
    expect((await leaseOf(w.store))?.owner).toBe(cards(w.posts)[0].by);
  });
});
