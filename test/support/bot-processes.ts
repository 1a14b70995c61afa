/**
 * Bot processes for the scale-out and crash tests: each a real `node` process (`test/support/bot-process.ts` under
 * tsx) on its own port, sharing state, the fake connector and the simulator of the test process. `say` and `click`
 * post Teams-shaped activities to one process; what it writes to the thread arrives at the fake connector, so tests
 * wait for it there (`waitFor`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Simulator } from '../../src/simulator';
import { invokeActivity, messageActivity, users, type TestUser, type Where } from './teams';

const ROOT = path.resolve(__dirname, '..', '..');
const SCRIPT = path.join(ROOT, 'test', 'support', 'bot-process.ts');

export interface BotProcess {
  url: string;
  instanceId: string;
  pid: number;
  /** Everything it printed (JSON log lines), for diagnosis. */
  output(): string;
  say(text: string, options?: { user?: TestUser; where?: Where; locale?: string }): Promise<number>;
  click(
    verb: string,
    data: Record<string, unknown>,
    options?: { user?: TestUser; where?: Where; replyToId?: string },
  ): Promise<{ status: number; body: any }>;
  /** `kill -9`: no clean-up of any kind, as a crash. */
  crash(): Promise<void>;
  stop(): Promise<void>;
}

/** Environment for a bot process using `simulator` (roles as in the conversation harness). */
export function botEnv(simulator: Simulator, more: Record<string, string>): Record<string, string> {
  return {
    PORT: '0',
    JOB_POLL_INTERVAL_SECONDS: '1',
    BACKUP_OPERATOR_IDS: `${users.alice.id},${users.dave.id}`,
    BACKUP_APPROVER_IDS: `${users.bob.id},${users.dave.id}`,
    SIMULATOR_URL: simulator.url,
    SIMULATOR_CA: simulator.ca,
    SIMULATOR_SUBSCRIPTION_ID: simulator.subscriptionId,
    ...more,
  };
}

export async function startBotProcess(env: Record<string, string>, connectorUrl: string): Promise<BotProcess> {
  // Only what a bot needs from the parent's environment: no stray Azure or bot settings leak in.
  const base = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'test' };
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', SCRIPT], {
    cwd: ROOT,
    env: { ...base, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = await new Promise<{ url: string; instanceId: string; pid: number }>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`bot process not ready within 30 s:\n${output.slice(-3000)}`)),
      30_000,
    );
    const check = () => {
      const line = /BOT_READY (\{.*\})/.exec(output);
      if (line) {
        clearTimeout(timer);
        child.stdout!.off('data', check);
        resolve(JSON.parse(line[1]));
      }
    };
    child.stdout!.on('data', check);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`bot process exited before it was ready:\n${output.slice(-3000)}`));
    });
  });

  async function post(activity: object) {
    const res = await fetch(`${ready.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }

  const channel: Where = { kind: 'channel', thread: '1732870000000' };
  return {
    ...ready,
    output: () => output,
    async say(text, o = {}) {
      return (await post(messageActivity(connectorUrl, text, o.user ?? users.alice, o.where ?? channel, o.locale)))
        .status;
    },
    click(verb, data, o = {}) {
      return post(
        invokeActivity(connectorUrl, verb, data, o.user ?? users.alice, o.where ?? channel, o.replyToId ?? 'card-1'),
      );
    },
    async crash() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 10_000)))]);
      clearTimeout(timer);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Polls `probe` until it returns something truthy; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
