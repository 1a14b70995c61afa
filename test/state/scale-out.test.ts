/**
 * Scale-out, for real: two bot processes behind one conversation (as two App Service instances), sharing state in
 * Azure Blob Storage (Azurite), one simulator and one fake Bot Connector in this process, real clocks, 1 s polls and
 * 3 s jobs. Each job card and final message is posted once; a confirmation or an approval clicked on both at once
 * acts once; when the instance polling a job’s vault is killed, the other takes the vault over and finishes the job,
 * once.
 */
import { startSimulator, type Simulator } from '../../src/simulator';
import { doneKey, vaultKey, type TrackedJob } from '../../src/jobs/tracked-job';
import type { Lease } from '../../src/state/lease';
import { openBlobStore } from '../../src/state/blob-store';
import type { StateStore } from '../../src/state/store';
import { startAzurite, type Azurite } from '../support/azurite';
import { botEnv, startBotProcess, waitFor, type BotProcess } from '../support/bot-processes';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector';
import { visibleText } from '../support/harness';
import { users } from '../support/teams';
import { actionOf, cardSends, finals, grantNotices } from '../support/thread-queries';

jest.setTimeout(60_000);

let azurite: Azurite;
let simulator: Simulator;
let connector: FakeConnector;
let store: StateStore;
let a: BotProcess;
let b: BotProcess;

beforeAll(async () => {
  [azurite, simulator, connector] = await Promise.all([
    startAzurite(),
    startSimulator({ timings: { snapshotMs: 1500, transferMs: 1500 }, retryAfterSeconds: 0 }),
    startFakeConnector(Object.values(users)),
  ]);
  const container = `scale-out-${process.pid}`;
  store = openBlobStore({ connectionString: azurite.connectionString, container });
  const env = botEnv(simulator, {
    STATE_BLOB_CONNECTION_STRING: azurite.connectionString,
    STATE_BLOB_CONTAINER: container,
  });
  [a, b] = await Promise.all([startBotProcess(env, connector.url), startBotProcess(env, connector.url)]);
}, 90_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await Promise.all([connector?.close(), simulator?.close()]);
  await azurite?.stop();
}, 30_000);

const since = (mark: number) => connector.writes.slice(mark);
const backupPosts = () => simulator.requests.filter((r) => r.method === 'POST' && /\/backup$/i.test(r.path));
const grantPuts = () => simulator.requests.filter((r) => r.method === 'PUT' && /accessPolicies\/add$/i.test(r.path));
const settle = (ms = 2500) => new Promise((r) => setTimeout(r, ms));

async function confirmation(bot: BotProcess, vm: string) {
  const mark = connector.writes.length;
  await bot.say(`backup ${vm} now`);
  const card = await waitFor(`the confirmation card for ${vm}`, () =>
    since(mark).find((w) => actionOf(w, 'backup.confirm')),
  );
  return actionOf(card, 'backup.confirm').data as Record<string, unknown>;
}

async function trackedJob(vm: string): Promise<TrackedJob | undefined> {
  return (await store.list<TrackedJob>('job/')).map((v) => v.value).find((j) => j.vm.name === vm && !j.finishedAt);
}

describe('two bot processes on shared blob state', () => {
  it('a confirmation clicked on both instances at once starts one backup; one job card and one final message', async () => {
    const data = await confirmation(a, 'vm001');
    const mark = connector.writes.length;
    const clicks = await Promise.all([
      a.click('backup.confirm', data),
      b.click('backup.confirm', data, { user: users.dave }),
    ]);
    const texts = clicks.map((c) => visibleText(c.body?.value));
    expect(texts.filter((t) => t.includes('is starting'))).toHaveLength(1);
    expect(texts.filter((t) => t.includes('already started by'))).toHaveLength(1);

    await waitFor('the final message', () => finals(since(mark), 'vm001').length > 0);
    await settle(); // two more polling rounds on both instances: nothing may be posted twice
    expect(backupPosts()).toHaveLength(1);
    const cards = cardSends(since(mark), /Backup · vm001/);
    expect(cards).toHaveLength(1);
    expect(finals(since(mark), 'vm001')).toHaveLength(1);
    expect(visibleText(connector.messages().get(cards[0].activityId).attachments[0].content)).toContain('Completed');
    const job = (await store.list<TrackedJob>('done/')).map((v) => v.value).find((j) => j.vm.name === 'vm001');
    expect(job?.finishedAt).toBeDefined();
  });

  it('an approval clicked by two approvers on the two instances at once is decided once: one grant at Azure', async () => {
    let mark = connector.writes.length;
    await a.say('grant backup access vm002');
    const draft = await waitFor('the access request card', () => since(mark).find((w) => actionOf(w, 'grant.submit')));
    mark = connector.writes.length;
    await b.click('grant.submit', { ...actionOf(draft, 'grant.submit').data, reason: 'nightly backups fail' });
    const posted = await waitFor('the approval card', () => since(mark).find((w) => actionOf(w, 'grant.approve')));
    const approve = actionOf(posted, 'grant.approve').data;

    mark = connector.writes.length;
    const clicks = await Promise.all([
      a.click('grant.approve', approve, { user: users.bob, replyToId: posted.activityId }),
      b.click('grant.approve', approve, { user: users.dave, replyToId: posted.activityId }),
    ]);
    const texts = clicks.map((c) => visibleText(c.body?.value));
    expect(texts.filter((t) => /Approved by (Bob Tanaka|Dave Mori)/.test(t))).toHaveLength(1);
    await waitFor('the grant to be applied', () => grantNotices(since(mark), 'kv-ade-noaccess').length > 0);
    await settle(1000);
    expect(grantPuts()).toHaveLength(1);
    expect(grantNotices(since(mark), 'kv-ade-noaccess')).toHaveLength(1);
  });

  it('the instance polling the job’s vault is killed (SIGKILL): the other takes the vault over; one card, one final message', async () => {
    const data = await confirmation(b, 'vm005');
    const mark = connector.writes.length;
    const posts = backupPosts().length;
    const click = await a.click('backup.confirm', data);
    expect(visibleText(click.body?.value)).toContain('is starting');
    await waitFor('the job card', () => cardSends(since(mark), /Backup · vm005/).length > 0);
    const job = await waitFor('the tracked job', () => trackedJob('vm005'));
    expect(job.view?.status).toBe('InProgress');
    const poller = await waitFor(
      'the vault polled by one instance',
      async () => (await store.get<Lease>(vaultKey(job.vaultId)))?.value.owner,
    );
    const [victim, survivor] = poller === a.instanceId ? [a, b] : [b, a];

    await victim.crash();
    await waitFor('the final message after the takeover', () => finals(since(mark), 'vm005').length > 0, 15_000);
    await settle();
    expect(backupPosts().length - posts).toBe(1);
    const cards = cardSends(since(mark), /Backup · vm005/);
    expect(cards).toHaveLength(1);
    expect(finals(since(mark), 'vm005')).toHaveLength(1);
    expect(visibleText(connector.messages().get(cards[0].activityId).attachments[0].content)).toContain('Completed');
    const done = (await store.get<TrackedJob>(doneKey(job.jobId)))?.value;
    expect(done?.finishedAt).toBeDefined();
    expect(survivor.output()).toContain('taking over a vault whose lease ran out');
  });
});
