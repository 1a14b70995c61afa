/**
 * The ADE report at fleet size: 5,000 VMs (1,500 with ADE) over 10 vaults, ARM answering every request 50 ms late.
 * The simulator (holding the fleet) and the bot each run in a process of their own; the bot builds the report as
 * `ade report` does. Measured in one run: the ARM reads it makes (the simulator's request count), its wall time and
 * its process's peak memory, against a naive per-VM reader through the same Azure port in the same bot process. The
 * naive reader is linear in VMs by construction (reads per VM), so it runs on every 10th VM and its reads are taken
 * per VM for the 5,000 (as the reads stage does for its naive poller above 1,000 jobs).
 */
import path from 'node:path';
import { startChild, tempDir } from './child';
import { type Row } from './stats';

const VMS = 5_000;
const ADE = 1_500;
const VAULTS = 10;
const LATENCY_MS = 50;
const NAIVE_EVERY = 10;
const TARGETS = { ratio: 50, seconds: 15, mb: 150 };

interface ReportRun {
  ms: number;
  readMs: number;
  peak: Record<string, number>;
  vms: number;
  ade: number;
  pages: number;
  largestCardBytes: number;
  keyHolds: number;
}

const mb = (bytes: number) => bytes / 1024 / 1024;

export async function adeStage(log: (line: string) => void): Promise<Row[]> {
  const sim = await startChild<{ url: string; ca: string; subscriptionId: string }>('sim-child', {});
  try {
    const vaultIds = await sim.call<string[]>('seedAdeFleet', { vms: VMS, ade: ADE, vaults: VAULTS });
    await sim.call('latency', { ms: LATENCY_MS });
    const bot = await startChild<{ url: string }>('bot-child', {
      PORT: '0',
      STATE_PATH: path.join(tempDir('bench-ade-'), 'state.sqlite'),
      RECOVERY_VAULT_IDS: vaultIds.join(','),
      BENCH_SIM_URL: sim.ready.url,
      BENCH_SIM_CA: sim.ready.ca,
      BENCH_SIM_SUBSCRIPTION_ID: sim.ready.subscriptionId,
      BENCH_AUTO_POLL: 'false',
    });
    try {
      const idle = await bot.call<{ rss: number; heapUsed: number }>('memory');
      log(
        `  bot process before the report: RSS ${mb(idle.rss).toFixed(0)} MB, heap ${mb(idle.heapUsed).toFixed(0)} MB`,
      );
      const runs: { run: ReportRun; reads: number }[] = [];
      for (let i = 0; i < 2; i++) {
        const before = await sim.call<number>('requests');
        const run = await bot.call<ReportRun>('adeReport');
        runs.push({ run, reads: (await sim.call<number>('requests')) - before });
      }
      const before = await sim.call<number>('requests');
      const naive = await bot.call<{ ms: number; vms: number }>('adeNaive', { every: NAIVE_EVERY });
      const naiveReads = (await sim.call<number>('requests')) - before;
      const listPages = Math.ceil(runs[0].run.vms / 1000);
      const perVm = (naiveReads - listPages) / naive.vms;
      const projected = Math.round(perVm * runs[0].run.vms + listPages);
      for (const [i, { run, reads }] of runs.entries()) {
        log(
          `  report ${i + 1}: ${reads} ARM reads, ${Math.round(run.ms)} ms (lists ${Math.round(run.readMs)} ms), peak RSS ${mb(run.peak.rss ?? 0).toFixed(0)} MB, heap ${mb(run.peak.heapUsed ?? 0).toFixed(0)} MB; ${run.vms} VMs, ${run.ade} ADE, ${run.keyHolds} key holds, ${run.pages} pages, largest card ${(run.largestCardBytes / 1024).toFixed(1)} KB`,
        );
      }
      log(
        `  naive: ${naiveReads} ARM reads for ${naive.vms} VMs in ${Math.round(naive.ms)} ms (${perVm.toFixed(2)} per VM) → ${projected.toLocaleString('en-US')} for ${runs[0].run.vms.toLocaleString('en-US')} VMs`,
      );
      const worst = runs.reduce((a, b) => (b.run.ms > a.run.ms ? b : a));
      const reads = Math.max(...runs.map((r) => r.reads));
      const peak = Math.max(...runs.map((r) => r.run.peak.rss ?? 0));
      const label = `${VMS.toLocaleString('en-US')} VMs (${ADE.toLocaleString('en-US')} ADE) over ${VAULTS} vaults, ARM ${LATENCY_MS} ms`;
      return [
        {
          measure: `ade report: ARM reads, ${label}`,
          bot: `${reads}`,
          baseline: `naive per-VM reader ${projected.toLocaleString('en-US')} (${perVm.toFixed(2)} per VM, run on ${naive.vms})`,
          ratio: `${Math.round(projected / reads)}× fewer`,
          target: `≥ ${TARGETS.ratio}× fewer`,
          ok: projected / reads >= TARGETS.ratio,
        },
        {
          measure: `ade report: wall time, ${label}`,
          bot: `${(worst.run.ms / 1000).toFixed(2)} s`,
          baseline: `naive ${(((naive.ms / naive.vms) * runs[0].run.vms) / 1000).toFixed(0)} s (projected)`,
          ratio: '',
          target: `≤ ${TARGETS.seconds} s`,
          ok: worst.run.ms <= TARGETS.seconds * 1000,
        },
        {
          measure: `ade report: peak memory (bot process RSS), ${label}`,
          bot: `${mb(peak).toFixed(0)} MB`,
          baseline: '',
          ratio: '',
          target: `≤ ${TARGETS.mb} MB RSS`,
          ok: mb(peak) <= TARGETS.mb,
        },
      ];
    } finally {
      await bot.stop();
    }
  } finally {
    await sim.stop();
  }
}
