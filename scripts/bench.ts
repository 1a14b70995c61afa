/**
 * `npm run bench`: the bot's speed and cost, measured in one run on 127.0.0.1 against the simulator, side by side
 * with their floor, as ONE table; exits 1 when a target is missed. Not part of `npm test` (it takes minutes and
 * measures the machine it runs on). `npm run bench -- --only latency,click` runs some stages.
 *
 * Stages: turn latency vs an echo bot (10/100/500 conversations), card-click acknowledgement with ARM answering in
 * 10 s, ARM reads per poll tick vs a naive poller (100/1,000/10,000 jobs), Teams writes per job (200 jobs, one
 * thread, Teams' limits enforced by the fake connector), memory with 10,000 jobs, cold start to healthy, and `ade
 * report`
 * at fleet size (5,000 VMs, 1,500 with ADE, ARM 50 ms late) against a naive per-VM reader (`--only ade`).
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { adeStage } from './bench/ade-stage';
import { armReadsStage } from './bench/arm-reads-stage';
import { ROOT } from './bench/child';
import { clickStage } from './bench/click-stage';
import { coldStartStage } from './bench/cold-start-stage';
import { latencyStage } from './bench/latency-stage';
import { memoryStage } from './bench/memory-stage';
import { table, type Row } from './bench/stats';
import { writesStage } from './bench/writes-stage';

type Log = (line: string) => void;
const STAGES: Record<string, (log: Log) => Promise<Row[]>> = {
  latency: latencyStage,
  click: clickStage,
  reads: armReadsStage,
  writes: writesStage,
  memory: memoryStage,
  cold: coldStartStage,
  ade: adeStage,
};

async function main(): Promise<number> {
  const only = process.argv.find((a, i) => process.argv[i - 1] === '--only')?.split(',');
  const log: Log = (line) => process.stderr.write(line + '\n');
  const started = performance.now();
  // The bot, the echo bot and the simulator run as compiled JS in processes of their own, as in production:
  // `npm run build` (what `npm start` runs, src/ only), then the bench's own processes into dist/ beside it.
  log('building: npm run build, then tsc -p scripts/bench/tsconfig.json');
  for (const [cmd, args] of [
    ['npm', ['run', 'build', '--silent']],
    ['npx', ['tsc', '-p', 'scripts/bench/tsconfig.json']],
  ] as const) {
    try {
      execFileSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    } catch {
      log(`  ${cmd} ${args.join(' ')} reported errors (above); tsc still wrote dist/, the bench goes on with it`);
    }
  }
  const rows: Row[] = [];
  let failed = false;
  for (const [name, stage] of Object.entries(STAGES)) {
    if (only && !only.includes(name)) continue;
    const t = performance.now();
    log(`${name}…`);
    try {
      rows.push(...(await stage(log)));
    } catch (error) {
      failed = true;
      log(`  stage ${name} failed: ${error instanceof Error ? error.stack : String(error)}`);
      rows.push({ measure: `${name}: stage failed`, bot: 'error', baseline: '', ratio: '', target: '', ok: false });
    }
    log(`  (${((performance.now() - t) / 1000).toFixed(1)} s)`);
  }
  const cpus = os.cpus();
  process.stdout.write(
    `\nnpm run bench — Node ${process.version}, ${cpus.length} × ${cpus[0]?.model.trim()}, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}, ${((performance.now() - started) / 1000).toFixed(0)} s\n\n`,
  );
  process.stdout.write(table(rows) + '\n');
  const missed = rows.filter((r) => r.ok === false);
  process.stdout.write(missed.length || failed ? `\n${missed.length} target(s) missed.\n` : '\nEvery target met.\n');
  return missed.length || failed ? 1 : 0;
}

// Ctrl-C: exit through process.exit, so temporary folders are removed; child processes follow (IPC disconnect).
process.once('SIGINT', () => process.exit(130));

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
