/**
 * Stop backup, delete its data, undelete, resume and change policy, end to end in English: four eyes where
 * APPROVAL_REQUIRED_FOR says (delete always), the VM's name typed to approve a delete, one write under concurrent
 * clicks, each operation's job followed in the thread, the audit trail, and a stopped-and-deleted VM brought back by
 * undelete within its soft-delete window, then restored.
 */
import { SIM_RECOVERY_VAULT_IDS } from '../../src/simulator';
import { cardOf, startHarness, visibleText, type Harness } from '../support/harness';
import { action, clickText, itemWrites, lastCard, requestChange, runJobs, said } from '../support/protection-change';
import { users } from '../support/teams';

const DAY = 86_400_000;
let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

const prodVault = () => h.simulator.estate.recoveryVaults.find((v) => v.id === SIM_RECOVERY_VAULT_IDS[0])!;
const item = (vm: string) => prodVault().items.find((i) => i.friendlyName === vm)!;
const texts = () => h.connector.writes.map((w) => w.activity.text ?? '').join('\n');
const jobCard = (title: RegExp) =>
  h.connector.writes.find((w) => w.kind === 'send' && title.test(visibleText(cardOf(w))));
const finalSaid = (pattern: RegExp) => () => h.connector.writes.some((w) => pattern.test(w.activity.text ?? ''));

describe('stop backup <vm>', () => {
  it('needs an approver by default; approved, stops keeping every point (one PUT) and follows DisableBackup to Completed', async () => {
    const { draft, posted, approve } = await requestChange(h, 'stop backup vm001');
    const draftText = visibleText(draft);
    expect(draftText).toContain('Stop backup (keep recovery points): vm001?');
    expect(draftText).toContain('3 recovery point(s) are kept — and billed');
    expect(draftText).toContain('An approver other than you must approve this');
    expect(visibleText(cardOf(posted))).toContain('Waiting for an approver');
    expect(itemWrites(h)).toHaveLength(0);

    const click = await h.click('change.approve', approve.data, { user: users.bob, replyToId: posted.activityId });
    expect(clickText(click)).toContain('Approved by Bob Tanaka');
    const puts = itemWrites(h, 'PUT');
    expect(puts).toHaveLength(1);
    expect((puts[0].body as any).properties).toMatchObject({ policyId: '', protectionState: 'ProtectionStopped' });
    expect(item('vm001').protectionState).toBe('ProtectionStopped');
    expect(visibleText(h.connector.messages().get(posted.activityId).attachments[0].content)).toContain(
      'Done — its job is followed in this thread',
    );

    const job = jobCard(/Stop backup · vm001/);
    expect(job).toBeDefined();
    await runJobs(h, finalSaid(/Stop backup of \*\*vm001\*\* completed/i));
    expect(visibleText(h.connector.messages().get(job!.activityId).attachments[0].content)).toContain('Completed');
    expect(texts()).toMatch(/Stop backup of \*\*vm001\*\* completed/i);

    const audit = visibleText(cardOf((await h.say('audit', { user: users.bob }))[0]));
    expect(audit).toMatch(/requested.*Aiko Sato.*vm001 \(stop backup\).*VM decommissioned/);
    expect(audit).toMatch(/approved.*Bob Tanaka.*vm001 \(stop backup\)/);
    expect(audit).toMatch(/applied.*Bob Tanaka.*vm001.*DisableBackup/);
  });

  it('already stopped: says so and offers resume or delete; nothing is asked', async () => {
    item('vm001').protectionState = 'ProtectionStopped';
    item('vm001').policyName = '';
    const writes = await h.say('stop backup vm001');
    expect(said(writes)).toContain('already stopped');
    expect(lastCard(writes)).toBeUndefined();
  });

  it('the requester never approves, even as an approver; non-approvers are refused; nothing is written', async () => {
    const { approve } = await requestChange(h, 'stop backup vm001', { requester: users.dave });
    expect(clickText(await h.click('change.approve', approve.data, { user: users.dave }))).toContain(
      'you cannot approve or reject it yourself',
    );
    expect(clickText(await h.click('change.approve', approve.data, { user: users.carol }))).toContain('only approvers');
    expect(clickText(await h.click('change.approve', approve.data, { user: users.alice }))).toContain('only approvers');
    expect(itemWrites(h)).toHaveLength(0);
  });

  it('a rejection needs a comment; the requester is told; a later approval changes nothing', async () => {
    const { approve } = await requestChange(h, 'stop backup vm001');
    expect(clickText(await h.click('change.reject', approve.data, { user: users.bob }))).toContain('write a comment');
    const reject = await h.click('change.reject', { ...approve.data, comment: 'still in use' }, { user: users.bob });
    expect(clickText(reject)).toContain('Rejected');
    expect(texts()).toContain('was rejected by Bob Tanaka: "still in use"');
    expect(clickText(await h.click('change.approve', approve.data, { user: users.dave }))).toContain('already decided');
    expect(itemWrites(h)).toHaveLength(0);
  });

  it('a request survives a restart and stays approvable; past APPROVAL_TTL_HOURS it expires', async () => {
    const first = await requestChange(h, 'stop backup vm001');
    await h.restart();
    await h.click('change.approve', first.approve.data, { user: users.bob });
    expect(itemWrites(h, 'PUT')).toHaveLength(1);

    const late = await requestChange(h, 'stop backup vm005');
    h.clock.advance(25 * 3600_000);
    expect(clickText(await h.click('change.approve', late.approve.data, { user: users.bob }))).toContain('Expired');
    expect(itemWrites(h, 'PUT')).toHaveLength(1);
  });
});

describe('stop backup <vm> and delete data', () => {
  it('the card says what is lost and for how long soft delete keeps it; approving needs the VM name typed', async () => {
    const { draft, posted, approve } = await requestChange(h, 'stop backup vm001 and delete data');
    const points = item('vm001').recoveryPoints;
    const day = (t: number) => new Date(t).toISOString().slice(0, 10);
    for (const text of [visibleText(draft), visibleText(cardOf(posted))]) {
      expect(text).toContain('all 3 recovery point(s)');
      expect(text).toContain(`oldest ${day(points[0].time)}, newest ${day(points[2].time)}`);
      expect(text).toContain(
        `Soft delete keeps the deleted data **14 more days** (until ${day(h.clock.now() + 14 * DAY)})`,
      );
      expect(text).toContain('undelete rg-prod/vm001');
    }
    expect(cardOf(posted).body.some((b: any) => b.id === 'confirmName' && /Type vm001/.test(b.label))).toBe(true);

    for (const typed of [undefined, 'vm002', 'vm00']) {
      const click = await h.click(
        'change.approve',
        { ...approve.data, ...(typed ? { confirmName: typed } : {}) },
        { user: users.bob },
      );
      expect(clickText(click)).toContain('type **vm001** exactly');
    }
    expect(itemWrites(h)).toHaveLength(0);
    await h.click(
      'change.approve',
      { ...approve.data, confirmName: 'VM001' },
      { user: users.bob, replyToId: posted.activityId },
    );
    expect(itemWrites(h, 'DELETE')).toHaveLength(1);
    expect(jobCard(/Delete backup data · vm001/)).toBeDefined();
    expect(item('vm001').deferredDeleteAt).toBe(h.clock.now() + 14 * DAY);
  });

  it('eight approvals at once from two approvers delete once', async () => {
    const { approve } = await requestChange(h, 'stop backup vm001 and delete data');
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        h.click('change.approve', { ...approve.data, confirmName: 'vm001' }, { user: i % 2 ? users.bob : users.dave }),
      ),
    );
    expect(itemWrites(h, 'DELETE')).toHaveLength(1);
    const audit = visibleText(cardOf((await h.say('audit', { user: users.bob }))[0]));
    expect(audit.match(/approved/g)).toHaveLength(1);
  });

  it('is always an approval, even when APPROVAL_REQUIRED_FOR names nothing', async () => {
    await h.close();
    h = await startHarness({ env: { APPROVAL_REQUIRED_FOR: 'none' } });
    const writes = await h.say('stop backup vm001 and delete data');
    expect(action(lastCard(writes), 'change.submit')).toBeDefined();
    expect(action(lastCard(writes), 'change.confirm')).toBeUndefined();
  });

  it('deleted, listed with its days left, shown by status, undeleted within the window, then restored', async () => {
    const del = await requestChange(h, 'stop backup vm006 and delete data');
    await h.click('change.approve', { ...del.approve.data, confirmName: 'vm006' }, { user: users.bob });
    await runJobs(h, finalSaid(/Delete backup data of \*\*vm006\*\* completed/i));
    h.clock.advance(3 * DAY);

    const listed = said(await h.say('deleted backups', { user: users.carol }));
    expect(listed).toMatch(/\*\*rg-legacy\/vm006\*\* · rsv-prod-japaneast · purged in 11 day\(s\)/);
    const status = said(await h.say('status vm006', { user: users.carol }));
    expect(status).toMatch(/Deleted — soft delete keeps it 11 more day\(s\)/);
    for (const refused of ['stop backup vm006', 'resume backup vm006', 'stop backup vm006 and delete data']) {
      expect(said(await h.say(refused))).toContain('nothing else can be done to it until it is undeleted');
    }

    const un = await requestChange(h, 'undelete vm006');
    expect(visibleText(un.draft)).toContain('otherwise it is purged in 11 day(s)');
    await h.click('change.approve', un.approve.data, { user: users.bob });
    expect((itemWrites(h, 'PUT').pop()!.body as any).properties).toMatchObject({
      isRehydrate: true,
      protectionState: 'ProtectionStopped',
      policyId: '',
    });
    const job = jobCard(/Undelete backup · vm006/)!;
    await runJobs(h, finalSaid(/Undelete backup of \*\*vm006\*\* completed/i));
    const finished = visibleText(h.connector.messages().get(job.activityId).attachments[0].content);
    expect(finished).toContain('resume backup rg-legacy/vm006');
    expect(finished).toContain('restore rg-legacy/vm006');
    expect(said(await h.say('status vm006', { user: users.carol }))).toContain('Stopped — recovery points kept');
    expect(said(await h.say('deleted backups'))).toContain('No deleted VM backups');

    const restore = lastCard(await h.say('restore vm006'));
    expect(action(restore, 'restore.review')).toBeDefined();
    const audit = visibleText(cardOf((await h.say('audit', { user: users.bob }))[0]));
    expect(audit).toMatch(/applied.*Bob Tanaka.*vm006 \(undelete backup\).*Undelete/);
    expect(audit).toMatch(/applied.*Bob Tanaka.*vm006 \(delete backup data\).*DeleteBackupData/);
  });
});

describe('resume backup <vm> [with <policy>]', () => {
  it('a stopped VM: confirmed by its requester (no approver by default), then ConfigureBackup is followed', async () => {
    item('vm001').protectionState = 'ProtectionStopped';
    item('vm001').policyName = '';
    const writes = await h.say('resume backup vm001 with GoldPolicy');
    const card = lastCard(writes);
    expect(visibleText(card)).toContain('GoldPolicy (keeps up to 90 days)');
    expect(visibleText(card)).toContain('No approver is needed for this');
    const confirm = action(card, 'change.confirm');
    expect(clickText(await h.click('change.confirm', confirm.data, { user: users.dave }))).toContain(
      'Only the person who asked for this',
    );
    const click = await h.click('change.confirm', confirm.data, {
      user: users.alice,
      replyToId: writes[writes.length - 1].activityId,
    });
    expect(clickText(click)).toContain('Confirmed by Aiko Sato');
    expect((itemWrites(h, 'PUT')[0].body as any).properties.policyId).toMatch(/\/backupPolicies\/GoldPolicy$/);
    expect(jobCard(/Enable protection · vm001/)).toBeDefined();
    expect(item('vm001')).toMatchObject({ protectionState: 'Protected', policyName: 'GoldPolicy' });
    const audit = visibleText(cardOf((await h.say('audit', { user: users.bob }))[0]));
    expect(audit).toMatch(/confirmed by the requester.*Aiko Sato.*vm001 \(resume backup\)/);
  });

  it('a protected VM with a policy named is a policy change: shorter retention needs an approver, longer does not', async () => {
    const shorter = lastCard(await h.say('resume backup vm005 with DefaultPolicy'));
    expect(visibleText(shorter)).toContain('GoldPolicy (keeps up to 90 days) → DefaultPolicy (up to 30 days)');
    expect(visibleText(shorter)).toContain('DefaultPolicy keeps recovery points for less time');
    expect(action(shorter, 'change.submit')).toBeDefined();
    const longer = lastCard(await h.say('resume backup vm001 with GoldPolicy'));
    expect(action(longer, 'change.confirm')).toBeDefined();
    expect(said(await h.say('resume backup vm001'))).toContain('already backed up with **DefaultPolicy**');
    expect(said(await h.say('resume backup vm001 with DefaultPolicy'))).toContain('Nothing to change');
    expect(said(await h.say('resume backup vm001 with NoSuchPolicy'))).toContain(
      'no VM backup policy named **NoSuchPolicy**',
    );
    expect(itemWrites(h)).toHaveLength(0);
  });
});

describe('APPROVAL_REQUIRED_FOR', () => {
  it('without stop, the requester confirms a stop (an operator only); with resume, a resume needs an approver', async () => {
    await h.close();
    h = await startHarness({ env: { APPROVAL_REQUIRED_FOR: 'resume' } });
    const writes = await h.say('stop backup vm001');
    const confirm = action(lastCard(writes), 'change.confirm');
    expect(confirm).toBeDefined();
    expect(clickText(await h.click('change.confirm', confirm.data, { user: users.carol }))).toContain(
      'only backup operators',
    );
    await h.click('change.confirm', confirm.data, { user: users.alice });
    expect(itemWrites(h, 'PUT')).toHaveLength(1);
    expect(action(lastCard(await h.say('resume backup vm001')), 'change.submit')).toBeDefined();
  });
});
