/** Backup now, end to end: confirmation card, click, trigger at the simulator, job card updated in the thread. */
import { cardOf, startHarness, visibleText, type Harness } from '../support/harness';
import { users } from '../support/teams';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const backupPosts = () => h.simulator.requests.filter((r) => r.method === 'POST' && /\/backup$/i.test(r.path));

async function confirmCard(text = 'backup vm001 now', locale = 'en-US', user = users.alice) {
  const writes = await h.say(text, { locale, user });
  const card = cardOf(writes[writes.length - 1]);
  const confirm = card?.actions?.find((a: { verb: string }) => a.verb === 'backup.confirm');
  return { card, confirm, writes };
}

/** Runs polling rounds, moving the clock, until the job's final message is posted. */
async function runJobToEnd(maxRounds = 10) {
  for (let i = 0; i < maxRounds; i++) {
    h.clock.advance(20_000);
    await h.tick();
    if (h.connector.writes.some((w) => w.kind === 'send' && /completed|failed|完了|失敗/i.test(w.activity.text ?? '')))
      return;
  }
}

describe('backup <vm> now', () => {
  it('confirms, triggers once with the chosen expiry, and follows the job to Completed in the thread', async () => {
    const { card, confirm } = await confirmCard();
    const text = visibleText(card);
    expect(text).toContain('Back up vm001 now?');
    expect(text).toContain('rsv-prod-japaneast');
    expect(text).toContain('DefaultPolicy');
    const input = card.body.find((b: { id?: string }) => b.id === 'retainUntil');
    expect(input.value).toBe(isoDay(h.clock.now() + 30 * DAY));

    const until = isoDay(h.clock.now() + 10 * DAY);
    const click = await h.click(
      'backup.confirm',
      { ...confirm.data, retainUntil: until },
      { replyToId: 'confirm-card' },
    );
    expect(click.status).toBe(200);
    expect(click.body.value.body[0].text).toContain('Backup of vm001 is starting');

    expect(backupPosts()).toHaveLength(1);
    const body = backupPosts()[0].body as { properties: { objectType: string; recoveryPointExpiryTimeInUTC: string } };
    expect(body.properties.objectType).toBe('IaasVMBackupRequest');
    expect(new Date(body.properties.recoveryPointExpiryTimeInUTC).toISOString()).toBe(`${until}T23:59:59.000Z`);

    // The confirmation card is replaced for everyone, and the job card is posted in the same thread.
    expect(h.connector.writes.some((w) => w.kind === 'update' && w.activityId === 'confirm-card')).toBe(true);
    const jobCardWrite = h.connector.writes.find(
      (w) => w.kind === 'send' && /Backup · vm001/.test(visibleText(cardOf(w))),
    );
    expect(jobCardWrite).toBeDefined();
    expect(jobCardWrite!.conversationId).toContain(';messageid=');
    expect(visibleText(cardOf(jobCardWrite))).toContain('In progress');

    await runJobToEnd();
    const final = h.connector.messages().get(jobCardWrite!.activityId);
    expect(visibleText(final.attachments[0].content)).toContain('Completed');
    const done = h.connector.writes.filter((w) => w.kind === 'send' && /completed in/.test(w.activity.text ?? ''));
    expect(done).toHaveLength(1);
    expect(done[0].activity.text).toContain('Backup of **vm001** completed');
    expect(done[0].activity.entities?.[0]?.mentioned?.name).toBe(users.alice.name);
    // Card writes only when something visible changed: posted, then Completed. Job lists carry no step (ListJobs.json),
    // so the step read from the job's details when it started is shown with the time it was read, never as current.
    const jobWrites = h.connector.writes.filter((w) => w.activityId === jobCardWrite!.activityId);
    expect(jobWrites.map((w) => visibleText(cardOf(w)).match(/In progress — [^\n]+|Completed/)?.[0])).toEqual([
      expect.stringMatching(/^In progress — step at \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC: Take Snapshot$/),
      'Completed',
    ]);
  });

  it('an ended job is remembered for a week (so the watch knows the bot started it), then forgotten', async () => {
    const { confirm } = await confirmCard();
    await h.click('backup.confirm', confirm.data, { replyToId: 'confirm-card' });
    await runJobToEnd();
    const ended = async () =>
      (await h.app.services.store.list<{ jobId: string; finishedAt?: number }>('done/')).map((e) => e.value);
    const [job] = await ended();
    expect(job?.finishedAt).toBeDefined();
    h.clock.advance(6 * DAY);
    await h.tick();
    expect(await ended()).toHaveLength(1);
    h.clock.advance(2 * DAY);
    await h.tick();
    expect(await ended()).toEqual([]);
    expect(
      h.logs.some((l) => l.includes('forgot jobs that ended more than a week ago') && l.includes('"forgotten":1')),
    ).toBe(true);
  });

  it('Japanese: vm001 を今すぐバックアップ 10日保持', async () => {
    const { card } = await confirmCard('vm001 を今すぐバックアップ 10日保持', 'ja-JP');
    expect(visibleText(card)).toContain('vm001 を今すぐバックアップしますか？');
    expect(card.body.find((b: { id?: string }) => b.id === 'retainUntil').value).toBe(isoDay(h.clock.now() + 10 * DAY));
  });

  it('a non-operator is refused politely, and nothing is created', async () => {
    const writes = await h.say('backup vm001 now', { user: users.carol });
    expect(writes[0].activity.text).toContain('only backup operators');
    expect(writes[0].activity.text).toContain('BACKUP_OPERATOR_IDS');
    expect(await h.app.services.store.list('pending/')).toHaveLength(0);
  });

  it('an ADE VM whose Key Vault Backup cannot read gets the grant offer instead of a button bound to fail', async () => {
    const { card, confirm } = await confirmCard('backup vm002 now');
    expect(confirm).toBeUndefined();
    expect(visibleText(card)).toContain('UserErrorKeyVaultPermissionsNotConfigured');
    expect(card.actions.map((a: { verb: string }) => a.verb)).toEqual(['grant.start']);
  });

  it('an unprotected VM gets an offer to protect it instead', async () => {
    const { card, confirm } = await confirmCard('backup vm004 now');
    expect(confirm).toBeUndefined();
    expect(visibleText(card)).toContain('not protected yet');
    expect(card.actions.map((a: { verb: string }) => a.verb)).toEqual(['protect.start']);
  });

  it('many concurrent clicks, from two users, start exactly one backup; the others are told', async () => {
    const { confirm } = await confirmCard();
    const clicks = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        h.click('backup.confirm', confirm.data, { user: i % 2 ? users.dave : users.alice }),
      ),
    );
    expect(backupPosts()).toHaveLength(1);
    const texts = clicks.map((c) => visibleText(c.body.value));
    expect(texts.filter((t) => t.includes('is starting'))).toHaveLength(1);
    expect(texts.filter((t) => t.includes('already started by'))).toHaveLength(11);
  });

  it('cancel leaves Azure untouched and says so; the card cannot be used afterwards', async () => {
    const { confirm } = await confirmCard();
    const cancel = await h.click('backup.cancel', confirm.data);
    expect(visibleText(cancel.body.value)).toContain('Nothing was changed in Azure');
    const late = await h.click('backup.confirm', confirm.data);
    expect(visibleText(late.body.value)).toContain('cancelled by Aiko Sato');
    expect(backupPosts()).toHaveLength(0);
  });

  it('a stale card (older than 15 minutes) starts nothing', async () => {
    const { confirm } = await confirmCard();
    h.clock.advance(16 * 60_000);
    const click = await h.click('backup.confirm', confirm.data);
    expect(visibleText(click.body.value)).toContain('expired');
    expect(backupPosts()).toHaveLength(0);
  });

  it('a retain-until date in the past is refused and the card stays usable', async () => {
    const { confirm } = await confirmCard();
    const bad = await h.click('backup.confirm', { ...confirm.data, retainUntil: isoDay(h.clock.now() - DAY) });
    expect(bad.body.value).toContain('must be a day after today');
    const good = await h.click('backup.confirm', confirm.data);
    expect(visibleText(good.body.value)).toContain('is starting');
  });

  it('survives a restart mid-job: the same card keeps updating to the end', async () => {
    const { confirm } = await confirmCard();
    await h.click('backup.confirm', confirm.data);
    const card = h.connector.writes.find((w) => w.kind === 'send' && /Backup · vm001/.test(visibleText(cardOf(w))))!;
    await h.restart();
    await runJobToEnd();
    const updates = h.connector.writes.filter((w) => w.kind === 'update' && w.activityId === card.activityId);
    expect(visibleText(cardOf(updates[updates.length - 1]))).toContain('Completed');
    expect(
      h.connector.writes.filter((w) => /Backup · vm001/.test(visibleText(cardOf(w))) && w.kind === 'send'),
    ).toHaveLength(1);
  });

  it('connector 429s on the final update are retried after Retry-After; the final state is not lost', async () => {
    const { confirm } = await confirmCard();
    await h.click('backup.confirm', confirm.data);
    h.clock.advance(60_000);
    h.connector.throttle(6, 0);
    await h.tick();
    const finals = h.connector.writes.filter((w) => w.kind === 'send' && /completed in/.test(w.activity.text ?? ''));
    expect(finals).toHaveLength(1);
    expect(h.connector.throttled).toBe(6);
    expect(h.logs.some((l) => l.includes('connector throttled'))).toBe(true);
    const card = h.connector.writes.find((w) => w.kind === 'send' && /Backup · vm001/.test(visibleText(cardOf(w))))!;
    expect(visibleText(h.connector.messages().get(card.activityId).attachments[0].content)).toContain('Completed');
  });

  it('ARM 429 on trigger is retried by the SDK; persistent 500 tells the user the code and records the failure', async () => {
    const first = await confirmCard();
    h.simulator.faults.add({
      method: 'POST',
      path: /\/backup$/i,
      status: 429,
      retryAfterSeconds: 0,
      errorCode: 'TooManyRequests',
      times: 1,
    });
    await h.click('backup.confirm', first.confirm.data);
    expect(h.connector.writes.some((w) => /Backup · vm001/.test(visibleText(cardOf(w))))).toBe(true);

    const second = await confirmCard('backup vm005 now');
    h.simulator.faults.add({
      method: 'POST',
      path: /\/backup$/i,
      status: 500,
      errorCode: 'InternalServerError',
      times: 20,
    });
    const before = h.connector.writes.length;
    await h.click('backup.confirm', second.confirm.data);
    const message = h.connector.writes
      .slice(before)
      .map((w) => w.activity.text ?? '')
      .join('\n');
    expect(message).toContain('could not be started');
    expect(message).toContain('InternalServerError');
    const again = await h.click('backup.confirm', second.confirm.data);
    expect(visibleText(again.body.value)).toContain('could not be started (InternalServerError)');
  });
});

describe('status <vm>', () => {
  it('shows protection, policy, last backup and the latest point; a running backup appears, then is gone when done', async () => {
    const before = visibleText(cardOf((await h.say('status vm001')).pop()));
    expect(before).toContain('Protected · rsv-prod-japaneast');
    expect(before).toContain('DefaultPolicy');
    expect(before).toMatch(/Last backup\s+Completed · /);
    expect(before).toMatch(
      /Latest recovery point\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC · application-consistent · Snapshot \+ Vault/,
    );
    expect(before).toMatch(/Running jobs\s+none$/);

    const { confirm } = await confirmCard();
    await h.click('backup.confirm', confirm.data);
    const during = visibleText(cardOf((await h.say('status vm001')).pop()));
    expect(during).toMatch(/Running jobs\s+Backup \(\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\)$/);
    // Where vm001 is protected is known by now: one round of reads, the job list asked for running jobs only.
    const list = h.simulator.requests.filter((r) => r.path.endsWith('/backupJobs')).pop();
    expect(list?.query['$filter']).toMatch(/status eq 'InProgress'$/);

    await runJobToEnd();
    expect(visibleText(cardOf((await h.say('status vm001')).pop()))).toMatch(/Running jobs\s+none$/);
  });

  it("logs each turn when it ends: how long it took and how much of that was Azure's", async () => {
    const turnLog = () =>
      h.logs
        .map((l) => JSON.parse(l))
        .filter((l) => l.msg === 'message')
        .pop();
    await h.say('status vm001');
    const status = turnLog();
    expect(status).toMatchObject({ level: 'info', conversationId: expect.any(String) });
    expect(status.azureCalls).toBeGreaterThanOrEqual(1);
    expect(status.azureMs).toBeGreaterThan(0); // the simulator answers over HTTPS: never instantly
    expect(status.ms).toBeGreaterThanOrEqual(status.azureMs);
    await h.say('help');
    expect(turnLog()).toMatchObject({ azureCalls: 0, azureMs: 0, length: 4 });
  });

  it('says so, in Japanese too, when the VM is not protected', async () => {
    expect(visibleText(cardOf((await h.say('status vm003')).pop()))).toContain('**vm003** is not protected yet');
    const ja = visibleText(cardOf((await h.say('vm003 の状態', { locale: 'ja-JP' })).pop()));
    expect(ja).toContain('**vm003** はまだ保護されていない');
  });
});
