/**
 * Hostile input, property-based (fast-check): random and hostile text (quotes, OData fragments, path traversal,
 * control characters, NUL, bidi overrides, emoji, Japanese, `<at>` tags, 100 KB) as messages in a channel and a
 * personal chat, in English and Japanese, and malformed card clicks. The bot never fails (HTTP < 500, no internal
 * error in the log), always answers, and nothing typed reaches a URL or `$filter` unvalidated: every request the
 * simulator receives has an Azure-name-only path and a query from the bot's own grammar.
 *
 * Replay a failure with the seed fast-check prints: `FUZZ_SEED=<seed> npx jest test/security/fuzz.test.ts`.
 */
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { createActions } from '../../src/actions';
import { normalise } from '../../src/core/router';
import { actionsOf } from '../support/card-flows';
import type { ConnectorWrite } from '../support/fake-connector';
import { cardOf, channel, startHarness, visibleText, type Harness } from '../support/harness';
import { invokeActivity, messageActivity, users, type TestUser, type Where } from '../support/teams';

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31;
const RUNS = Number(process.env.FUZZ_RUNS ?? 1) || 1;

/**
 * Characters Azure allows in the resource names and ids the bot puts in paths (plus `/` and the `;` of backup item
 * names).
 */
const AZURE_PATH = /^[A-Za-z0-9_.()\-/;]*$/;
/**
 * `;` only as Azure Backup spells a VM's container and item: `iaasvmcontainer;iaasvmcontainerv2;{rg};{vm}`,
 * `vm;iaasvmcontainerv2;{rg};{vm}`.
 */
const BACKUP_ITEM_SEGMENT =
  /^(?:iaasvmcontainer;iaasvmcontainerv2|vm;iaasvmcontainerv2);[A-Za-z0-9_.()-]+;[A-Za-z0-9_.-]+$/i;
/**
 * Every query the bot sends: api-version, `$expand=instanceView`, and its `$filter`s (job lists with or without a
 * status).
 */
const QUERY: Record<string, RegExp> = {
  'api-version': /^\d{4}-\d{2}-\d{2}(-preview)?$/,
  $expand: /^instanceView$/,
  $filter: new RegExp(
    [
      String.raw`backupManagementType eq 'AzureIaasVM'( and itemType eq 'VM')?`,
      String.raw`principalId eq '[0-9a-f-]{36}'`,
      String.raw`startTime eq '[0-9-]{10} [0-9:]{8} [AP]M' and endTime eq '[0-9-]{10} [0-9:]{8} [AP]M'( and status eq 'InProgress')?`,
    ]
      .map((f) => `^${f}$`)
      .join('|'),
    'i',
  ),
};

const HOSTILE = [
  "'",
  '"',
  '`',
  "' or 1 eq 1",
  "vm001' or name eq '",
  "') or true or ('",
  '$filter=',
  '&$filter=name ne null',
  '?api-version=1999-01-01',
  '#',
  '%',
  '%27',
  '../',
  '..\\',
  '%2e%2e/',
  '%2e%2e%2f',
  '..%2f',
  '／..／',
  '‥/',
  '.',
  '..',
  '/',
  '//',
  'rg-prod/../vm001',
  'rg-prod//vm001',
  '/subscriptions/00000000-0000-0000-0000-000000000000',
  '\u0000',
  '\u0007',
  '\b',
  '\u001b[31m',
  '\r\n',
  '\u2028',
  '\u202e',
  '\u202d',
  '\u2066',
  '\u200b',
  '\ufeff',
  '\ud800',
  '🔥',
  '👩‍👩‍👧',
  '🇯🇵',
  '<at>Backup Bot</at>',
  '<at>',
  '</at>',
  '<at>x</at>vm001',
  '<script>alert(1)</script>',
  '${jndi:ldap://x}',
  '{{7*7}}',
  '${title}',
  '__proto__',
  'constructor',
  'ｖｍ００１',
  'ＶＭ００２',
  'vm001',
  'rg-prod/web01',
  'web01',
  'kv-ade-prod',
  '-rg',
  '(rg)',
  'a'.repeat(64),
  'a'.repeat(65),
  'rg.',
  'vm.',
  'NUL',
  'con',
  'バックアップ',
  'をチェック',
  'の状態',
  'を今すぐバックアップ',
  'を保護',
  '監視状況',
  'ジョブ',
  'アクセスを申請',
  '日本語の仮想マシン',
  '２０日保持',
  '30日保持',
];
const WORDS = [
  'check',
  'backup',
  'back up',
  'now',
  'keep',
  'days',
  'until',
  '2026-12-31',
  '9999-99-99',
  'protect',
  'with',
  'DefaultPolicy',
  'status',
  'jobs',
  'restore',
  'files',
  'grant',
  'backup access',
  'access',
  'watch',
  'here',
  'off',
  'audit',
  'help',
  'for',
  'to',
  'on',
  'stop',
  'and delete data',
  'resume',
  'undelete',
  'deleted backups',
  'GoldPolicy',
];
const CONTROL = [
  ...'\u0000\u0001\u0007\u0008\u000b\u000c\u001b\u007f\u0085\u200b\u200e\u200f\u202a\u202b\u202d\u202e\u2066\u2067\u2069\ufeff\ufffe',
];

const fragment = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...CONTROL), minLength: 1, maxLength: 6 }) },
);
const separator = fc.constantFrom(' ', ' ', '', '/', '\n', '\t', '　', ' を', 'の', ';');
const PREFIXES = [
  '',
  'check ',
  'backup ',
  'status ',
  'jobs ',
  'protect ',
  'restore ',
  'restore files of ',
  'grant backup access ',
  'request access to ',
  'watch ',
  'チェック ',
  'バックアップ ',
  '状態 ',
  'ジョブ ',
  '復元 ',
  'アクセス申請 ',
  'stop backup ',
  'resume backup ',
  'undelete ',
  'delete backup data ',
  'バックアップ停止 ',
  'バックアップ再開 ',
  '削除の取り消し ',
];
const SUFFIXES = [
  '',
  '',
  ' now',
  ' now keep 10 days',
  ' now until 2026-12-31',
  ' with DefaultPolicy',
  'をチェック',
  ' を今すぐバックアップ',
  'を今すぐバックアップ 10日保持',
  'の状態',
  'を保護',
  'を復元',
  'のジョブ',
  'のバックアップアクセスを申請',
  ' and delete data',
  ' with GoldPolicy',
  'のバックアップを停止',
  'のバックアップを停止してデータを削除',
  'のバックアップを再開',
  'のバックアップの削除を取り消し',
];
const text = fc
  .tuple(
    fc.constantFrom(...PREFIXES),
    fc.array(fc.tuple(fragment, separator), { minLength: 1, maxLength: 6 }),
    fc.constantFrom(...SUFFIXES),
  )
  .map(([prefix, parts, suffix]) => prefix + parts.map(([f, s]) => f + s).join('') + suffix);
/** Names that pass, or nearly pass, the naming rules: valid ones reach Azure (resource groups go into paths). */
const validName = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.()-]{0,20}[A-Za-z0-9_)]$/);
const nameish = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'vm001',
      'VM002',
      'web01',
      'vm004',
      'rg-prod/web01',
      'rg-dev/web01',
      'kv-ade-noaccess',
      'nosuchvm',
    ),
  },
  { weight: 2, arbitrary: validName },
  { weight: 2, arbitrary: fc.tuple(validName, validName).map(([rg, vm]) => `${rg}/${vm}`) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.constantFrom('vm001', 'rg-prod/web01', 'rg-prod/vm001'),
        fc.constantFrom(...HOSTILE, ...CONTROL),
        fc.nat(),
      )
      .map(([name, bad, at]) => name.slice(0, at % (name.length + 1)) + bad + name.slice(at % (name.length + 1))),
  },
);
const COMMANDS = [
  'check {}',
  '{} をチェック',
  'backup {} now',
  'backup {} now keep 3 days',
  '{} を今すぐバックアップ',
  'status {}',
  '{} の状態',
  'jobs {}',
  '{} のジョブ',
  'protect {}',
  'protect {} with DefaultPolicy',
  '{} を保護',
  'restore {}',
  'restore files of {}',
  '{} を復元',
  'grant backup access {}',
  '{} のバックアップアクセスを申請',
  'stop backup {}',
  'stop backup {} and delete data',
  'resume backup {}',
  'resume backup {} with GoldPolicy',
  'undelete {}',
  '{} のバックアップを停止',
  '{} のバックアップを停止してデータを削除',
  '{} のバックアップを GoldPolicy で再開',
  '{} のバックアップの削除を取り消し',
];
const nearlyValid = fc
  .tuple(fc.constantFrom(...COMMANDS), nameish)
  .map(([command, name]) => command.replace('{}', name));
const message = fc.oneof({ weight: 1, arbitrary: text }, { weight: 1, arbitrary: nearlyValid });
/** ~100 KB: one fragment repeated, behind a command that would otherwise use it. */
const huge = fc
  .tuple(
    fc.constantFrom(...PREFIXES),
    fragment.filter((f) => f.length > 0),
  )
  .map(([prefix, f]) => prefix + f.repeat(Math.ceil(100_000 / f.length)));

const people: TestUser[] = [users.alice, users.dave, users.bob, users.carol];
const where = fc.constantFrom<Where>(channel, { kind: 'personal', user: users.alice });
const locale = fc.constantFrom('en-US', 'ja-JP');

/** fc.assert, with long strings in the failure report cut (a 100 KB counterexample would bury the seed). */
async function check<T extends unknown[]>(property: fc.IAsyncPropertyWithHooks<T>, numRuns: number): Promise<void> {
  const details = await fc.check(property, { seed: SEED, numRuns, endOnFailure: true });
  if (!details.failed) return;
  const cut = (text: string) => text.replace(/"((?:[^"\\]|\\.){200})(?:[^"\\]|\\.)+"/g, '"$1…"');
  const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  throw new Error(`${cut(fc.defaultReportMessage(details) ?? 'property failed')}\n\nGot: ${cut(cause).slice(0, 4000)}`);
}

let h: Harness;
/**
 * Ids of real pending confirmations and approvals (none that would start a backup), so forged clicks reach the
 * handlers.
 */
const liveIds: string[] = [];

beforeAll(async () => {
  h = await startHarness();
  for (const [command, user] of [
    ['protect vm004', users.alice],
    ['restore vm001', users.alice],
    ['grant backup access vm002', users.alice],
    ['grant backup access vm003', users.dave],
    ['stop backup vm005', users.alice],
    ['resume backup vm001 with GoldPolicy', users.alice],
  ] as const) {
    for (const w of await h.say(command, { user }))
      for (const a of actionsOf(cardOf(w), w.activityId, command))
        liveIds.push(
          typeof (a.data.pendingId ?? a.data.approvalId) === 'string'
            ? ((a.data.pendingId ?? a.data.approvalId) as string)
            : '',
        );
  }
  const submit = actionsOf(
    cardOf((await h.say('grant backup access vm003', { user: users.dave })).at(-1)),
    '',
    '',
  ).find((a) => a.verb === 'grant.submit');
  if (submit) await h.click('grant.submit', submit.data, { user: users.dave });
  // A critical operation waiting for an approver (stopping vm005: forged approvals would have to get past the machine).
  const stop = actionsOf(cardOf((await h.say('stop backup vm005', { user: users.dave })).at(-1)), '', '').find(
    (a) => a.verb === 'change.submit',
  );
  if (stop) {
    liveIds.push(String(stop.data.approvalId));
    await h.click('change.submit', stop.data, { user: users.dave });
  }
  expect(liveIds.filter(Boolean).length).toBeGreaterThan(3);
});
afterAll(() => h.close());

/**
 * Every way the typed text could show up in a request: its words and runs of non-name characters, raw and normalised.
 */
function suspiciousPieces(input: string): string[] {
  const pieces = new Set<string>();
  for (const source of [input, normalise(input)]) {
    for (const word of source.split(/[\s/]+/))
      if (word.length >= 2 && !/^[A-Za-z0-9_.();-]*$/.test(word)) pieces.add(word);
  }
  return [...pieces];
}

/** Every string in a JSON-like value (keys included), for the same check on card data. */
function stringsIn(value: unknown, depth = 0): string[] {
  if (typeof value === 'string') return [value.slice(0, 2000)];
  if (!value || typeof value !== 'object' || depth > 6) return [];
  return Object.entries(value).flatMap(([k, v]) => [k, ...stringsIn(v, depth + 1)]);
}

function checkRequests(since: number, input: string): void {
  const pieces = suspiciousPieces(input);
  for (const r of h.simulator.requests.slice(since)) {
    expect({ path: r.path, ok: AZURE_PATH.test(r.path) }).toEqual({ path: r.path, ok: true });
    for (const segment of r.path.split('/').filter((x) => x.includes(';')))
      expect(segment).toMatch(BACKUP_ITEM_SEGMENT);
    for (const [key, value] of Object.entries(r.query)) {
      expect({ key, value, known: !!QUERY[key]?.test(value) }).toEqual({ key, value, known: true });
    }
    const url = `${r.path}?${Object.values(r.query).join('&')}`;
    for (const piece of pieces)
      expect({ url, piece, found: url.includes(piece) }).toEqual({ url, piece, found: false });
  }
}

/**
 * No internal error: only Azure's own answers (e.g. ResourceGroupNotFound for a typed `rg/vm`), relayed with their
 * code.
 */
function checkLogs(since: number): void {
  const errors = h.logs
    .slice(since)
    .map((l) => JSON.parse(l))
    .filter((l) => l.level === 'error' && l.error?.name !== 'AzureError');
  expect(errors).toEqual([]);
}

const shown = (writes: ConnectorWrite[]) =>
  writes.map((w) => `${w.activity.text ?? ''}${visibleText(cardOf(w))}`).join('\n');

async function sayChecked(input: string, user: TestUser, at: Where, clientLocale: string): Promise<void> {
  const sim = h.simulator.requests.length;
  const logs = h.logs.length;
  const res = await h.post(messageActivity(h.connector.url, input, user, at, clientLocale));
  expect(res.status).toBe(200);
  expect(res.writes.length).toBeGreaterThan(0);
  const answer = shown(res.writes);
  expect(answer.trim().length).toBeGreaterThan(0);
  expect(answer).not.toMatch(/\n\s+at \S+ \(|RestError|TypeError|CodedError|Invalid (VM name|resource group)/);
  checkLogs(logs);
  checkRequests(sim, input);
}

describe('messages', () => {
  it('random and hostile text: always an answer, never an error, nothing unvalidated in a request', async () => {
    const before = h.simulator.requests.length;
    await check(
      fc.asyncProperty(message, fc.constantFrom(...people), where, locale, (input, user, at, clientLocale) =>
        sayChecked(input, user, at, clientLocale),
      ),
      2000 * RUNS,
    );
    // The inputs got past the router often enough for the request checks to mean something (about 470–630 requests
    // for 2,000 inputs, by seed; a status costs three reads, fewer once a VM's place is known).
    expect(h.simulator.requests.length - before).toBeGreaterThan(250);
  }, 120_000);

  it('100 KB messages', async () => {
    await check(
      fc.asyncProperty(huge, where, locale, async (input, at, clientLocale) => {
        const started = Date.now();
        await sayChecked(input, users.alice, at, clientLocale);
        expect(Date.now() - started).toBeLessThan(2000);
      }),
      30 * RUNS,
    );
  }, 120_000);
});

describe('card clicks', () => {
  const verbs = createActions(() => {
    throw new Error('not needed');
  }).map((a) => a.verb);
  const KEYS = [
    'pendingId',
    'approvalId',
    'vm',
    'command',
    'from',
    'policyId',
    'retainUntil',
    'reason',
    'comment',
    'confirmName',
    'pointName',
    'kind',
    'region',
    'resourceGroup',
    'storageAccount',
    'vmName',
    'subnetId',
    'action',
    'verb',
    '__proto__',
    'constructor',
  ];
  const scalar = fc.oneof(
    fc.constantFrom(...HOSTILE),
    fc.nat().map((i) => liveIds[i % Math.max(1, liveIds.length)] ?? randomUUID()),
    fc.uuid(),
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom(
      'rg-prod/vm001',
      'rg-dev/web01',
      'rg-prod/../vm001',
      '-rg/vm001',
      'check',
      'backup',
      'audit',
      'grant',
      'x'.repeat(100_000),
    ),
  );
  const value = fc.oneof(
    { weight: 6, arbitrary: scalar },
    { weight: 1, arbitrary: fc.array(scalar, { maxLength: 3 }) },
    { weight: 1, arbitrary: fc.dictionary(fc.constantFrom(...KEYS), scalar, { maxKeys: 3 }) },
  );
  const data = fc.oneof(
    { weight: 6, arbitrary: fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 6 }) },
    { weight: 1, arbitrary: fc.array(value, { maxLength: 3 }) },
    { weight: 1, arbitrary: scalar },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
  const verb = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...verbs) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('', ' backup.confirm', 'BACKUP.CONFIRM', '__proto__', 'toString', 'constructor'),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  );
  const invokeValue = fc.oneof(
    {
      weight: 8,
      arbitrary: fc.record({
        action: fc.record({ type: fc.constant('Action.Execute'), verb, data }, { requiredKeys: ['type'] }),
        trigger: fc.constant('manual'),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        action: fc.record({ type: fc.constantFrom('Action.Submit', 'Action.OpenUrl', 5), verb, data }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ action: fc.oneof(fc.constant(null), fc.string(), fc.integer(), fc.array(fc.string())) }),
    },
    {
      weight: 1,
      arbitrary: fc.oneof(
        fc.constant(undefined),
        fc.constant(null),
        fc.string(),
        fc.integer(),
        fc.array(fc.string()),
        fc.constant({}),
        fc.dictionary(fc.string(), fc.string()),
      ),
    },
  );

  it('malformed and forged invoke payloads: never a 5xx, never an internal error, nothing unvalidated in a request', async () => {
    await check(
      fc.asyncProperty(invokeValue, fc.constantFrom(...people), where, locale, async (v, user, at, clientLocale) => {
        const sim = h.simulator.requests.length;
        const logs = h.logs.length;
        const activity = { ...invokeActivity(h.connector.url, 'x', {}, user, at, 'card-1', clientLocale), value: v };
        const res = await h.post(activity);
        expect(res.status).toBeLessThan(500);
        if (res.status === 200)
          expect(typeof res.body?.value === 'string' || typeof res.body?.value === 'object').toBe(true);
        checkLogs(logs);
        checkRequests(sim, stringsIn(v).join(' '));
      }),
      2000 * RUNS,
    );
  }, 120_000);
});
