/**
 * Azure's own guards on critical operations, understood and never bypassed: an immutable vault (refused before any
 * request, with the reason and the expiry dates; Azure's own refusals, one of which arrives only when the operation is
 * polled, turned into advice), multi-user authorization (the card names the Resource Guard and the Backup MUA Operator
 * role; the guard's request is sent; Azure's refusal names the role on the guard), and soft delete's settings.
 */
import type { SimVaultSecurity } from '../../src/simulator/estate/model';
import { SIM_RECOVERY_VAULT_IDS } from '../../src/simulator';
import { cardOf, startHarness, visibleText, type Harness } from '../support/harness';
import { action, itemWrites, lastCard, requestChange, said } from '../support/protection-change';
import { users } from '../support/teams';

const DAY = 86_400_000;
const GUARD =
  '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-security/providers/Microsoft.DataProtection/resourceGuards/rg-guard';
const OPS = 'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

const prodVault = () => h.simulator.estate.recoveryVaults.find((v) => v.id === SIM_RECOVERY_VAULT_IDS[0])!;
const item = (vm: string) => prodVault().items.find((i) => i.friendlyName === vm)!;
const secure = (more: Partial<SimVaultSecurity>) => {
  prodVault().security = { softDeleteState: 'Enabled', softDeleteDays: 14, immutability: 'Disabled', ...more };
};
const texts = () => h.connector.writes.map((w) => w.activity.text ?? '').join('\n');
const approvals = async () => (await h.app.services.store.list('approval/')).length;

describe('immutable vault', () => {
  it('delete-data with unexpired points is refused before any request, with the reason and the last expiry', async () => {
    secure({ immutability: 'Locked' });
    const expiry = h.clock.now() + 40 * DAY;
    item('vm001').recoveryPoints.forEach((p, i) => (p.expiry = expiry - i * DAY));
    const before = h.simulator.requests.length;
    const answer = said(await h.say('stop backup vm001 and delete data'));
    expect(answer).toContain('Not sent: vault **rsv-prod-japaneast** is immutable (Locked)');
    expect(answer).toContain('3 recovery point(s) of **rg-prod/vm001** have not expired');
    expect(answer).toContain(`the last expires ${new Date(expiry).toISOString().slice(0, 10)}`);
    expect(answer).toContain('stop backup rg-prod/vm001');
    expect(
      h.simulator.requests.slice(before).filter((r) => r.method !== 'GET' && !/\/backupStatus$/i.test(r.path)),
    ).toEqual([]);
    expect(await approvals()).toBe(0);
  });

  it('points without an expiry count as unexpired; stop keeping the data stays possible, and the card says the vault is immutable', async () => {
    secure({ immutability: 'Unlocked' });
    expect(said(await h.say('stop backup vm001 and delete data'))).toContain('Azure gives no expiry for them');
    const stop = visibleText(lastCard(await h.say('stop backup vm001')));
    expect(stop).toContain('This vault is immutable (Unlocked)');
  });

  it('once every point has expired, delete-data is offered', async () => {
    secure({ immutability: 'Locked' });
    item('vm001').recoveryPoints.forEach((p) => (p.expiry = h.clock.now() - DAY));
    expect(action(lastCard(await h.say('stop backup vm001 and delete data')), 'change.submit')).toBeDefined();
  });

  it('a move to a policy that keeps points for less time is refused before any request', async () => {
    secure({ immutability: 'Locked' });
    const answer = said(await h.say('resume backup vm005 with DefaultPolicy'));
    expect(answer).toContain(
      'retention cannot be shortened: **DefaultPolicy** keeps points up to 30 days, **GoldPolicy** (the policy of rg-dev/vm005 now) up to 90',
    );
    expect(itemWrites(h)).toHaveLength(0);
    expect(await approvals()).toBe(0);
  });

  it('made immutable after the approval request: re-checked when approved, so nothing is sent; the request is recorded as failed', async () => {
    const { approve } = await requestChange(h, 'stop backup vm001 and delete data');
    secure({ immutability: 'Unlocked' });
    await h.click('change.approve', { ...approve.data, confirmName: 'vm001' }, { user: users.bob });
    expect(itemWrites(h)).toHaveLength(0);
    expect(texts()).toContain('is immutable (Unlocked)');
    expect(texts()).toContain('Nothing was sent to Azure.');
    expect(visibleText(cardOf((await h.say('audit', { user: users.bob }))[0]))).toMatch(
      /failed.*vm001.*ImmutableVaultUnexpiredPoints/,
    );
  });

  it("Azure's refusal of a delete, which arrives only when polling the operation after its 202, becomes advice", async () => {
    const { approve } = await requestChange(h, 'stop backup vm001 and delete data');
    // The simulator refuses in the operation (as terraform-azurerm-avm-res-compute-virtualmachine#214 shows); this
    // fault makes that poll answer so although the vault read as not immutable when the bot checked.
    h.simulator.faults.add({
      method: 'GET',
      path: /\/backupOperations\/[^/]+$/i,
      status: 400,
      errorCode: 'UserErrorDeleteBackupItemOnImmutableItem',
      times: 3,
    });
    await h.click('change.approve', { ...approve.data, confirmName: 'vm001' }, { user: users.bob });
    expect(itemWrites(h, 'DELETE')).toHaveLength(1);
    expect(texts()).toContain('Azure answered **UserErrorDeleteBackupItemOnImmutableItem**');
    expect(texts()).toContain('The vault is immutable: Azure keeps recovery points until they expire');
  });

  it("Azure's refusal of a policy change (UserErrorOperationDeniedOnImmutableItem) becomes advice", async () => {
    const { approve } = await requestChange(h, 'resume backup vm005 with DefaultPolicy');
    h.simulator.faults.add({
      method: 'PUT',
      path: /\/protectedItems\/[^/]+$/i,
      status: 400,
      errorCode: 'UserErrorOperationDeniedOnImmutableItem',
      times: 1,
    });
    await h.click('change.approve', approve.data, { user: users.bob });
    expect(texts()).toContain('Azure answered **UserErrorOperationDeniedOnImmutableItem**');
    expect(item('vm005').policyName).toBe('GoldPolicy');
  });
});

describe('multi-user authorization (Resource Guard)', () => {
  const guarded = (muaOperator: boolean) =>
    secure({
      guard: { id: GUARD, operations: [`${OPS}/delete`, `${OPS}/write#stopProtectionWithRetainData`], muaOperator },
    });

  it('the card names the guard and the role; without the role Azure refuses, and the message says which role on which guard', async () => {
    guarded(false);
    const { draft, posted, approve } = await requestChange(h, 'stop backup vm001 and delete data');
    for (const text of [visibleText(draft), visibleText(cardOf(posted))]) {
      expect(text).toContain('Resource Guard **rg-guard** protects this operation');
      expect(text).toContain('**Backup MUA Operator** role');
      expect(text).toContain('never grants itself that role');
    }
    await h.click('change.approve', { ...approve.data, confirmName: 'vm001' }, { user: users.bob });
    const unlock = itemWrites(h, 'POST');
    expect(unlock).toHaveLength(1);
    expect((unlock[0].body as any).resourceGuardOperationRequests).toEqual([
      `${GUARD}/deleteProtectedItemRequests/default`,
    ]);
    expect(itemWrites(h, 'DELETE')).toHaveLength(0);
    expect(texts()).toContain('Azure answered **AuthorizationFailed**');
    expect(texts()).toContain(`**Backup MUA Operator** role on Resource Guard **rg-guard** (${GUARD})`);
    expect(visibleText(cardOf((await h.say('audit', { user: users.bob }))[0]))).toMatch(
      /failed.*vm001.*AuthorizationFailed/,
    );
    // The bot never tries to give itself the role.
    expect(
      h.simulator.requests.filter((r) => /roleAssignments|resourceGuards/i.test(r.path) && r.method !== 'GET'),
    ).toEqual([]);
  });

  it("with the role (granted just in time), stop carries the guard's request and delete is unlocked first", async () => {
    guarded(true);
    const stop = await requestChange(h, 'stop backup vm005');
    expect(visibleText(stop.draft)).toContain('rg-guard');
    await h.click('change.approve', stop.approve.data, { user: users.bob });
    expect((itemWrites(h, 'PUT')[0].body as any).properties.resourceGuardOperationRequests).toEqual([
      `${GUARD}/updateProtectedItemRequests/default`,
    ]);

    const del = await requestChange(h, 'stop backup vm005 and delete data');
    await h.click('change.approve', { ...del.approve.data, confirmName: 'vm005' }, { user: users.bob });
    expect(itemWrites(h).map((r) => r.method)).toEqual(['PUT', 'POST', 'DELETE']);
    expect(item('vm005').deferredDeleteAt).toBeDefined();
  });

  it('an operation the guard does not protect says nothing of it and sends no guard request', async () => {
    guarded(false);
    item('vm001').protectionState = 'ProtectionStopped';
    const writes = await h.say('resume backup vm001');
    expect(visibleText(lastCard(writes))).not.toContain('rg-guard');
  });
});

describe('soft delete settings', () => {
  it('off: the card says the data is deleted for good and cannot be undeleted', async () => {
    secure({ softDeleteState: 'Disabled' });
    const text = visibleText(lastCard(await h.say('stop backup vm001 and delete data')));
    expect(text).toContain('Soft delete is **off** in this vault: the data is deleted for good');
    expect(text).not.toContain('undelete rg-prod/vm001');
  });

  it('always on, 30 days: the card says so, and that it cannot be turned off; nothing offers to turn it off', async () => {
    secure({ softDeleteState: 'AlwaysON', softDeleteDays: 30 });
    const card = lastCard(await h.say('stop backup vm001 and delete data'));
    expect(visibleText(card)).toContain('**30 more days**');
    expect(visibleText(card)).toContain('always on in this vault and cannot be turned off');
    expect(JSON.stringify(card)).not.toMatch(/disable soft delete/i);
  });
});

describe('status', () => {
  it('says stopped, suspended and deleted in words, with the days soft delete keeps a deleted item', async () => {
    item('vm001').protectionState = 'ProtectionStopped';
    item('vm001').policyName = '';
    let text = said(await h.say('status vm001'));
    expect(text).toContain('Stopped — recovery points kept (no new backups)');
    expect(text).toContain('none (stopped)');
    expect(text).toContain('resume backup rg-prod/vm001');
    item('vm001').protectionState = 'BackupsSuspended';
    expect(said(await h.say('status vm001'))).toContain('Suspended — recovery points kept as the policy says');
    item('vm001').protectionState = 'ProtectionStopped';
    item('vm001').deferredDeleteAt = h.clock.now() + 4 * DAY + 3600_000;
    text = said(await h.say('status vm001'));
    expect(text).toContain('Deleted — soft delete keeps it 5 more day(s)');
    expect(text).toContain('undelete rg-prod/vm001');
    expect(said(await h.say('status vm005'))).toContain('Protected · rsv-prod-japaneast');
  });
});
