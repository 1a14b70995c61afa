/**
 * The browser tier (`npm run test:browser`): people in Debian's Chromium use the bot through the Microsoft 365 Agents
 * Playground, a local Teams-like client, exactly as in the README: the real bot on its HTTP endpoint, on the embedded
 * Azure simulator with fast jobs. Everything listens on 127.0.0.1; every process is stopped at the end. Screenshots of
 * every step go to `test-artifacts/browser/` (with the bot's and the Playgrounds' logs).
 *
 * Two people: Aiko (backup operator) and Bob (approver), each with a Playground config file in `playground/`. A
 * Playground keeps its chats in its own memory and pushes the bot's messages only to its own web clients, so two
 * Playground servers never share a chat. For the approval, Bob's browser therefore joins Aiko's Playground server (the
 * shared "Backup ops" group chat) and takes who he is from his own Playground: its `/_internal/v1/config` answer,
 * built from `bob.m365agentsplayground.yml`. His clicks then reach the bot as Bob's Entra object id.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { assertChromium, openPerson, type Person } from './support/chromium';
import { startPlayground, type Playground } from './support/playground';
import { button, card, message, openConversation, signedInAs, thread, writeToBot } from './support/playground-page';

const ROOT = path.resolve(__dirname, '..', '..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'browser');
const AIKO = {
  name: 'Aiko Sato',
  id: 'a11ce000-0000-4000-8000-000000000001',
  config: path.join(ROOT, 'playground', 'aiko.m365agentsplayground.yml'),
};
const BOB = {
  name: 'Bob Tanaka',
  id: 'b0b00000-0000-4000-8000-000000000002',
  config: path.join(ROOT, 'playground', 'bob.m365agentsplayground.yml'),
};
/** Bounded waits: a bot answer, a simulated backup from click to Completed. */
const REPLY_MS = 20_000;
const JOB_MS = 45_000;

const SUITE = 'the bot in the Microsoft 365 Agents Playground, driven from Chromium';

let tmp: string;
let app: App | undefined;
let aikoPlayground: Playground | undefined;
let bobPlayground: Playground | undefined;
let aiko: Person;
let bob: Person | undefined;
const botLog: string[] = [];

beforeAll(async () => {
  assertChromium();
  fs.rmSync(ARTIFACTS, { recursive: true, force: true });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'adebot-browser-'));
  const config = loadConfig({
    PORT: '0',
    STATE_PATH: path.join(tmp, 'state.sqlite'),
    SIMULATOR_JOB_SECONDS: '4',
    JOB_POLL_INTERVAL_SECONDS: '1',
    BACKUP_OPERATOR_IDS: AIKO.id,
    BACKUP_APPROVER_IDS: BOB.id,
  });
  app = await startApp({ config, host: '127.0.0.1', log: createLogger((line) => botLog.push(line)) });
  const botEndpoint = `${app.url}/api/messages`;
  const started = await Promise.allSettled([
    startPlayground({ botEndpoint, configFile: AIKO.config, logFile: path.join(ARTIFACTS, 'playground-aiko.log') }),
    startPlayground({ botEndpoint, configFile: BOB.config, logFile: path.join(ARTIFACTS, 'playground-bob.log') }),
  ]);
  [aikoPlayground, bobPlayground] = started.map((s) => (s.status === 'fulfilled' ? s.value : undefined)); // afterAll stops what started
  for (const s of started) if (s.status === 'rejected') throw s.reason;
  aiko = await openPerson('aiko', aikoPlayground!.url, { screenshots: ARTIFACTS });
  await signedInAs(aiko.page, AIKO.name).waitFor({ timeout: REPLY_MS });
}, 90_000);

/** How each screen looked when a test ended, passed or failed: the first thing to open when one fails. */
afterEach(async () => {
  const test = (expect.getState().currentTestName ?? 'test')
    .replace(SUITE, '')
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  for (const person of [aiko, bob]) await person?.shot(`end-${test}-${person.name}`).catch(() => undefined);
});

afterAll(async () => {
  await bob?.close();
  await aiko?.close();
  await Promise.all([aikoPlayground?.close(), bobPlayground?.close()]);
  await app?.close();
  fs.writeFileSync(path.join(ARTIFACTS, 'bot.log'), botLog.join('\n') + '\n');
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
}, 30_000);

describe(SUITE, () => {
  it('a team channel: @mention with "check vm001" answers with the preflight card', async () => {
    await openConversation(aiko.page, 'Backups');
    await aiko.shot('01-aiko-team-channel');
    await writeToBot(aiko.page, 'check vm001');
    const check = card(aiko.page, 'Preflight for vm001');
    await check.waitFor({ timeout: REPLY_MS });
    expect(await check.innerText()).toContain('Ready for backup');
    await aiko.shot('02-aiko-check-card', check);
  });

  it('"backup vm001 now": the card\'s "Back up now" starts the job, whose card reaches Completed in the thread', async () => {
    await openConversation(aiko.page, 'Backups');
    await writeToBot(aiko.page, 'backup vm001 now');
    const replies = thread(aiko.page, 'backup vm001 now');
    const confirm = card(replies, 'Back up vm001 now?');
    await confirm.waitFor({ timeout: REPLY_MS });
    await aiko.shot('03-aiko-backup-confirm-card', confirm);
    await button(confirm, 'Back up now').click();

    const job = card(replies, 'Backup · vm001');
    await job.waitFor({ timeout: REPLY_MS });
    await aiko.shot('04-aiko-job-card-started', job);
    await card(replies, 'Backup · vm001', 'Completed').waitFor({ timeout: JOB_MS });
    const done = message(replies, /Backup of vm001 completed in/);
    await done.waitFor({ timeout: REPLY_MS });
    await aiko.shot('05-aiko-job-completed', done);
    expect(await card(replies, 'Backup · vm001').count()).toBe(1); // one card, updated in place
    expect(app!.simulator!.requests.filter((r) => r.method === 'POST' && /\/backup$/i.test(r.path))).toHaveLength(1);
  });

  it('approval: Aiko asks for Key Vault access to vm002, Bob approves in his browser, the chat shows the grant applied', async () => {
    bob = await openPerson('bob', aikoPlayground!.url, { screenshots: ARTIFACTS, identityFrom: bobPlayground!.url });
    await signedInAs(bob.page, BOB.name).waitFor({ timeout: REPLY_MS });
    await openConversation(bob.page, 'Backup ops');
    await openConversation(aiko.page, 'Backup ops');

    await writeToBot(aiko.page, 'grant backup access vm002');
    const draft = card(aiko.page, 'Request Azure Backup access to kv-ade-noaccess');
    await draft.waitFor({ timeout: REPLY_MS });
    await draft.getByRole('textbox').fill('nightly backups of vm002 fail');
    await aiko.shot('06-aiko-access-request', draft);
    await button(draft, 'Send to approvers').click();

    const request = card(
      bob.page,
      'Approval needed: Azure Backup access to kv-ade-noaccess',
      'Waiting for an approver',
    );
    await request.waitFor({ timeout: REPLY_MS });
    expect(await request.innerText()).toContain('nightly backups of vm002 fail');
    await message(bob.page, /^Approvers:$/).waitFor({ timeout: REPLY_MS }); // followed by an @mention of each approver
    await message(bob.page, new RegExp(`^${BOB.name}$`)).waitFor({ timeout: REPLY_MS });
    await bob.shot('07-bob-approval-card', request);
    await button(request, 'Approve').click();

    // Bob's card answers his click at once; the grant is then applied and the requester told, for both to see. (Aiko's
    // copy of the approval card is not updated in the Playground: it splits a message with text and a card in two and
    // answers 202 without an id, so the bot never learns the card's id. Teams keeps one message with one id.)
    await card(bob.page, 'Approval needed: Azure Backup access to kv-ade-noaccess', `Approved by ${BOB.name}`).waitFor({
      timeout: REPLY_MS,
    });
    const applied = /Azure Backup can now read Key Vault kv-ade-noaccess/;
    await message(aiko.page, applied).waitFor({ timeout: REPLY_MS });
    await aiko.shot('08-aiko-grant-applied', message(aiko.page, applied));
    await message(bob.page, applied).waitFor({ timeout: REPLY_MS });
    await bob.shot('09-bob-grant-applied', message(bob.page, applied));
    expect(
      app!.simulator!.requests.filter((r) => r.method === 'PUT' && /accessPolicies\/add$/i.test(r.path)),
    ).toHaveLength(1);
  });
});
