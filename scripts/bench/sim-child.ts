/**
 * The ARM simulator in a process of its own, so the bot's measurements do not include Azure's side (the
 * simulator's CPU and memory). Answers with no added latency. Calls: `seed` (bench jobs), `requests` (how many
 * requests it has answered).
 */
import { startSimulator } from '../../src/simulator';
import { serveParent } from './child';
import { seedAdeFleet } from './ade-estate';
import { seedJobs } from './estate';

async function main(): Promise<void> {
  // Jobs stay in progress for the whole bench (their phases last an hour).
  const sim = await startSimulator({ timings: { snapshotMs: 3_600_000, transferMs: 3_600_000 }, retryAfterSeconds: 0 });
  serveParent(
    { url: sim.url, ca: sim.ca, subscriptionId: sim.subscriptionId },
    {
      seed: (args: { vaults: number; jobs: number }) => seedJobs(sim.estate, { ...args, now: Date.now() }),
      requests: () => sim.requests.length,
      seedAdeFleet: (args: { vms: number; ade: number; vaults: number }) =>
        seedAdeFleet(sim.estate, { ...args, now: Date.now() }),
      latency: (args: { ms: number }) =>
        sim.faults.add({ path: /./, latencyMs: args.ms, times: Number.POSITIVE_INFINITY }),
    },
    () => sim.close(),
  );
}

void main();
