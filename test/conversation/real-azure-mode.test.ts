/**
 * "With `.env` filled in, the very same code talks to real Azure": the bot process started with AZURE_SUBSCRIPTION_ID,
 * AZURE_RESOURCE_MANAGER_ENDPOINT and App Service managed-identity variables uses that ARM server (here the standalone
 * simulator, trusted through NODE_EXTRA_CA_CERTS) with a token from the managed-identity endpoint — no simulator of
 * its own, no other credentials.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {
  SIM_BACKUP_MANAGEMENT_OBJECT_ID,
  SIM_RECOVERY_VAULT_IDS,
  startSimulator,
  type Simulator,
} from '../../src/simulator';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector';
import { cardOf, visibleText } from '../support/harness';
import { messageActivity, users } from '../support/teams';

const SECRET = 'identity-header-secret-4711';
const TOKEN = 'managed-identity-token-0815';

let sim: Simulator;
let connector: FakeConnector;
let identity: http.Server;
const identityCalls: { resource: string | null; header: string | undefined }[] = [];
let bot: ChildProcess;
let output = '';
let botUrl = '';
let dir = '';

async function freePort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

beforeAll(async () => {
  sim = await startSimulator({ retryAfterSeconds: 0 });
  connector = await startFakeConnector(Object.values(users));
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'real-mode-'));
  const caFile = path.join(dir, 'arm-ca.pem');
  fs.writeFileSync(caFile, sim.ca);
  identity = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    identityCalls.push({
      resource: url.searchParams.get('resource'),
      header: req.headers['x-identity-header'] as string | undefined,
    });
    const ok = req.headers['x-identity-header'] === SECRET && url.searchParams.get('api-version') === '2019-08-01';
    res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify(
        ok
          ? {
              access_token: TOKEN,
              expires_on: String(Math.floor(Date.now() / 1000) + 3600),
              resource: url.searchParams.get('resource'),
              token_type: 'Bearer',
            }
          : { error: 'unauthorized' },
      ),
    );
  });
  await new Promise<void>((r) => identity.listen(0, '127.0.0.1', r));
  const port = await freePort();
  botUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: dir,
    PORT: String(port),
    STATE_PATH: path.join(dir, 'state.sqlite'),
    AZURE_SUBSCRIPTION_ID: sim.subscriptionId,
    AZURE_RESOURCE_MANAGER_ENDPOINT: sim.url,
    RECOVERY_VAULT_IDS: SIM_RECOVERY_VAULT_IDS.join(','),
    BACKUP_MANAGEMENT_SERVICE_OBJECT_ID: SIM_BACKUP_MANAGEMENT_OBJECT_ID,
    BACKUP_OPERATOR_IDS: users.alice.id,
    BACKUP_APPROVER_IDS: users.bob.id,
    IDENTITY_ENDPOINT: `http://127.0.0.1:${(identity.address() as AddressInfo).port}/msi/token`,
    IDENTITY_HEADER: SECRET,
    NODE_EXTRA_CA_CERTS: caFile,
  };
  bot = spawn(process.execPath, [require.resolve('tsx/cli'), 'src/index.ts'], {
    cwd: path.resolve(__dirname, '../..'),
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  bot.stdout?.on('data', (d) => (output += d));
  bot.stderr?.on('data', (d) => (output += d));
  for (let i = 0; i < 150; i++) {
    const ok = await fetch(`${botUrl}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`bot did not become healthy:\n${output}`);
}, 60_000);

afterAll(async () => {
  bot?.kill('SIGTERM');
  await new Promise((r) => bot?.once('exit', r));
  await connector.close();
  await new Promise<void>((r) => identity.close(() => r()));
  await sim.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it("answers check vm001 from the configured ARM endpoint, with the managed identity's token", async () => {
  const before = sim.requests.length;
  const res = await fetch(`${botUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(messageActivity(connector.url, 'check vm001', users.carol, { kind: 'channel', thread: '1' })),
  });
  expect(res.status).toBe(200);
  for (let i = 0; i < 50 && connector.writes.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
  expect(visibleText(cardOf(connector.writes[0]))).toContain('Preflight for vm001');
  const seen = sim.requests.slice(before);
  expect(seen.length).toBeGreaterThan(3);
  expect(seen.every((r) => r.authorization === `Bearer ${TOKEN}`)).toBe(true);
  expect(identityCalls.length).toBeGreaterThan(0);
  expect(identityCalls.every((c) => c.header === SECRET)).toBe(true);
  expect(output).toContain('using Azure');
  expect(output).not.toContain('embedded Azure simulator');
  expect(output).not.toContain(TOKEN);
  expect(output).not.toContain(SECRET);
});

it('help does not claim to run on the simulator', async () => {
  const before = connector.writes.length;
  await fetch(`${botUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(messageActivity(connector.url, 'help', users.carol, { kind: 'personal', user: users.carol })),
  });
  for (let i = 0; i < 50 && connector.writes.length === before; i++) await new Promise((r) => setTimeout(r, 100));
  const text = visibleText(cardOf(connector.writes[before]));
  expect(text).toContain('check <vm>');
  expect(text).not.toContain('simulator');
});
