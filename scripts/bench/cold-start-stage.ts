/**
 * Cold start to healthy: `node <flags> dist/src/index.js` exactly as `npm start` runs it (embedded simulator, fresh
 * state
 * file, no .env), timed from spawn until `GET /healthz` answers 200. Three starts; the median is judged.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { BOT_NODE_FLAGS, freePort, ROOT, simulatedBotEnv, tempDir, untilHealthy } from './child';
import { ms, percentile, type Row } from './stats';

const RUNS = 3;
const LIMIT_MS = 2_000;

async function coldStart(): Promise<number> {
  const dir = tempDir('bench-cold-');
  const port = await freePort();
  const env = simulatedBotEnv(port, dir);
  const started = performance.now();
  const child = spawn(process.execPath, [...BOT_NODE_FLAGS, path.join(ROOT, 'dist', 'src', 'index.js')], {
    cwd: dir,
    env,
    stdio: 'ignore',
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  try {
    return await untilHealthy(child, port, started, 30_000);
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

export async function coldStartStage(log: (line: string) => void): Promise<Row[]> {
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await coldStart());
  const median = percentile(runs, 50);
  log(`  starts: ${runs.map((r) => ms(r)).join(', ')}`);
  return [
    {
      measure: 'cold start to healthy (node as npm start runs it, simulator mode)',
      bot: `${ms(median)} median (${runs.map((r) => Math.round(r)).join(' / ')} ms)`,
      baseline: '—',
      ratio: '',
      target: `≤ ${LIMIT_MS} ms`,
      ok: median <= LIMIT_MS,
    },
  ];
}
