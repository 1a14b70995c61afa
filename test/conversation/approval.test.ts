/** The Key Vault access approval flow, end to end, for both permission models and in both languages. */
import { cardOf, startHarness, visibleText, type Harness } from '../support/harness';
import type { ConnectorWrite } from '../support/fake-connector';
import { users, type TestUser } from '../support/teams';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

const grantWrites = () =>
  h.simulator.requests.filter((r) => r.method === 'PUT' && /accessPolicies\/add$|roleAssignments\//i.test(r.path));
const lastCard = (writes: ConnectorWrite[]) => cardOf(writes[writes.length - 1]);
const action = (card: any, verb: string) => card.actions.find((a: { verb: string }) => a.verb === verb);

/** Requests access (as `requester`), submits it with a reason, and returns the approval card's id and data. */
async function requestAccess(target: string, requester: TestUser = users.alice, locale = 'en-US') {
  const writes = await h.say(`grant backup access ${target}`, { user: requester, locale });
  const draft = lastCard(writes);
  const submit = action(draft, 'grant.submit');
  const submitted = await h.click(
    'grant.submit',
    { ...submit.data, reason: 'nightly backups fail' },
    { user: requester, locale },
  );
  const posted = submitted.writes.find((w) => cardOf(w) && action(cardOf(w), 'grant.approve'))!;
  const mention = submitted.writes.find((w) => /Approvers:/.test(w.activity.text ?? ''));
  return { draft, posted, mention, approve: action(cardOf(posted), 'grant.approve'), submitted };
}

describe('grant backup access', () => {
  it('access-policy vault, BEK-only VM: secrets only; approvers are @mentioned; an approver approves; the grant is applied and verified', async () => {
    const { draft, posted, mention, approve } = await requestAccess('vm002');
    const draftText = visibleText(draft);
    expect(draftText).toContain('kv-ade-noaccess');
    expect(draftText).toContain('secrets: get, list, backup');
    expect(draftText).not.toContain('keys: get');
    expect(draftText).toContain('only secrets are granted');

    expect(mention!.activity.text).toContain('<at>Bob Tanaka</at>');
    expect(mention!.activity.text).toContain('<at>Dave Mori</at>');
    expect(mention!.activity.entities.map((e: any) => e.mentioned.id)).toEqual([users.bob.id, users.dave.id]);
    const approvalText = visibleText(cardOf(posted));
    expect(approvalText).toContain('Aiko Sato');
    expect(approvalText).toContain('nightly backups fail');
    expect(approvalText).toContain('Waiting for an approver');

    const click = await h.click('grant.approve', approve.data, { user: users.bob, replyToId: posted.activityId });
    expect(visibleText(click.body.value)).toContain('Approved by Bob Tanaka');

    expect(grantWrites()).toHaveLength(1);
    const body = grantWrites()[0].body as any;
    expect(body.properties.accessPolicies).toHaveLength(1);
    expect(body.properties.accessPolicies[0].permissions.secrets.sort()).toEqual(['backup', 'get', 'list']);
    expect(body.properties.accessPolicies[0].permissions.keys ?? []).toEqual([]);

    const updated = h.connector.messages().get(posted.activityId);
    expect(visibleText(updated.attachments[0].content)).toContain('Approved and applied');
    expect(
      h.connector.writes.some((w) => /can now read Key Vault \*\*kv-ade-noaccess\*\*/.test(w.activity.text ?? '')),
    ).toBe(true);

    const check = await h.say('check vm002');
    expect(visibleText(cardOf(check[0]))).toContain('Ready for backup');
  });

  it('RBAC vault: Key Vault Administrator at the vault scope, with a new GUID name', async () => {
    const { draft, approve } = await requestAccess('vm003');
    expect(visibleText(draft)).toContain('role "Key Vault Administrator"');
    await h.click('grant.approve', approve.data, { user: users.bob });
    const put = grantWrites()[0];
    expect(put.path).toMatch(
      /\/providers\/Microsoft\.KeyVault\/vaults\/kv-ade-rbac\/providers\/Microsoft\.Authorization\/roleAssignments\/[0-9a-f-]{36}$/i,
    );
    expect((put.body as any).properties.roleDefinitionId).toMatch(
      /roleDefinitions\/00482a5a-887f-4fb3-b363-3b7fe8e74483$/,
    );
    expect(
      h.connector.writes.some((w) => /can now read Key Vault \*\*kv-ade-rbac\*\*/.test(w.activity.text ?? '')),
    ).toBe(true);
  });

  it('the requester can never approve, even when also an approver; non-approvers are refused; nothing changes', async () => {
    const own = await requestAccess('vm002', users.dave);
    const self = await h.click('grant.approve', own.approve.data, { user: users.dave });
    expect(self.body.value).toContain('you cannot approve or reject it yourself');
    const stranger = await h.click('grant.approve', own.approve.data, { user: users.carol });
    expect(stranger.body.value).toContain('only approvers');
    const requesterOnly = await h.click('grant.approve', own.approve.data, { user: users.alice });
    expect(requesterOnly.body.value).toContain('only approvers');
    expect(grantWrites()).toHaveLength(0);
  });

  it('two approvers clicking at once, several times, apply the grant exactly once', async () => {
    const { approve } = await requestAccess('vm002');
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        h.click('grant.approve', approve.data, { user: i % 2 ? users.bob : users.dave }),
      ),
    );
    expect(grantWrites()).toHaveLength(1);
  });

  it('reject needs a comment; with one, the requester is told and nothing is granted', async () => {
    const { approve } = await requestAccess('vm002');
    const empty = await h.click('grant.reject', approve.data, { user: users.bob });
    expect(empty.body.value).toContain('write a comment');
    const reject = await h.click(
      'grant.reject',
      { ...approve.data, comment: 'use the DR vault instead' },
      { user: users.bob },
    );
    expect(visibleText(reject.body.value)).toContain('Rejected');
    expect(
      h.connector.writes.some((w) => /rejected by Bob Tanaka: "use the DR vault instead"/.test(w.activity.text ?? '')),
    ).toBe(true);
    const late = await h.click('grant.approve', approve.data, { user: users.dave });
    expect(late.body.value).toContain('already decided');
    expect(grantWrites()).toHaveLength(0);
  });

  it('an expired request cannot be approved and says so', async () => {
    const { approve } = await requestAccess('vm002');
    h.clock.advance(25 * 3600_000);
    const click = await h.click('grant.approve', approve.data, { user: users.bob });
    expect(visibleText(click.body.value)).toContain('Expired');
    expect(grantWrites()).toHaveLength(0);
  });

  it('a pending approval survives a restart and stays actionable', async () => {
    const { approve } = await requestAccess('vm002');
    await h.restart();
    await h.click('grant.approve', approve.data, { user: users.bob });
    expect(grantWrites()).toHaveLength(1);
  });

  it('Azure 403 on the grant: a clear message naming the permission the bot needs; the request is recorded as failed', async () => {
    const { approve } = await requestAccess('vm002');
    h.simulator.faults.add({
      method: 'PUT',
      path: /accessPolicies\/add$/i,
      status: 403,
      errorCode: 'AuthorizationFailed',
      times: 5,
    });
    await h.click('grant.approve', approve.data, { user: users.bob });
    const text = h.connector.writes.map((w) => w.activity.text ?? '').join('\n');
    expect(text).toContain('The grant on **kv-ade-noaccess** failed');
    expect(text).toContain('AuthorizationFailed');
    expect(text).toContain('Microsoft.KeyVault/vaults/accessPolicies/write');
    const audit = await h.say('audit', { user: users.bob });
    expect(visibleText(cardOf(audit[0]))).toMatch(/failed.*AuthorizationFailed/);
  });

  it('Japanese: vm002 のバックアップアクセスを申請', async () => {
    const writes = await h.say('vm002 のバックアップアクセスを申請', { locale: 'ja-JP' });
    const text = visibleText(lastCard(writes));
    expect(text).toContain('kv-ade-noaccess への Azure Backup アクセスを申請');
    expect(text).toContain('シークレット: get, list, backup');
  });

  it('audit shows requests and decisions to approvers only', async () => {
    const { approve } = await requestAccess('vm002');
    await h.click('grant.approve', approve.data, { user: users.bob });
    const audit = visibleText(cardOf((await h.say('audit', { user: users.bob }))[0]));
    expect(audit).toMatch(/requested.*Aiko Sato.*kv-ade-noaccess/);
    expect(audit).toMatch(/approved.*Bob Tanaka/);
    expect(audit).toMatch(/applied.*Bob Tanaka.*Azure request id/);
    const refused = await h.say('audit', { user: users.carol });
    expect(refused[0].activity.text).toContain('only approvers');
  });

  it('from a blocked backup card: once access is granted, that card becomes a working confirmation again', async () => {
    const writes = await h.say('backup vm002 now');
    const blocked = lastCard(writes);
    const start = action(blocked, 'grant.start');
    const started = await h.click('grant.start', start.data, { replyToId: 'backup-card' });
    const draft = cardOf(started.writes.find((w) => cardOf(w)));
    const submitted = await h.click('grant.submit', action(draft, 'grant.submit').data);
    const posted = submitted.writes.find((w) => cardOf(w) && action(cardOf(w), 'grant.approve'))!;
    await h.click('grant.approve', action(cardOf(posted), 'grant.approve').data, { user: users.bob });
    const origin = h.connector.messages().get('backup-card');
    expect(origin).toBeDefined();
    expect(action(origin.attachments[0].content, 'backup.confirm')).toBeDefined();
  });
});
