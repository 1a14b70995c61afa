/**
 * Memory with 10,000 tracked jobs: the state file is written first (jobs running, cards posted, the failure watch
 * on), then the bot starts in a process of its own on the simulator in another one (which holds the 10,000 jobs),
 * and runs poll ticks. Measured: the bot process's RSS, and its peak RSS (getrusage maxrss) over start and ticks.
 * The process runs with --expose-gc only so that the heap can be read after a full collection at the end (what
 * stays, as opposed to what a tick leaves for the collector); nothing calls it before the peak is read.
 */
import path from 'node:path';
import { openSqliteStore } from '../../src/state/sqlite-store';
import { WATCH_KEY } from '../../src/watch/alert';
import { startChild, tempDir } from './child';
import { storeTrackedJobs, type SeededJob } from './estate';
import type { Row } from './stats';

const JOBS = 10_000;
const VAULTS = 4;
const LIMIT_MB = 150;

interface Memory {
  rss: number;
  heapUsed: number;
  maxRssBytes: number;
}

const mb = (bytes: number) => bytes / 1024 / 1024;

export async function memoryStage(log: (line: string) => void): Promise<Row[]> {
  const dir = tempDir('bench-memory-');
  const statePath = path.join(dir, 'state.sqlite');
  const sim = await startChild<{ url: string; ca: string; subscriptionId: string }>('sim-child', {});
  try {
    const seeded = await sim.call<SeededJob[]>('seed', { vaults: VAULTS, jobs: JOBS });
    const store = openSqliteStore(statePath);
    await storeTrackedJobs(store, seeded, (i) => `19:bench-memory-${i % 50}@thread.tacv2`);
    await store.put(WATCH_KEY, {
      conversationId: '19:bench-alerts@thread.tacv2',
      locale: 'en',
      setBy: { id: 'a11ce000-0000-4000-8000-000000000001', name: 'Aiko Sato' },
      setAt: Date.now(),
    });
    await store.close();
    const vaultIds = [...new Set(seeded.map((j) => j.vaultId))];
    const bot = await startChild<{ url: string }>(
      'bot-child',
      {
        PORT: '0',
        STATE_PATH: statePath,
        RECOVERY_VAULT_IDS: vaultIds.join(','),
        BENCH_SIM_URL: sim.ready.url,
        BENCH_SIM_CA: sim.ready.ca,
        BENCH_SIM_SUBSCRIPTION_ID: sim.ready.subscriptionId,
        BENCH_AUTO_POLL: 'false',
      },
      30_000,
      ['--expose-gc'],
    );
    try {
      const idle = await bot.call<Memory>('memory');
      const ticks: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t = await bot.call<{ ms: number; peak: Record<string, number> }>('tick');
        ticks.push(t.ms);
        log(
          `  tick ${i + 1}: peak ${Object.entries(t.peak)
            .map(([k, v]) => `${k} ${mb(v).toFixed(0)}`)
            .join(', ')} MB`,
        );
      }
      const after = await bot.call<Memory>('memory');
      await bot.call('gc');
      const collected = await bot.call<Memory>('memory');
      const requests = await sim.call<number>('requests');
      log(
        `  bot process: RSS ${mb(idle.rss).toFixed(0)} MB started, ${mb(after.rss).toFixed(0)} MB after 3 ticks (heap ${mb(after.heapUsed).toFixed(0)} MB), peak ${mb(after.maxRssBytes).toFixed(0)} MB; ` +
          `heap after a full GC ${mb(collected.heapUsed).toFixed(0)} MB (started with ${mb(idle.heapUsed).toFixed(0)}); ticks ${ticks.map((t) => Math.round(t)).join(', ')} ms; ${requests} ARM requests in all`,
      );
      return [
        {
          measure: `memory with ${JOBS.toLocaleString('en-US')} tracked jobs (bot process, peak RSS over start + 3 ticks)`,
          bot: `${mb(after.maxRssBytes).toFixed(0)} MB (now ${mb(after.rss).toFixed(0)} MB)`,
          baseline: `at start ${mb(idle.rss).toFixed(0)} MB`,
          ratio: '',
          target: `≤ ${LIMIT_MB} MB RSS`,
          ok: mb(after.maxRssBytes) <= LIMIT_MB,
        },
      ];
    } finally {
      await bot.stop();
    }
  } finally {
    await sim.stop();
  }
}
