/**
 * ARM reads per poll tick: N tracked jobs over 4 vaults (running, cards already posted, the failure watch on),
 * three ticks of the bot's tracker, every request the simulator receives counted. The baseline is measured too: a
 * naive poller, one `getJob` per tracked job through the same Azure port, once (up to 1,000 jobs). The bot, the
 * simulator (on a manual
 * clock, so nothing finishes between ticks) and its state share this process.
 */
import path from 'node:path';
import { startApp } from '../../src/app';
import { ManualClock } from '../../src/clock';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { startSimulator } from '../../src/simulator';
import { WATCH_KEY, type WatchConfig } from '../../src/watch/alert';
import { tempDir } from './child';
import { benchVaultIds, seedJobs, storeTrackedJobs, type SeededJob } from './estate';
import { type Row } from './stats';

const LEVELS = [100, 1_000, 10_000];
const JUDGED = 1_000;
const VAULTS = 4;
const TICKS = 3;
const NAIVE_MEASURED_UP_TO = 1_000;

export interface ReadsResult {
  jobs: number;
  /** Requests per tick (all GET), and how long each tick took. */
  ticks: { reads: number; writes: number; ms: number }[];
  naive: number;
  naiveMs: number;
  naiveMeasured: boolean;
}

export async function measureReads(jobs: number): Promise<ReadsResult> {
  const dir = tempDir('bench-reads-');
  const clock = new ManualClock();
  const sim = await startSimulator({
    clock,
    timings: { snapshotMs: 3_600_000, transferMs: 3_600_000 },
    retryAfterSeconds: 0,
  });
  const vaultIds = benchVaultIds(sim.subscriptionId, VAULTS);
  const config = loadConfig({
    PORT: '0',
    STATE_PATH: path.join(dir, 'state.sqlite'),
    RECOVERY_VAULT_IDS: vaultIds.join(','),
  });
  const app = await startApp({
    config,
    simulator: sim,
    clock,
    host: '127.0.0.1',
    autoPoll: false,
    log: createLogger(() => undefined),
  });
  try {
    const { store, azure } = app.services;
    const seeded: SeededJob[] = seedJobs(sim.estate, { vaults: VAULTS, jobs, now: clock.now() });
    await storeTrackedJobs(store, seeded, (i) => `19:bench-reads-${i % 50}@thread.tacv2`);
    const watch: WatchConfig = {
      conversationId: '19:bench-alerts@thread.tacv2',
      locale: 'en',
      setBy: { id: 'a11ce000-0000-4000-8000-000000000001', name: 'Aiko Sato' },
      setAt: clock.now(),
    };
    await store.put(WATCH_KEY, watch);
    const ticks: ReadsResult['ticks'] = [];
    for (let i = 0; i < TICKS; i++) {
      clock.advance(config.jobPollIntervalMs);
      const before = sim.requests.length;
      const started = performance.now();
      await app.services.jobs.tick();
      const made = sim.requests.slice(before);
      ticks.push({
        reads: made.filter((r) => r.method === 'GET').length,
        writes: made.filter((r) => r.method !== 'GET').length,
        ms: performance.now() - started,
      });
    }
    // The naive poller: one GET per job per tick, 16 at a time. At 10,000 jobs it would take most of a minute, so
    // it is measured up to 1,000 (where it makes exactly one request per job) and taken as one per job above.
    if (jobs > NAIVE_MEASURED_UP_TO) return { jobs, ticks, naive: jobs, naiveMs: Number.NaN, naiveMeasured: false };
    const before = sim.requests.length;
    const started = performance.now();
    const queue = [...seeded];
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        for (let job = queue.shift(); job; job = queue.shift()) await azure.getJob(job.vaultId, job.jobId);
      }),
    );
    return {
      jobs,
      ticks,
      naive: sim.requests.length - before,
      naiveMs: performance.now() - started,
      naiveMeasured: true,
    };
  } finally {
    await app.close();
    await sim.close();
  }
}

export async function armReadsStage(log: (line: string) => void): Promise<Row[]> {
  const rows: Row[] = [];
  for (const n of LEVELS) {
    const r = await measureReads(n);
    const worst = Math.max(...r.ticks.map((t) => t.reads + t.writes));
    log(
      `  ${n} jobs: requests per tick ${r.ticks.map((t) => `${t.reads} GET + ${t.writes} other (${Math.round(t.ms)} ms)`).join(', ')}; naive ${r.naiveMeasured ? `${r.naive} GET in ${Math.round(r.naiveMs)} ms` : `${r.naive} (one per job, not run)`}`,
    );
    const judged = n === JUDGED;
    rows.push({
      measure: `ARM reads per poll tick, ${n.toLocaleString('en-US')} jobs over ${VAULTS} vaults`,
      bot: `${worst} (tick ${Math.round(Math.max(...r.ticks.map((t) => t.ms)))} ms)`,
      baseline: `naive poller ${r.naive.toLocaleString('en-US')}${r.naiveMeasured ? '' : ' (1 per job)'}`,
      ratio: `${Math.round(r.naive / worst)}× fewer`,
      target: judged ? `≤ ${VAULTS} (≥ 100× fewer)` : 'growth',
      ok: judged ? worst <= VAULTS && r.naive / worst >= 100 : undefined,
    });
  }
  return rows;
}
