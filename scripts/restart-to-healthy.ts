/**
 * Restart to healthy, before and after the production start: the time from starting the bot's process until
 * `GET /healthz` answers 200, as `npm start` runs it (compiles the TypeScript, then `node <flags> dist/src/index.js`)
 * and as the web app runs it (package.json `start:prod`: the same node command on the `dist/` built at deploy time).
 * Simulator mode, a fresh state file and port for every start, the two alternating; prints the medians side by side.
 *
 * `npm run bench:restart` (or `npm run bench:restart -- --runs 7`). Not part of `npm test`: about a minute.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, simulatedBotEnv, untilHealthy } from './bench/child';

const ROOT = path.resolve(__dirname, '..');
const TIMEOUT_MS = 120_000;

interface Way {
  label: string;
  command: string;
  args: string[];
}

/** Starts `way` in a process group of its own, times it to a 200 from /healthz, then stops the whole group. */
async function restartToHealthy(way: Way): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'restart-'));
  const port = await freePort();
  const env = simulatedBotEnv(port, dir);
  const started = performance.now();
  const child = spawn(way.command, way.args, { cwd: ROOT, env, stdio: 'ignore', detached: true });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    return await untilHealthy(child, port, started, TIMEOUT_MS).catch((error: Error) => {
      throw new Error(`${way.label}: ${error.message}`);
    });
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
    await exited;
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${Math.round(x).toLocaleString('en-US')} ms`;

async function main(): Promise<void> {
  const runsAt = process.argv.indexOf('--runs');
  const runs = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 5;
  const scripts = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts;
  const [node, ...args] = String(scripts['start:prod']).split(' ');
  if (node !== 'node') throw new Error(`package.json start:prod does not start with node: ${scripts['start:prod']}`);
  const ways: Way[] = [
    {
      label: 'npm start (tsc, then node dist/)',
      command: process.platform === 'win32' ? 'npm.cmd' : 'npm',
      args: ['start'],
    },
    { label: 'start:prod (node dist/, as the web app)', command: process.execPath, args },
  ];
  execFileSync(ways[0].command, ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  const times: number[][] = ways.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (const [w, way] of ways.entries()) times[w].push(await restartToHealthy(way));
  }
  console.log(
    `restart to healthy, simulator mode, ${runs} starts each (median, [min-max]), Node ${process.version}, ${os.cpus().length} vCPUs`,
  );
  for (const [w, way] of ways.entries()) {
    const t = times[w];
    console.log(
      `  ${way.label.padEnd(42)} ${ms(median(t)).padStart(10)}  [${ms(Math.min(...t))}-${ms(Math.max(...t))}]`,
    );
  }
  console.log(`  ${'ratio'.padEnd(42)} ${(median(times[0]) / median(times[1])).toFixed(1).padStart(7)}x faster`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
