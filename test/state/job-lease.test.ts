/**
 * Vault leases, in process: two or three trackers (instances) on one store, a hand-moved clock, a fake Azure and a
 * fake messenger. Each vault is polled by one instance at a time; each job card and final message is posted exactly
 * once; a vault whose instance stops renewing is taken over after the lease runs out; a slow instance that lost the
 * vault posts nothing more; a graceful stop hands over at once; a round over unchanged jobs writes no job.
 */
import type { AzurePort, BackupJob, JobStatus } from '../../src/azure/port';
import { ManualClock } from '../../src/clock';
import { createJobTracker, type JobTracker } from '../../src/jobs/tracker';
import { doneKey, jobKey, registerVault, vaultKey, type TrackedJob } from '../../src/jobs/tracked-job';
import { silentLogger } from '../../src/log';
import { holdLease, type Lease } from '../../src/state/lease';
import { openSqliteStore } from '../../src/state/sqlite-store';
import type { StateStore } from '../../src/state/store';
import type { Poster } from '../../src/core/poster';

const VAULT =
  '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/rsv';
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
  const ids = ['job-1', 'job-2'];
  const job = (jobId: string): BackupJob => ({
    jobId,
    vaultId: VAULT,
    operation: 'Backup',
    status,
    entityFriendlyName: 'vm001',
    startTime: new Date(clock.now() - 1000),
    errors: [],
    durationMs: status === 'InProgress' ? undefined : 60_000,
  });
  const azure = {
    getJob: async (_v: string, jobId: string) => job(jobId),
    listJobs: async () => ids.map(job),
  } as unknown as AzurePort;
  const posts: Post[] = [];
  let next = 1;
  const messenger = (by: string, hold?: { until: Promise<void> }): Poster => ({
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
  /** Azure as one instance sees it: `hold` makes its job-list reads hang until released. */
  const slowAzure = (hold: { until: Promise<void> }) =>
    ({ ...azure, listJobs: async () => (await hold.until, ids.map(job)) }) as AzurePort;
  const tracker = (id: string, m = messenger(id), az = azure): JobTracker =>
    createJobTracker({ azure: az, store, poster: m, clock, log: silentLogger, intervalMs: INTERVAL, instanceId: id });
  const tracked = (jobId = 'job-1'): TrackedJob => ({
    jobId,
    vaultId: VAULT,
    operation: 'Backup',
    vm: { id: '/vm', name: 'vm001', resourceGroup: 'rg' },
    conversationId: 'c1',
    locale: 'en',
    startedBy: { id: '', name: 'Aiko' },
    createdAt: clock.now(),
  });
  /** A job as a bot that died before posting anything left it: tracked, no lease. */
  const seed = async (job: TrackedJob) => {
    await registerVault(store, VAULT);
    await store.put(jobKey(VAULT, job.jobId), job);
  };
  return {
    clock,
    store,
    azure,
    slowAzure,
    seed,
    posts,
    messenger,
    tracker,
    tracked,
    finish: (s: JobStatus = 'Completed') => (status = s),
  };
}

const finals = (posts: Post[]) => posts.filter((p) => p.kind === 'send' && p.text);
const cards = (posts: Post[]) => posts.filter((p) => p.kind === 'send' && !p.text);
const vaultLease = async (store: StateStore) => (await store.get<Lease>(vaultKey(VAULT)))?.value;

describe('vault leases (several instances, one store)', () => {
  it('each job card and final message is posted once, the updates by the one instance polling the vault', async () => {
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
    expect(cards(w.posts)).toEqual([{ by: 'A', kind: 'send' }]); // the first card: the instance that started following it
    const poller = (await vaultLease(w.store))?.owner;
    expect(finals(w.posts).map((p) => p.by)).toEqual([poller]);
    expect(w.posts.filter((p) => p.kind === 'update').map((p) => p.by)).toEqual([poller]);
    // Ended: out of the running set, kept under done/.
    expect(await w.store.list('job/')).toEqual([]);
    expect((await w.store.get<TrackedJob>(doneKey('job-1')))?.value.finishedAt).toBeDefined();
  });

  it('a job tracked on one instance while another polls its vault: one card, then followed by the poller', async () => {
    const w = world();
    let release!: () => void;
    const a = w.tracker('A', w.messenger('A', { until: new Promise<void>((r) => (release = r)) }));
    const b = w.tracker('B');
    expect(
      (await holdLease(w.store, vaultKey(VAULT), 'B', w.clock.now(), 3 * INTERVAL, { fields: { vaultId: VAULT } }))
        .held,
    ).toBe(true);
    const tracking = a.track(w.tracked());
    await new Promise((r) => setTimeout(r, 20));
    await b.tick(); // while A is still posting the first card, B's round leaves the job alone
    release();
    await tracking;
    w.clock.advance(INTERVAL);
    await Promise.all([a.tick(), b.tick()]);
    w.finish();
    w.clock.advance(INTERVAL);
    await Promise.all([a.tick(), b.tick()]);
    expect(cards(w.posts)).toEqual([{ by: 'A', kind: 'send' }]);
    expect(finals(w.posts).map((p) => p.by)).toEqual(['B']);
    expect(w.posts.filter((p) => p.kind === 'update').map((p) => p.by)).toEqual(['B']);
  });

  it('a vault whose instance died is taken over once its lease runs out, and the job ends with one final message', async () => {
    const w = world();
    const [a, b] = [w.tracker('A'), w.tracker('B')];
    await a.track(w.tracked());
    await a.tick();
    // A dies (no more ticks, no stop). Within the lease, B leaves the vault alone.
    w.clock.advance(2 * INTERVAL);
    await b.tick();
    expect((await vaultLease(w.store))?.owner).toBe('A');
    w.clock.advance(INTERVAL);
    w.finish();
    await b.tick();
    expect(cards(w.posts).map((p) => p.by)).toEqual(['A']);
    expect(finals(w.posts).map((p) => p.by)).toEqual(['B']);
    await b.tick();
    expect(finals(w.posts)).toHaveLength(1);
  });

  it('a slow instance that lost the vault finds out before posting: the final message is posted once', async () => {
    const w = world();
    let release!: () => void;
    const a = w.tracker('A', undefined, w.slowAzure({ until: new Promise<void>((r) => (release = r)) }));
    const b = w.tracker('B');
    await w.seed({ ...w.tracked(), cardActivityId: 'a0', shown: 'starting' });
    w.finish();
    // A starts a round with the job as it was, takes the vault, and hangs reading the vault's job list.
    const stuck = a.tick();
    await new Promise((r) => setTimeout(r, 20));
    expect((await vaultLease(w.store))?.owner).toBe('A');
    w.clock.advance(3 * INTERVAL + 1);
    await b.tick(); // B takes the vault over and ends the job
    expect(finals(w.posts).map((p) => p.by)).toEqual(['B']);
    release();
    await stuck; // A now sees the job ended, too: it must not post about it
    await Promise.all([a.tick(), b.tick()]);
    expect(w.posts.filter((p) => p.by === 'A')).toEqual([]);
    expect(finals(w.posts)).toHaveLength(1);
    expect((await w.store.get<TrackedJob>(doneKey('job-1')))?.value.finishedAt).toBeDefined();
  });

  it('a graceful stop gives the vault back: the other instance continues at its next tick', async () => {
    const w = world();
    const [a, b] = [w.tracker('A'), w.tracker('B')];
    await a.track(w.tracked());
    await a.tick();
    expect((await vaultLease(w.store))?.owner).toBe('A');
    await a.stop();
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

  it('instances racing for a free vault: exactly one polls it', async () => {
    const w = world();
    await w.seed(w.tracked('job-1'));
    await w.seed(w.tracked('job-2'));
    const trackers = ['A', 'B', 'C'].map((id) => w.tracker(id));
    await Promise.all(trackers.map((t) => t.tick()));
    expect(cards(w.posts)).toHaveLength(2);
    expect(new Set(w.posts.map((p) => p.by))).toEqual(new Set([(await vaultLease(w.store))?.owner]));
  });

  it('rounds over running jobs that did not change write no job, and the vault lease only every other round', async () => {
    const w = world();
    const puts: string[] = [];
    const put = w.store.put.bind(w.store);
    w.store.put = (key, value, options) => (puts.push(key), put(key, value, options));
    const a = createJobTracker({
      azure: w.azure,
      store: w.store,
      poster: w.messenger('A'),
      clock: w.clock,
      log: silentLogger,
      intervalMs: INTERVAL,
      instanceId: 'A',
    });
    await a.track(w.tracked('job-1'));
    await a.track(w.tracked('job-2'));
    await a.tick();
    puts.length = 0;
    for (let i = 0; i < 6; i++) {
      w.clock.advance(INTERVAL);
      await a.tick();
    }
    expect(puts.filter((k) => k.startsWith('job/'))).toEqual([]);
    expect(puts).toEqual(Array(3).fill(vaultKey(VAULT)));
    expect(w.posts.filter((p) => p.kind === 'send')).toHaveLength(2);
  });
});
