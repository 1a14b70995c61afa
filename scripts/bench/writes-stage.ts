/**
 * Teams writes per completed job: 200 backup jobs started at once in one thread, followed by the bot's tracker to
 * the end. Everything runs on one manual clock — the simulator's job progress, the bot, the connector's Teams limits,
 * and the messenger's waits (its `sleep` moves the clock), so minutes of throttled posting take seconds. Each write
 * reaches the connector 0–50 ms (random) after the bot sent it, as over a network: Teams counts writes on arrival.
 * Per job, the writes that name its VM are counted (card post, card updates, final message) against the job's states
 * as Azure's job list shows them — In progress, then its end (Completed / Failed), from the simulator's record of the
 * job — plus the final message. (Counting each step as a state too would allow one more write per step.)
 */
import path from 'node:path';
import { startApp } from '../../src/app';
import { ManualClock } from '../../src/clock';
import { loadConfig } from '../../src/config';
import type { TrackedJob } from '../../src/jobs/tracked-job';
import { createLogger } from '../../src/log';
import { DEMO_TIMINGS, startSimulator } from '../../src/simulator';
import type { SimJob } from '../../src/simulator/estate/model';
import { messageActivity, users } from '../../test/support/teams';
import { tempDir } from './child';
import { startBenchConnector } from './connector';
import { benchVaultIds, seedJobs } from './estate';
import type { Row } from './stats';

const JOBS = 200;
const VAULTS = 4;
const MAX_TICKS = 400;
const NETWORK_MS = 50;
const DEADLINE_MS = 90_000;
const TIMINGS = { ...DEMO_TIMINGS, snapshotMs: 60_000, transferMs: 120_000 };

/** The job's states as a job list shows them (its status): In progress, then Completed or Failed once it has ended. */
function listedStates(job: SimJob): number {
  return 1 + (job.outcome ? 1 : 0);
}

export async function writesStage(log: (line: string) => void): Promise<Row[]> {
  const dir = tempDir('bench-writes-');
  const clock = new ManualClock();
  const sim = await startSimulator({ clock, timings: TIMINGS, retryAfterSeconds: 0 });
  const connector = await startBenchConnector({ now: () => clock.now() + Math.random() * NETWORK_MS });
  const vaultIds = benchVaultIds(sim.subscriptionId, VAULTS);
  const config = loadConfig({
    PORT: '0',
    STATE_PATH: path.join(dir, 'state.sqlite'),
    RECOVERY_VAULT_IDS: vaultIds.join(','),
    JOB_POLL_INTERVAL_SECONDS: '30',
  });
  let warnings = 0;
  const app = await startApp({
    config,
    simulator: sim,
    clock,
    host: '127.0.0.1',
    autoPoll: false,
    log: createLogger((line) => void (line.includes('"level":"warn"') && warnings++)),
    // The messenger waits for Teams' limits on the bench's clock: time passes, nobody sleeps.
    sleep: async (ms) => clock.advance(ms),
  });
  try {
    const where = { kind: 'channel' as const, thread: 'bench-writes' };
    const hello = messageActivity(connector.url, 'help', users.alice, where);
    await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(hello),
    }).then((r) => r.arrayBuffer());
    const conversationId = hello.conversation.id;
    const firstJobWrite = connector.writes.length;
    const t0 = clock.now();
    const seeded = seedJobs(sim.estate, { vaults: VAULTS, jobs: JOBS, now: t0, prefix: 'bench-writes-vm' });
    let ticks = 0;
    let cardsPostedAfter = Number.NaN;
    const open = async () =>
      (await app.services.store.list<TrackedJob>('job/')).filter((j) => !j.value.finishedAt).length;
    const run = async () => {
      await Promise.all(
        seeded.map((j) =>
          app.services.jobs.track({
            jobId: j.jobId,
            vaultId: j.vaultId,
            operation: 'Backup',
            vm: {
              id: `/subscriptions/${sim.subscriptionId}/resourceGroups/rg-bench/providers/Microsoft.Compute/virtualMachines/${j.vmName}`,
              name: j.vmName,
              resourceGroup: 'rg-bench',
            },
            conversationId,
            locale: 'en',
            startedBy: users.alice,
            createdAt: t0,
          }),
        ),
      );
      cardsPostedAfter = clock.now() - t0;
      while ((await open()) > 0 && ticks < MAX_TICKS) {
        clock.advance(config.jobPollIntervalMs);
        await app.services.jobs.tick();
        ticks++;
      }
    };
    // A 429 costs seconds of real time (botbuilder's HTTP pipeline waits Retry-After itself), so a bot that collects
    // many would keep the bench for minutes: stop at the deadline, and say so.
    const finished = await Promise.race([
      run().then(() => true),
      new Promise<false>((r) => setTimeout(() => r(false), DEADLINE_MS).unref()),
    ]);
    if (!finished) {
      connector.refuse(); // the bot's writes now fail at once, without retries, so the tick ends
      await app.services.jobs.tick();
    }
    const jobWrites = connector.writes.slice(firstJobWrite).filter((w) => w.conversationId === conversationId);
    const perJob = seeded.map((j) => {
      const simJob = sim.estate.recoveryVaults.flatMap((v) => v.jobs).find((x) => x.name === j.jobId)!;
      const writes = jobWrites.filter((w) => w.body.includes(j.vmName)).length;
      return { writes, allowed: listedStates(simJob) + 1, finished: !!simJob.outcome };
    });
    const unfinished = (await app.services.store.list<TrackedJob>('job/')).filter((j) => !j.value.finishedAt).length;
    const over = perJob.filter((p) => p.writes > p.allowed).length;
    const maxWrites = Math.max(...perJob.map((p) => p.writes));
    const minWrites = Math.min(...perJob.map((p) => p.writes));
    const throttled = connector.throttledTotal();
    const unattributed = jobWrites.filter((w) => !seeded.some((j) => w.body.includes(j.vmName))).length;
    log(
      `  ${JOBS} jobs in one thread${finished ? '' : ` (stopped after ${DEADLINE_MS / 1000} s of real time)`}: ${jobWrites.length} writes (${unattributed} naming no job), per job ${minWrites}–${maxWrites} vs allowed ${perJob[0].allowed}; ` +
        `429s ${throttled}; ${unfinished} not finished after ${ticks} ticks; simulated time: cards posted after ${Math.round(cardsPostedAfter / 1000)} s, all done after ${Math.round((clock.now() - t0) / 1000)} s; ${warnings} warnings logged`,
    );
    return [
      {
        measure: `Teams writes per completed job (${JOBS} jobs at once, one thread)`,
        bot: `max ${maxWrites}, ${(jobWrites.length / JOBS).toFixed(2)} mean; 429s: ${throttled}`,
        baseline: `state changes + 1 = ${perJob[0].allowed}`,
        ratio: `${(maxWrites / perJob[0].allowed).toFixed(2)}×`,
        target: '≤ state changes + 1, zero 429s',
        ok:
          finished &&
          over === 0 &&
          throttled === 0 &&
          unfinished === 0 &&
          perJob.every((p) => p.finished && p.writes >= 1),
      },
    ];
  } finally {
    await app.close();
    await sim.close();
    await connector.close();
  }
}
