/**
 * Bot Framework authentication with an app id (MultiTenant, client secret): only tokens Bot Connector would send are
 * accepted — right issuer, audience = our app id, not expired (beyond botbuilder's 5-minute skew), signed by a key in
 * the published JWKS that is endorsed for `msteams`, and a `serviceurl` claim equal to the activity's serviceUrl.
 * Everything else is a 401 that says nothing more, leaves one warning in our log, and changes nothing. Identity and
 * connector are fakes on 127.0.0.1; a network guard proves no connection leaves loopback.
 */
import { randomUUID } from 'node:crypto';
import { cardOf, startHarness, visibleText, type Harness } from '../support/harness';
import {
  EMULATOR_TOKEN_ISSUER,
  loopbackAuthOptions,
  seedOutgoingToken,
  signingKey,
  signJwt,
  startFakeIdentity,
  type FakeIdentity,
} from '../support/bot-identity';
import { guardNetwork, type NetworkGuard } from '../support/network-guard';
import { startRecordingProxy, type RecordingProxy } from '../support/recording-proxy';
import { invokeActivity, messageActivity, users } from '../support/teams';

const APP_ID = '6f0d2b9e-3c4a-4e8b-9d1f-2a7c5e8b0d13';
const APP_PASSWORD = `auth-test~${randomUUID()}`;
const OUTGOING_TOKEN = `outgoing-connector-token-${randomUUID()}`;
const personal = { kind: 'personal', user: users.alice } as const;

let guard: NetworkGuard;
let identity: FakeIdentity;
let h: Harness;
let proxy: RecordingProxy;
let unseed: () => void;
/** botframework-connector's own `console.error` output (it prints some refusals itself, before our code runs). */
const libraryConsole: string[] = [];

const teamsKey = signingKey(['msteams']);
const webchatOnlyKey = signingKey(['webchat']);
const unpublishedKey = signingKey(['msteams']);

beforeAll(async () => {
  guard = guardNetwork();
  jest
    .spyOn(console, 'error')
    .mockImplementation((...args: unknown[]) => void libraryConsole.push(args.map(String).join(' ')));
  identity = await startFakeIdentity([teamsKey, webchatOnlyKey]);
  unseed = seedOutgoingToken(APP_ID, OUTGOING_TOKEN);
  h = await startHarness({
    env: { MicrosoftAppId: APP_ID, MicrosoftAppPassword: APP_PASSWORD, MicrosoftAppType: 'MultiTenant' },
    authOverrides: loopbackAuthOptions(identity),
    authorization: (activity) => `Bearer ${identity.channelToken(APP_ID, activity.serviceUrl)}`,
  });
  proxy = await startRecordingProxy(h.connector.url);
});

afterAll(async () => {
  await h.close();
  await proxy.close();
  await identity.close();
  unseed();
  jest.restoreAllMocks();
  guard.restore();
});

const now = () => Math.floor(Date.now() / 1000);
const message = (serviceUrl = h.connector.url) => messageActivity(serviceUrl, 'help', users.alice, personal);

describe('a token Bot Connector would send', () => {
  it("is accepted: 200, and the reply reaches the connector carrying the bot's own token", async () => {
    const activity = message(proxy.url);
    const res = await h.post(activity, { authorization: `Bearer ${identity.channelToken(APP_ID, proxy.url)}` });
    expect(res.status).toBe(200);
    expect(res.writes).toHaveLength(1);
    expect(visibleText(cardOf(res.writes[0]))).toContain('check <vm>');
    const replies = proxy.calls.filter(
      (c) => c.method === 'POST' && /\/v3\/conversations\/.+\/activities/.test(c.path),
    );
    expect(replies).toHaveLength(1);
    expect(replies[0].authorization).toBe(`Bearer ${OUTGOING_TOKEN}`);
  });

  it('works for channel messages and card clicks too', async () => {
    const writes = await h.say('check web01');
    const choice = cardOf(writes[0]).actions[0];
    const click = await h.click(choice.verb, choice.data);
    expect(click.status).toBe(200);
    expect(click.body.value).toContain('web01');
  });

  it("a token expired less than 5 minutes ago is still accepted (botbuilder's clock skew)", async () => {
    const token = identity.channelToken(APP_ID, h.connector.url, { exp: now() - 120 });
    expect((await h.post(message(), { authorization: `Bearer ${token}` })).status).toBe(200);
  });

  it('the OpenID metadata and keys were read from the loopback fake', () => {
    expect(identity.requests).toEqual(
      expect.arrayContaining(['/v1/.well-known/openidconfiguration', '/v1/.well-known/keys']),
    );
  });
});

const forged: [string, () => Record<string, string>][] = [
  ['no Authorization header', () => ({})],
  ['an empty bearer', () => ({ authorization: 'Bearer ' })],
  ['another scheme', () => ({ authorization: `Basic ${Buffer.from(`${APP_ID}:${APP_PASSWORD}`).toString('base64')}` })],
  ['a malformed token', () => ({ authorization: 'Bearer not.a.jwt' })],
  ['three base64 parts that are not JSON', () => ({ authorization: 'Bearer e30.bm90IGpzb24.c2ln' })],
  [
    'an expired token (beyond the skew)',
    () => ({
      authorization: `Bearer ${identity.channelToken(APP_ID, h.connector.url, { exp: now() - 600, nbf: now() - 7200, iat: now() - 7200 })}`,
    }),
  ],
  [
    'a token not valid yet',
    () => ({ authorization: `Bearer ${identity.channelToken(APP_ID, h.connector.url, { nbf: now() + 3600 })}` }),
  ],
  [
    'a token for another bot (wrong audience)',
    () => ({ authorization: `Bearer ${identity.channelToken(randomUUID(), h.connector.url)}` }),
  ],
  [
    'a token without an audience',
    () => ({ authorization: `Bearer ${identity.channelToken(APP_ID, h.connector.url, { aud: undefined })}` }),
  ],
  [
    'a token from another issuer',
    () => ({
      authorization: `Bearer ${identity.channelToken(APP_ID, h.connector.url, { iss: 'https://evil.example' })}`,
    }),
  ],
  [
    'a token signed by a key not in the JWKS',
    () => ({ authorization: `Bearer ${identity.channelToken(APP_ID, h.connector.url, {}, unpublishedKey)}` }),
  ],
  [
    'a forged signature under a published key id',
    () => ({
      authorization: `Bearer ${identity.channelToken(APP_ID, h.connector.url, {}, { ...unpublishedKey, kid: teamsKey.kid })}`,
    }),
  ],
  [
    'alg HS256 in the header',
    () => ({
      authorization: `Bearer ${signJwt({ iss: 'https://api.botframework.com', aud: APP_ID, serviceurl: h.connector.url, exp: now() + 3600 }, teamsKey, { alg: 'HS256' })}`,
    }),
  ],
  [
    'alg none without a signature',
    () => ({
      authorization: `Bearer ${signJwt({ iss: 'https://api.botframework.com', aud: APP_ID, serviceurl: h.connector.url, exp: now() + 3600 }, teamsKey, { alg: 'none' }).replace(/[^.]+$/, '')}`,
    }),
  ],
  [
    'a key endorsed for webchat only, on an msteams activity',
    () => ({ authorization: `Bearer ${identity.channelToken(APP_ID, h.connector.url, {}, webchatOnlyKey)}` }),
  ],
  [
    'a serviceurl claim for another service',
    () => ({ authorization: `Bearer ${identity.channelToken(APP_ID, 'https://smba.evil.example/')}` }),
  ],
  [
    'no serviceurl claim',
    () => ({ authorization: `Bearer ${identity.channelToken(APP_ID, h.connector.url, { serviceurl: undefined })}` }),
  ],
  [
    'an Emulator-issued token for another app',
    () => ({
      authorization: `Bearer ${signJwt({ iss: EMULATOR_TOKEN_ISSUER, aud: randomUUID(), appid: randomUUID(), ver: '1.0', exp: now() + 3600 }, teamsKey)}`,
    }),
  ],
];

describe('anything else is refused with a bare 401', () => {
  it.each(forged)('%s', async (_name, headers) => {
    const before = {
      sim: h.simulator.requests.length,
      logs: h.logs.length,
      writes: h.connector.writes.length,
      conv: (await h.app.services.store.list('conv/')).length,
    };
    for (const activity of [
      message(),
      invokeActivity(h.connector.url, 'backup.confirm', { pendingId: randomUUID() }, users.alice, personal, 'card-1'),
    ]) {
      const sent = headers();
      const res = await h.post(activity, sent);
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ error: 'Unauthorized' });
      const token = sent.authorization?.split(' ')[1];
      if (token) expect(res.text).not.toContain(token.slice(0, 20));
    }
    expect(h.connector.writes.length).toBe(before.writes);
    expect(h.simulator.requests.length).toBe(before.sim);
    expect((await h.app.services.store.list('conv/')).length).toBe(before.conv);
    const lines = h.logs.slice(before.logs).map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.level, l.msg])).toEqual([
      ['warn', 'request refused: not authenticated'],
      ['warn', 'request refused: not authenticated'],
    ]);
    for (const line of lines) expect(JSON.stringify(line)).not.toMatch(/stack|\\n\s+at |eyJ|Bearer|BEGIN|auth-test~/);
  });
});

describe('requests that are not activities', () => {
  it.each([
    ['no type', { text: 'help' }],
    ['a number as type', { type: 5 }],
    ['an array', [1, 2]],
    ['a string', '"help"'],
    ['null', 'null'],
  ])('%s: 400 before authentication, nothing logged as an error', async (_name, body) => {
    const before = h.logs.length;
    const res = await h.post(body, { authorization: `Bearer ${identity.channelToken(APP_ID, h.connector.url)}` });
    expect(res.status).toBe(400);
    expect(res.text).not.toMatch(/validateAndFixActivity|req\.body|middleware|Error/);
    expect(h.logs.slice(before).filter((l) => JSON.parse(l).level === 'error')).toEqual([]);
  });
});

describe('what leaves the process', () => {
  it('no connection went anywhere but 127.0.0.1', () => {
    expect(guard.refused).toEqual([]);
  });

  it("the app password and tokens never reach our log; botframework-connector's own console lines hold no token or password either", () => {
    const all = [...h.logs, ...libraryConsole].join('\n');
    expect(all).not.toContain(APP_PASSWORD);
    expect(all).not.toContain(OUTGOING_TOKEN);
    expect(all).not.toMatch(/eyJ[\w-]{10,}\.[\w-]{10,}/);
  });
});
