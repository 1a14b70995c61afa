/**
 * Secrets never reach the logs or the chat. The bot runs with an app password (MicrosoftAppId set, tokens checked
 * against a loopback identity fake), state in Blob Storage through a connection string with an account key (Azurite on
 * 127.0.0.1), incoming Bot Framework JWTs, an outgoing connector
 * token and the simulator's bearer token. Happy flows, Azure errors and crashes (handlers that throw errors carrying
 * secrets) run; every log line, every console line and everything written to the chat is searched for each secret.
 */
import { randomBytes } from 'node:crypto';
import { backupConfirm } from '../../src/actions/backup-confirm';
import { check } from '../../src/commands/check';
import { startAzurite, type Azurite } from '../support/azurite';
import { loopbackAuthOptions, seedOutgoingToken, startFakeIdentity, type FakeIdentity } from '../support/bot-identity';
import { offer } from '../support/card-flows';
import { cardOf, startHarness, visibleText, type Harness } from '../support/harness';
import { guardNetwork, type NetworkGuard } from '../support/network-guard';
import { users } from '../support/teams';

jest.setTimeout(60_000);

const APP_ID = '0c6f2d8a-5b1e-4f7c-9a3d-8e2b4c6a1f07';
const APP_PASSWORD = `Pw.${randomBytes(18).toString('base64url')}`;
const OUTGOING_TOKEN = `eyJ0eXAiOiJKV1QifQ.${randomBytes(24).toString('base64url')}.${randomBytes(24).toString('base64url')}`;
const SIMULATOR_TOKEN = 'simulator-token';
/** Every token sent to the bot in an Authorization header during the test. */
const incomingTokens: string[] = [];

let guard: NetworkGuard;
let azurite: Azurite;
let identity: FakeIdentity;
let h: Harness;
let connection: string;
/**
 * The account key in the connection string (Azurite's development key: public, but it stands in for a real one here).
 */
const accountKey = () => /AccountKey=([^;]+)/.exec(connection)![1];
const account = () => /AccountName=([^;]+)/.exec(connection)![1];
let unseed: () => void;
const consoleLines: string[] = [];

beforeAll(async () => {
  guard = guardNetwork();
  for (const level of ['log', 'info', 'warn', 'error'] as const) {
    jest
      .spyOn(console, level)
      .mockImplementation(
        (...args: unknown[]) =>
          void consoleLines.push(
            args
              .map((a) => (a instanceof Error ? `${a.stack}` : typeof a === 'string' ? a : JSON.stringify(a)))
              .join(' '),
          ),
      );
  }
  azurite = await startAzurite();
  connection = azurite.connectionString;
  identity = await startFakeIdentity();
  unseed = seedOutgoingToken(APP_ID, OUTGOING_TOKEN);
  h = await startHarness({
    env: {
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: APP_PASSWORD,
      STATE_BLOB_CONNECTION_STRING: connection,
      STATE_BLOB_CONTAINER: `secrets-${process.pid}`,
    },
    authOverrides: loopbackAuthOptions(identity),
    authorization: (activity) => {
      const token = identity.channelToken(APP_ID, activity.serviceUrl);
      incomingTokens.push(token);
      return `Bearer ${token}`;
    },
  });
}, 90_000);

afterAll(async () => {
  await h?.close();
  await identity?.close();
  await azurite?.stop();
  unseed?.();
  jest.restoreAllMocks();
  guard.restore();
});

/** An error as libraries throw them: secrets in the message, in header dumps and in properties named for them. */
function leakyError(): Error {
  const error = new Error(
    `request failed: Authorization: Bearer ${incomingTokens[0]} x-ms-client-secret=${APP_PASSWORD}; storage: ${connection}; arm: Bearer ${SIMULATOR_TOKEN}; ` +
      `client_secret=${APP_PASSWORD}&password=${APP_PASSWORD}; options {"MicrosoftAppPassword":"${APP_PASSWORD}","accountKey":"${accountKey()}"} (client secret ${APP_PASSWORD})`,
  );
  return Object.assign(error, {
    code: 'ELEAKY',
    request: { headers: { authorization: `Bearer ${OUTGOING_TOKEN}` } },
    config: { MicrosoftAppPassword: APP_PASSWORD, connectionString: connection, accountKey: accountKey() },
  });
}

function everything(): string {
  const chat = h.connector.writes.map((w) => JSON.stringify(w.activity));
  return [...h.logs, ...consoleLines, ...chat].join('\n');
}

/** The secret and long pieces of it (a truncated secret is still a leak). */
function pieces(secret: string): string[] {
  const size = Math.min(12, secret.length);
  return [secret, ...[0, Math.floor(secret.length / 2), secret.length - size].map((at) => secret.slice(at, at + size))];
}

function expectNoSecrets(): void {
  const all = everything();
  const secrets: [string, string][] = [
    ['MicrosoftAppPassword', APP_PASSWORD],
    ['storage account key', accountKey()],
    // Its account name and endpoint may be logged; the key (above) and the whole string may not.
    ['connection string', connection],
    ['outgoing connector token', OUTGOING_TOKEN],
    ['simulator bearer token', SIMULATOR_TOKEN],
    ...incomingTokens.map((t, i) => [`incoming JWT #${i}`, t] as [string, string]),
    ...incomingTokens.map((t, i) => [`incoming JWT #${i} signature`, t.split('.')[2]] as [string, string]),
  ];
  for (const [name, secret] of secrets)
    for (const piece of name === 'connection string' ? [secret] : pieces(secret))
      expect({ name, piece, found: all.includes(piece) }).toEqual({ name, piece, found: false });
}

const lastText = () => h.connector.writes.map((w) => `${w.activity.text ?? ''}\n${visibleText(cardOf(w))}`).join('\n');

describe('with an app password, Blob state and bearer tokens', () => {
  it('the state really is in Blob Storage and tokens really are checked', async () => {
    expect(h.logs.some((l) => /state in Azure Blob Storage/.test(l) && l.includes(`"account":"${account()}"`))).toBe(
      true,
    );
    expect(
      (
        await h.post({
          type: 'message',
          text: 'help',
          serviceUrl: h.connector.url,
          channelId: 'msteams',
          conversation: { id: 'x' },
          from: { id: 'y' },
          recipient: { id: 'z' },
        })
      ).status,
    ).toBe(401);
  });

  it('happy flows: help, check, backup to the end, grant approved and applied', async () => {
    await h.say('help');
    await h.say('check vm001');
    await h.say('check vm002', { where: { kind: 'personal', user: users.alice } });
    const confirm = await offer(h, 'backup.confirm', users.alice);
    await h.click('backup.confirm', confirm.data, { user: users.alice, replyToId: confirm.activityId });
    for (let i = 0; i < 10; i++) {
      h.clock.advance(20_000);
      await h.tick();
    }
    expect(lastText()).toMatch(/Backup of \*\*vm001\*\* completed/);
    const approve = await offer(h, 'grant.approve', users.alice);
    await h.click('grant.approve', approve.data, { user: users.bob });
    expect(lastText()).toContain('can now read Key Vault');
    expectNoSecrets();
  });

  it('Azure errors: 403 on a read, 401 from ARM, 500 on the backup trigger', async () => {
    h.simulator.faults.add({
      method: 'GET',
      path: /virtualMachines(\/[^/]+)?$/i,
      status: 403,
      errorCode: 'AuthorizationFailed',
      times: 5,
    });
    await h.say('check vm001');
    h.simulator.faults.clear();
    h.simulator.faults.add({
      method: 'GET',
      path: /protectedItems|backupProtectedItems/i,
      status: 401,
      errorCode: 'InvalidAuthenticationToken',
      times: 20,
    });
    await h.say('status vm001');
    h.simulator.faults.clear();
    const confirm = await offer(h, 'backup.confirm', users.alice);
    h.simulator.faults.add({
      method: 'POST',
      path: /\/backup$/i,
      status: 500,
      errorCode: 'InternalServerError',
      times: 20,
    });
    await h.click('backup.confirm', confirm.data, { user: users.alice, replyToId: confirm.activityId });
    h.simulator.faults.clear();
    expect(lastText()).toContain('AuthorizationFailed');
    expect(h.logs.filter((l) => JSON.parse(l).level === 'error').length).toBeGreaterThan(0);
    expectNoSecrets();
  });

  it('crashes: a command, a card action, the turn itself and background work throw errors full of secrets', async () => {
    const before = h.connector.writes.length;
    const command = jest.spyOn(check, 'handle').mockRejectedValueOnce(leakyError());
    await h.say('check vm001');
    command.mockRestore();

    const action = jest.spyOn(backupConfirm, 'handle').mockRejectedValueOnce(leakyError());
    const confirm = await offer(h, 'backup.confirm', users.alice);
    const click = await h.click('backup.confirm', confirm.data, { user: users.alice });
    action.mockRestore();
    expect(String(click.body.value)).toMatch(/correlation|[0-9a-f]{8}/i);

    const turn = jest.spyOn(h.app.dispatcher, 'onText').mockRejectedValueOnce(leakyError());
    await h.say('help');
    turn.mockRestore();

    const trigger = jest.spyOn(h.app.services.azure, 'triggerBackup').mockRejectedValueOnce(leakyError());
    const again = await offer(h, 'backup.confirm', users.alice);
    await h.click('backup.confirm', again.data, { user: users.alice, replyToId: again.activityId });
    trigger.mockRestore();

    const crashes = h.logs.map((l) => JSON.parse(l)).filter((l) => l.level === 'error' && l.error?.code === 'ELEAKY');
    expect(crashes.map((l) => l.where)).toEqual(
      expect.arrayContaining(['command:check', 'action:backup.confirm', 'turn', 'backup.trigger']),
    );
    // People are told something went wrong, with an id to quote, never the error itself.
    const told = h.connector.writes
      .slice(before)
      .map((w) => w.activity.text ?? '')
      .join('\n');
    expect(told).not.toMatch(/request failed|ELEAKY|Authorization|storage:/);
    expectNoSecrets();
  });

  it('no connection left 127.0.0.1', () => {
    expect(guard.refused).toEqual([]);
  });
});
