/**
 * The bot under test in a process of its own, configured from its environment as in production, on the simulator
 * that runs in another process (BENCH_SIM_URL, BENCH_SIM_CA, BENCH_SIM_SUBSCRIPTION_ID). It logs as in production
 * (to stdout: the latency stage reads each turn's time in Azure from it, other stages discard it). Calls: `tick` (one
 * job-polling round; it also reports the process's peak memory while it ran, sampled every 2 ms), `memory`,
 * `armWaits` (with BENCH_TRACE_ARM=1: how long each turn spent in Azure calls, see arm-wait.ts), `cpu`
 * (process.cpuUsage), `gcPauses` (the garbage collector's pauses since the last call, ms; the first call starts
 * recording).
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { startApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { remoteSimulator } from '../../test/support/remote-simulator';
import { traceArmWaits, tracePort } from './arm-wait';
import { adeCalls } from './ade-measure';
import { serveParent } from './child';

/** Garbage-collection pauses (main-thread time, from perf_hooks), recorded from the first `gcPauses` call on. */
let pauses: number[] | undefined;
function gcPauses(): number[] {
  if (!pauses) {
    pauses = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => pauses!.push(e.duration))).observe({
      entryTypes: ['gc'],
    });
  }
  return pauses.splice(0);
}

async function main(): Promise<void> {
  const env = process.env;
  const armWaits = env.BENCH_TRACE_ARM === '1' ? traceArmWaits() : undefined;
  const simulator = remoteSimulator({
    url: env.BENCH_SIM_URL ?? '',
    ca: env.BENCH_SIM_CA ?? '',
    subscriptionId: env.BENCH_SIM_SUBSCRIPTION_ID ?? '',
  });
  const app = await startApp({
    config: loadConfig(),
    simulator,
    host: '127.0.0.1',
    autoPoll: env.BENCH_AUTO_POLL !== 'false',
  });
  if (armWaits) tracePort(app.services.azure);
  serveParent(
    { url: app.url },
    {
      async tick() {
        const started = performance.now();
        const peak: Record<string, number> = {};
        const sample = () => {
          for (const [k, v] of Object.entries(process.memoryUsage())) peak[k] = Math.max(peak[k] ?? 0, v);
        };
        const sampler = setInterval(sample, 2);
        await app.services.jobs.tick();
        clearInterval(sampler);
        sample();
        return { ms: performance.now() - started, peak };
      },
      armWaits: () => armWaits?.take() ?? {},
      memory: () => ({ ...process.memoryUsage(), maxRssBytes: process.resourceUsage().maxRSS * 1024 }),
      cpu: () => process.cpuUsage(),
      gcPauses,
      gc: () => (globalThis as { gc?: () => void }).gc?.(),
      ...adeCalls(app),
    },
    () => app.close(),
  );
}

void main();
