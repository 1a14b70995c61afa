/**
 * Bench processes: the bot, the echo bot and the simulator each run in a process of their own (compiled JS from
 * `dist/`, plain `node`, as in production), so one's CPU and memory are not counted as another's. The parent talks to
 * a child over Node's IPC channel: the child says `ready` once, then answers numbered calls.
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(
  __dirname,
  '..',
  '..',
  ...(__dirname.includes(`${path.sep}dist${path.sep}`) ? ['..'] : []),
);

/**
 * The Node flags `npm start` gives the bot (package.json, scripts.start: `node <flags> dist/src/index.js`), so the
 * bench measures the bot process as it runs in production.
 */
export const BOT_NODE_FLAGS: string[] = ((): string[] => {
  const start: string = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts.start;
  const m = /\bnode((?: --\S+)*) dist\/src\/index\.js\b/.exec(start);
  if (!m) throw new Error(`package.json scripts.start does not run "node [flags] dist/src/index.js": ${start}`);
  return m[1].trim().split(' ').filter(Boolean);
})();

const temporary: string[] = [];

/** A fresh temporary folder, removed when the bench exits (also after a failed stage or Ctrl-C). */
export function tempDir(prefix: string): string {
  if (!temporary.length)
    process.once('exit', () => temporary.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

/** A port free on 127.0.0.1 right now (for a child that must be told its port before it starts). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The environment of a bot started on the embedded simulator with a fresh state file, on `port`. */
export function simulatedBotEnv(port: number, stateDir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PORT: String(port),
    STATE_PATH: path.join(stateDir, 'state.sqlite'),
    AZURE_SUBSCRIPTION_ID: '',
    SIMULATOR_PORT: '0',
    MicrosoftAppId: '',
  };
}

/**
 * Milliseconds from `started` until the bot on `port` answers 200 on /healthz; throws when `child` exits first or
 * `timeoutMs` passes. How the cold-start stage and the restart-to-healthy script time a start.
 */
export async function untilHealthy(
  child: ChildProcess,
  port: number,
  started: number,
  timeoutMs: number,
): Promise<number> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the bot exited (${child.exitCode}) before it was healthy`);
    if (performance.now() - started > timeoutMs) throw new Error(`the bot was not healthy after ${timeoutMs} ms`);
    const healthy = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (healthy) return performance.now() - started;
    await new Promise((r) => setTimeout(r, 5));
  }
}

export interface Child<Ready> {
  pid: number;
  ready: Ready;
  call<T>(cmd: string, args?: unknown): Promise<T>;
  stop(): Promise<void>;
}

type Message = { type: 'ready'; value: unknown } | { type: 'result'; id: number; value?: unknown; error?: string };

/**
 * Starts `dist/scripts/bench/<name>.js` with extra environment and waits for its `ready` (at most `timeoutMs`); the
 * bot's process gets the Node flags `npm start` gives it (BENCH_BOT_FLAGS="<flags>" overrides them, to try others).
 * With `onLine`, each line the child writes to stdout (the bot's log) is handed to it; otherwise stdout is discarded.
 * With BENCH_PROFILE=<dir>, the bot's process writes a CPU profile there when it stops (open it in Chrome DevTools).
 */
export async function startChild<Ready>(
  name: string,
  env: Record<string, string>,
  timeoutMs = 30_000,
  nodeArgs: string[] = [],
  onLine?: (line: string) => void,
): Promise<Child<Ready>> {
  const script = path.join(ROOT, 'dist', 'scripts', 'bench', `${name}.js`);
  const profile =
    process.env.BENCH_PROFILE && name === 'bot-child'
      ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_PROFILE)}`]
      : [];
  const flags =
    name === 'bot-child'
      ? process.env.BENCH_BOT_FLAGS !== undefined
        ? process.env.BENCH_BOT_FLAGS.split(' ').filter(Boolean)
        : BOT_NODE_FLAGS
      : [];
  const proc: ChildProcess = fork(script, [], {
    cwd: ROOT,
    execArgv: [...flags, ...nodeArgs, ...profile],
    env: { ...process.env, ...env },
    stdio: ['ignore', onLine ? 'pipe' : 'ignore', 'pipe', 'ipc'],
  });
  if (onLine) {
    let rest = '';
    proc.stdout?.on('data', (c: Buffer) => {
      const lines = (rest + c.toString()).split('\n');
      rest = lines.pop() ?? '';
      lines.forEach(onLine);
    });
  }
  let stderr = '';
  proc.stderr?.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)));
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let next = 1;
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  const ready = await new Promise<Ready>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} not ready after ${timeoutMs} ms\n${stderr}`)), timeoutMs);
    proc.on('message', (m: Message) => {
      if (m.type === 'ready') {
        clearTimeout(timer);
        resolve(m.value as Ready);
      } else {
        const w = waiting.get(m.id);
        waiting.delete(m.id);
        if (m.error) w?.reject(new Error(`${name}: ${m.error}`));
        else w?.resolve(m.value);
      }
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      const error = new Error(`${name} exited (${code})\n${stderr}`);
      reject(error);
      for (const w of waiting.values()) w.reject(error);
    });
  });
  return {
    pid: proc.pid!,
    ready,
    call<T>(cmd: string, args?: unknown) {
      const id = next++;
      return new Promise<T>((resolve, reject) => {
        waiting.set(id, { resolve: resolve, reject });
        proc.send({ id, cmd, args });
      });
    },
    async stop() {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The child's side: announce `ready`, then answer calls with `handlers`; SIGTERM runs `stop` and exits. */
export function serveParent(
  ready: unknown,
  handlers: Record<string, (args: any) => unknown>,
  stop: () => Promise<void>,
): void {
  process.on('message', (m: { id: number; cmd: string; args?: unknown }) => void answer(m));
  async function answer(m: { id: number; cmd: string; args?: unknown }): Promise<void> {
    try {
      const handler = handlers[m.cmd];
      if (!handler) throw new Error(`unknown call ${m.cmd}`);
      process.send!({ type: 'result', id: m.id, value: await handler(m.args) });
    } catch (error) {
      process.send!({ type: 'result', id: m.id, error: error instanceof Error ? error.stack : String(error) });
    }
  }
  process.once('SIGTERM', () => void stop().finally(() => process.exit(0)));
  // The bench went away without stopping us: go too, never outlive it.
  process.once('disconnect', () => void stop().finally(() => process.exit(0)));
  process.send!({ type: 'ready', value: ready });
}
