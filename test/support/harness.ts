/**
 * A conversation-test harness: the real bot (its HTTP endpoint on 127.0.0.1), the ARM simulator, and a fake Bot
 * Connector, started together. `say` and `click` post Teams-shaped activities and return what the bot wrote.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import { startApp, type App } from '../../src/app';
import { ManualClock } from '../../src/clock';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../src/simulator';
import { startFakeConnector, type ConnectorWrite, type FakeConnector } from './fake-connector';
import { invokeActivity, messageActivity, users, type TestUser, type Where } from './teams';

export interface Harness {
  app: App;
  simulator: Simulator;
  connector: FakeConnector;
  clock: ManualClock;
  logs: string[];
  statePath: string;
  say(text: string, options?: { user?: TestUser; where?: Where; locale?: string }): Promise<ConnectorWrite[]>;
  /** `answeredMs`: how long the HTTP answer to the click took (the background work it started is awaited after). */
  click(
    verb: string,
    data: Record<string, unknown>,
    options?: { user?: TestUser; where?: Where; locale?: string; replyToId?: string },
  ): Promise<{ status: number; body: any; writes: ConnectorWrite[]; answeredMs: number }>;
  /** POSTs any body (an activity, or something that is not one) to /api/messages, with extra headers. */
  post(
    body: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: any; text: string; writes: ConnectorWrite[] }>;
  /** One job-polling round, as the timer would run it. */
  tick(): Promise<void>;
  /** Restart the bot process state (same STATE_PATH, same simulator), as after a crash. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export const channel: Where = { kind: 'channel', thread: '1732870000000' };

export interface HarnessOptions {
  env?: Record<string, string>;
  simulator?: SimulatorOptions;
  /** Keep the default operator/approver lists empty (simulator: everyone may act). */
  openRoles?: boolean;
  /** Passed to startApp (ConfigurationBotFrameworkAuthentication options), e.g. a loopback OpenID metadata URL. */
  authOverrides?: Partial<ConfigurationBotFrameworkAuthenticationOptions>;
  /** The Authorization header `say` and `click` send for an activity (none by default). */
  authorization?: (activity: { serviceUrl: string }) => string | undefined;
  /**
   * Each Azure try's timeout (default 60 s); a test that drops connections shortens it (see `AppOptions.azureTiming`).
   */
  azureTryTimeoutMs?: number;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const clock = new ManualClock();
  const simulator = await startSimulator({ clock, retryAfterSeconds: 0, ...options.simulator });
  const connector = await startFakeConnector(Object.values(users));
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'adebot-'));
  const statePath = path.join(stateDir, 'state.sqlite');
  const logs: string[] = [];
  const roles = options.openRoles
    ? {}
    : {
        BACKUP_OPERATOR_IDS: `${users.alice.id},${users.dave.id}`,
        BACKUP_APPROVER_IDS: `${users.bob.id},${users.dave.id}`,
      };
  const config = loadConfig({ PORT: '0', STATE_PATH: statePath, ...roles, ...options.env });
  const boot = () =>
    startApp({
      config,
      simulator,
      clock,
      host: '127.0.0.1',
      log: createLogger((l) => logs.push(l)),
      sleep: async () => undefined,
      autoPoll: false,
      azureTiming: { retryDelayInMs: 20, maxRetryDelayInMs: 100, tryTimeoutMs: options.azureTryTimeoutMs },
      authOverrides: options.authOverrides,
    });
  let app = await boot();

  async function postRaw(body: unknown, headers: Record<string, string> = {}) {
    const before = connector.writes.length;
    const sent = Date.now();
    const res = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    const answeredMs = Date.now() - sent;
    await app.idle();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = text;
    }
    return { status: res.status, body: parsed as any, text, writes: connector.writes.slice(before), answeredMs };
  }

  async function post(activity: { serviceUrl: string }) {
    const authorization = options.authorization?.(activity);
    const { status, body, writes, answeredMs } = await postRaw(activity, authorization ? { authorization } : {});
    return { status, body, writes, answeredMs };
  }

  return {
    get app() {
      return app;
    },
    simulator,
    connector,
    clock,
    logs,
    statePath,
    async say(text, o = {}) {
      return (await post(messageActivity(connector.url, text, o.user ?? users.alice, o.where ?? channel, o.locale)))
        .writes;
    },
    async click(verb, data, o = {}) {
      return post(
        invokeActivity(
          connector.url,
          verb,
          data,
          o.user ?? users.alice,
          o.where ?? channel,
          o.replyToId ?? 'card-1',
          o.locale,
        ),
      );
    },
    post: postRaw,
    async tick() {
      await app.services.jobs.tick();
    },
    async restart() {
      await app.close();
      app = await boot();
    },
    async close() {
      await app.close();
      await connector.close();
      await simulator.close();
      fs.rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

/** The card (first attachment's content) of a write, or undefined. */
export function cardOf(write: ConnectorWrite | undefined): any {
  return write?.activity?.attachments?.[0]?.content;
}

/** All visible text of a card or message, flattened, for assertions about what a person reads. */
export function visibleText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (!value || typeof value !== 'object') return '';
  const v = value as Record<string, unknown>;
  const own = ['text', 'title', 'value', 'label', 'placeholder']
    .map((k) => (typeof v[k] === 'string' ? v[k] : ''))
    .filter(Boolean);
  const nested = Object.entries(v)
    .filter(
      ([k]) =>
        !['text', 'title', 'value', 'label', 'placeholder', 'data', 'verb', 'id', 'type'].includes(k) ||
        typeof v[k] === 'object',
    )
    .map(([, x]) => visibleText(x));
  return [...own, ...nested].filter(Boolean).join('\n');
}
