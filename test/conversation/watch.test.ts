/** The failure watch: scheduled failures posted once per VM per day with the fix, repeats, resolution, restarts. */
import { cardOf, startHarness, visibleText, type Harness } from '../support/harness';
import type { ConnectorWrite } from '../support/fake-connector';
import { users, type Where } from '../support/teams';
import { alertKey, type Alert } from '../../src/watch/alert';
import { SIM_RECOVERY_VAULT_IDS } from '../../src/simulator/constants';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

const CHANNEL = '19:ops@thread.tacv2';
const action = (card: any, verb: string) => card?.actions?.find((a: { verb: string }) => a.verb === verb);
const alertPosts = () =>
  h.connector.writes.filter(
    (w) => w.kind === 'send' && w.conversationId === CHANNEL && /Backup failed/.test(visibleText(cardOf(w))),
  );
const latest = (id: string) => visibleText(h.connector.messages().get(id).attachments[0].content);

async function rounds(n: number) {
  for (let i = 0; i < n; i++) {
    h.clock.advance(20_000);
    await h.tick();
  }
}

describe('watch', () => {
  it("posts exactly one alert for last night's scheduled failure, with the grant button; restart re-posts nothing", async () => {
    const [on] = await h.say('watch here');
    expect(on.activity.text).toContain(
      "I'll post failed and warning backups of rsv-prod-japaneast, rsv-dev-westeurope here",
    );
    await h.tick();
    await h.tick();
    expect(alertPosts()).toHaveLength(1);
    const alert = cardOf(alertPosts()[0]);
    const text = visibleText(alert);
    expect(text).toContain('Backup failed: vm002');
    expect(text).toContain('UserErrorKeyvaultPermissionsNotConfigured');
    expect(text).toContain('Grant the Backup Management Service access');
    expect(text).toContain('scheduled');
    expect(action(alert, 'grant.start').data.vm).toBe('rg-prod/vm002');
    expect(action(alert, 'backup.start')).toBeDefined();
    await h.restart();
    await h.tick();
    expect(alertPosts()).toHaveLength(1);
  });

  it('repeated failures on the same day update the same card (count and time) instead of posting again', async () => {
    await h.say('watch here');
    await h.tick();
    const [vm] = await h.app.services.azure.findVms('vm002');
    const protection = (await h.app.services.azure.getProtection(vm))!;
    for (let i = 0; i < 2; i++) {
      await h.app.services.azure.triggerBackup(protection, vm, new Date(h.clock.now() + 5 * 86_400_000));
      await rounds(3);
    }
    const today = alertPosts().filter((w) => /Failures today\n2/.test(latest(w.activityId)));
    expect(today).toHaveLength(1);
    expect(alertPosts()).toHaveLength(2); // last night's (yesterday) and today's
  });

  it('grant approved from the alert\'s thread, then "Back up now" from the same card: the alert is marked resolved', async () => {
    await h.say('watch here');
    await h.tick();
    const post = alertPosts()[0];
    const thread: Where = { kind: 'channel', thread: post.activityId };
    const alert = cardOf(post);

    const started = await h.click('grant.start', action(alert, 'grant.start').data, {
      where: thread,
      replyToId: post.activityId,
    });
    const draft = cardOf(started.writes.find((w) => cardOf(w)));
    expect(started.writes.every((w) => w.conversationId === `${CHANNEL};messageid=${post.activityId}`)).toBe(true);
    const submitted = await h.click('grant.submit', action(draft, 'grant.submit').data, { where: thread });
    const approval = submitted.writes.find((w: ConnectorWrite) => action(cardOf(w), 'grant.approve'))!;
    await h.click('grant.approve', action(cardOf(approval), 'grant.approve').data, { where: thread, user: users.bob });

    const backup = await h.click('backup.start', action(alert, 'backup.start').data, { where: thread });
    const confirm = cardOf(backup.writes.find((w) => action(cardOf(w), 'backup.confirm')));
    await h.click('backup.confirm', action(confirm, 'backup.confirm').data, { where: thread });
    await rounds(6);
    expect(latest(post.activityId)).toContain('Resolved');
    expect(h.connector.writes.some((w) => /Backup of \*\*vm002\*\* completed/.test(w.activity.text ?? ''))).toBe(true);
  });

  it('watch status shows where alerts go and the open failures; only operators change it; watch off stops it', async () => {
    await h.say('watch here');
    await h.tick();
    const status = visibleText(cardOf((await h.say('watch status', { user: users.carol }))[0]));
    expect(status).toContain('this conversation');
    expect(status).toMatch(/rg-prod\/vm002\*\* · UserErrorKeyvaultPermissionsNotConfigured · 1×/);
    expect((await h.say('watch off', { user: users.carol }))[0].activity.text).toContain('only backup operators');
    await h.say('watch off');
    expect(visibleText(cardOf((await h.say('watch status'))[0]))).toContain('nowhere');
  });

  it('forgets resolved alerts a week after they were resolved; open ones stay, however old', async () => {
    await h.say('watch here');
    const store = h.app.services.store;
    const DAY = 86_400_000;
    const now = h.clock.now();
    const vaultId = SIM_RECOVERY_VAULT_IDS[0];
    const alert = (vmName: string, status: Alert['status'], resolvedAgo?: number): Alert => ({
      vmName,
      vmKey: `rg-old/${vmName}`,
      vaultId,
      day: '2026-01-05',
      kind: 'failed',
      status,
      jobIds: [`job-${vmName}`],
      count: 1,
      lastAt: now - 30 * DAY,
      error: { code: 'UserErrorVmNotRunning', message: 'The VM is not running.' },
      scheduled: true,
      conversationId: CHANNEL,
      locale: 'en',
      ...(resolvedAgo === undefined ? {} : { resolvedAt: now - resolvedAgo }),
    });
    await store.put(alertKey(vaultId, 'old-fixed', '2026-01-05'), alert('old-fixed', 'resolved', 8 * DAY));
    await store.put(alertKey(vaultId, 'lately-fixed', '2026-01-05'), alert('lately-fixed', 'resolved', 6 * DAY));
    await store.put(alertKey(vaultId, 'still-broken', '2026-01-05'), alert('still-broken', 'open'));
    await h.tick();
    const kept = (await store.list<Alert>('alert/')).map((a) => a.value.vmName).sort();
    expect(kept).toEqual(['lately-fixed', 'still-broken', 'vm002']); // vm002: last night's failure, posted by this tick
    const status = visibleText(cardOf((await h.say('watch status'))[0]));
    expect(status).toContain('rg-old/still-broken');
    expect(status).not.toContain('fixed');
  });

  it('Japanese: ここで監視 → a Japanese alert card', async () => {
    const [on] = await h.say('ここで監視', { locale: 'ja-JP' });
    expect(on.activity.text).toContain('ここに投稿します');
    await h.tick();
    expect(visibleText(cardOf(h.connector.writes.find((w) => w.conversationId === CHANNEL)))).toContain(
      'バックアップ失敗: vm002',
    );
  });

  it('installing the bot in a team channel makes it the alert channel', async () => {
    const res = await fetch(`${h.app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'conversationUpdate',
        id: 'install-1',
        channelId: 'msteams',
        serviceUrl: h.connector.url,
        from: { id: '29:x', aadObjectId: users.alice.id, name: users.alice.name },
        recipient: { id: '28:00000000-0000-0000-0000-00000000b075', name: 'Backup Bot' },
        conversation: { id: CHANNEL, conversationType: 'channel', isGroup: true },
        membersAdded: [{ id: '28:00000000-0000-0000-0000-00000000b075' }],
        channelData: { eventType: 'teamMemberAdded', team: { id: CHANNEL }, tenant: { id: 't' } },
      }),
    });
    expect(res.status).toBe(200);
    await h.app.idle();
    await h.tick();
    expect(alertPosts()).toHaveLength(1);
  });
});
