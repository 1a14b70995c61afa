/**
 * Crash safety: one bot process (SQLite state) is killed with SIGKILL at random moments of scripted flows — while a
 * confirmation waits for its click, while an approval waits for an approver, while a job runs — and restarted on the
 * same state. Nothing may be lost (every pending card still works, every started job ends with its final message)
 * and nothing done twice (one trigger per confirmation, one grant per approval, one job card and one final message
 * per job). 10 kills, seeded randomness (CRASH_SEED repeats a run), counts printed at the end.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSimulator, type Simulator } from '../../src/simulator';
import { botEnv, startBotProcess, waitFor, type BotProcess } from '../support/bot-processes';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector';
import { visibleText } from '../support/harness';
import { users } from '../support/teams';
import { actionOf, cardSends, finals, grantNotices } from '../support/thread-queries';

jest.setTimeout(120_000);

type Phase = 'confirmation pending' | 'approval pending' | 'job running';
type Flow = { kind: 'backup'; vm: string } | { kind: 'approval'; vm: string; keyVault: string };

/** 6 flows, 10 kills: each backup is killed while its confirmation waits and while its job runs. */
const FLOWS: Flow[] = [
  { kind: 'backup', vm: 'vm001' },
  { kind: 'approval', vm: 'vm002', keyVault: 'kv-ade-noaccess' },
  { kind: 'backup', vm: 'vm005' },
  { kind: 'approval', vm: 'vm003', keyVault: 'kv-ade-rbac' },
  { kind: 'backup', vm: 'vm006' },
  { kind: 'backup', vm: 'vm001' },
];

const seed = Number(process.env.CRASH_SEED) || Math.floor(Math.random() * 1e9);
/** mulberry32: small, seedable, good enough to pick moments. */
let state = seed >>> 0;
function random(): number {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const between = (min: number, max: number) => Math.round(min + random() * (max - min));

let simulator: Simulator;
let connector: FakeConnector;
let bot: BotProcess;
let env: Record<string, string>;
let dir: string;
const counts = { flows: 0, kills: 0, restarts: 0, duplicates: 0, losses: 0 };
const problems: string[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crash-'));
  [simulator, connector] = await Promise.all([
    startSimulator({ timings: { snapshotMs: 1500, transferMs: 1500 }, retryAfterSeconds: 0 }),
    startFakeConnector(Object.values(users)),
  ]);
  env = botEnv(simulator, { STATE_PATH: path.join(dir, 'state.sqlite') });
  bot = await startBotProcess(env, connector.url);
}, 60_000);

afterAll(async () => {
  await bot?.stop();
  await Promise.all([connector?.close(), simulator?.close()]);
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const since = (mark: number) => connector.writes.slice(mark);
const backupPosts = () => simulator.requests.filter((r) => r.method === 'POST' && /\/backup$/i.test(r.path)).length;
const grantPuts = () =>
  simulator.requests.filter((r) => r.method === 'PUT' && /accessPolicies\/add$|roleAssignments\//i.test(r.path)).length;

/** Waits a random moment within `phase`, kills the bot with SIGKILL, and starts it again on the same state. */
async function crashDuring(phase: Phase, minMs: number, maxMs: number): Promise<void> {
  await new Promise((r) => setTimeout(r, between(minMs, maxMs)));
  await bot.crash();
  counts.kills++;
  bot = await startBotProcess(env, connector.url);
  counts.restarts++;
  process.stdout.write(`  killed during ${phase}; restarted as ${bot.instanceId}\n`);
}

/** Records a count that should have been exactly one. */
function once(what: string, count: number): void {
  if (count > 1) {
    counts.duplicates += count - 1;
    problems.push(`${what}: ${count} times`);
  } else if (count < 1) {
    counts.losses++;
    problems.push(`${what}: never`);
  }
}

async function backupFlow(vm: string): Promise<void> {
  let mark = connector.writes.length;
  await bot.say(`backup ${vm} now`);
  const card = await waitFor(`the confirmation card for ${vm}`, () =>
    since(mark).find((w) => actionOf(w, 'backup.confirm')),
  );
  const data = actionOf(card, 'backup.confirm').data;
  await crashDuring('confirmation pending', 0, 600);

  mark = connector.writes.length;
  const posts = backupPosts();
  const first = visibleText((await bot.click('backup.confirm', data)).body?.value);
  const second = visibleText((await bot.click('backup.confirm', data, { user: users.dave })).body?.value);
  once(`${vm}: confirmation accepted`, Number(first.includes('is starting')) + Number(second.includes('is starting')));
  if (!second.includes('already started by')) problems.push(`${vm}: second click not refused: ${second.slice(0, 120)}`);

  const jobCard = new RegExp(`Backup · ${vm}`);
  await waitFor(`the job card for ${vm}`, () => cardSends(since(mark), jobCard).length > 0).catch(() => undefined);
  await crashDuring('job running', 100, 2000);
  await waitFor(`the final message for ${vm}`, () => finals(since(mark), vm).length > 0, 20_000).catch(() => undefined);
  await new Promise((r) => setTimeout(r, 2200)); // two more polling rounds: a duplicate would show now
  once(`${vm}: backup triggered at Azure`, backupPosts() - posts);
  once(`${vm}: job card posted`, cardSends(since(mark), jobCard).length);
  once(`${vm}: final message`, finals(since(mark), vm).length);
  const shown = cardSends(since(mark), jobCard)[0];
  if (shown && !visibleText(connector.messages().get(shown.activityId)).includes('Completed')) {
    counts.losses++;
    problems.push(`${vm}: the job card never showed Completed`);
  }
}

async function approvalFlow(vm: string, keyVault: string): Promise<void> {
  let mark = connector.writes.length;
  await bot.say(`grant backup access ${vm}`);
  const draft = await waitFor(`the access request for ${vm}`, () =>
    since(mark).find((w) => actionOf(w, 'grant.submit')),
  );
  mark = connector.writes.length;
  await bot.click('grant.submit', { ...actionOf(draft, 'grant.submit').data, reason: 'crash test' });
  const posted = await waitFor(`the approval card for ${vm}`, () =>
    since(mark).find((w) => actionOf(w, 'grant.approve')),
  );
  await crashDuring('approval pending', 0, 600);

  mark = connector.writes.length;
  const puts = grantPuts();
  const approve = actionOf(posted, 'grant.approve').data;
  const first = visibleText(
    (await bot.click('grant.approve', approve, { user: users.bob, replyToId: posted.activityId })).body?.value,
  );
  const second = visibleText(
    (await bot.click('grant.approve', approve, { user: users.dave, replyToId: posted.activityId })).body?.value,
  );
  once(`${vm}: approval decided`, [first, second].filter((t) => /Approved by/.test(t)).length);
  if (!second.includes('already decided')) problems.push(`${vm}: second approval not refused: ${second.slice(0, 120)}`);
  await waitFor(`the grant notice for ${keyVault}`, () => grantNotices(since(mark), keyVault).length > 0).catch(
    () => undefined,
  );
  await new Promise((r) => setTimeout(r, 500));
  once(`${keyVault}: grant applied at Azure`, grantPuts() - puts);
  once(`${keyVault}: grant notice`, grantNotices(since(mark), keyVault).length);
}

describe('crash safety (SIGKILL at random moments, restart on the same state)', () => {
  it('loses nothing and does nothing twice', async () => {
    const started = Date.now();
    for (const flow of FLOWS) {
      if (flow.kind === 'backup') await backupFlow(flow.vm);
      else await approvalFlow(flow.vm, flow.keyVault);
      counts.flows++;
    }
    const seconds = Math.round((Date.now() - started) / 1000);
    process.stdout.write(
      `crash test (seed ${seed}): flows run ${counts.flows}, kills ${counts.kills}, restarts ${counts.restarts}, ` +
        `duplicates found ${counts.duplicates}, losses ${counts.losses}, ${seconds} s\n` +
        problems.map((p) => `  ${p}\n`).join(''),
    );
    expect(problems).toEqual([]);
    expect(counts).toEqual({ flows: 6, kills: 10, restarts: 10, duplicates: 0, losses: 0 });
  });
});
