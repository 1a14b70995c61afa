/**
 * Conversation tests for help and check: Teams-shaped activities to the real HTTP endpoint, replies read at a fake
 * Bot Connector, Azure answered by the ARM simulator through the real SDK clients.
 */
import { cardOf, channel, startHarness, visibleText, type Harness } from '../support/harness';
import { users } from '../support/teams';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const say = async (text: string, locale = 'en-US', where = channel) => {
  const writes = await h.say(text, { locale, where });
  expect(writes.length).toBeGreaterThan(0);
  return writes.map((w) => visibleText(cardOf(w)) + '\n' + (w.activity.text ?? '')).join('\n');
};

describe('help', () => {
  it('lists every command in English, and says it runs on the simulator', async () => {
    const text = await say('help');
    for (const usage of [
      'check <vm>',
      'backup <vm> now',
      'status <vm>',
      'jobs [<vm>]',
      'grant backup access <vm | key vault>',
      'audit',
    ])
      expect(text).toContain(usage);
    expect(text).toContain('embedded Azure simulator');
  });

  it('answers in Japanese to a ja-JP client, and to Japanese text in an English client', async () => {
    expect(await say('help', 'ja-JP')).toContain('<vm> をチェック');
    expect(await say('ヘルプ')).toContain('組み込みの Azure シミュレーター');
  });

  it('works in a personal chat without a mention', async () => {
    expect(await say('help', 'en-US', { kind: 'personal', user: users.carol })).toContain('check <vm>');
  });
});

describe('check', () => {
  it('vm001: ADE BEK+KEK, access-policy vault already granted, protected — ready, with the ADE limits', async () => {
    const text = await say('check vm001');
    expect(text).toContain('Azure Disk Encryption, BEK + KEK');
    expect(text).toContain('kv-ade-prod (access policies)');
    expect(text).toContain('Backup Management Service can read the keys');
    expect(text).toContain('Protected in rsv-prod-japaneast with DefaultPolicy');
    expect(text).toContain('Ready for backup: nothing to fix.');
    expect(text).toContain('no "replace existing"');
    expect(text).toContain('No file/folder restore');
  });

  it("vm002: BEK-only on a vault without Backup's policy — missing secrets only, and a button to request access", async () => {
    const [write] = await h.say('check vm002');
    const text = visibleText(cardOf(write));
    expect(text).toContain('BEK only');
    expect(text).toContain('missing: secrets: get, list, backup');
    expect(text).not.toContain('keys: get');
    expect(text).toContain('UserErrorKeyVaultPermissionsNotConfigured');
    const verbs = cardOf(write).actions.map((a: { verb: string }) => a.verb);
    expect(verbs).toEqual(['grant.start']);
  });

  it('vm003: RBAC vault without a role — lists the missing data actions; not protected', async () => {
    const text = await say('check vm003');
    expect(text).toContain('kv-ade-rbac (Azure RBAC)');
    expect(text).toContain('Microsoft.KeyVault/vaults/keys/backup/action');
    expect(text).toContain('Not protected');
  });

  it('PMK, CMK, unmanaged ADE and agent-not-ready VMs are each told apart', async () => {
    expect(await say('check vm004')).toContain('Platform-managed keys');
    expect(await say('check vm005')).toContain('Customer-managed keys');
    const vm006 = await say('check vm006');
    expect(vm006).toContain('unmanaged disk');
    expect(vm006).toContain('BEK + KEK');
    const vm007 = await say('check vm007');
    expect(vm007).toContain('Not ready');
    expect(vm007).toContain('The VM agent is not ready');
  });

  it('answers in Japanese: vm002 をチェック', async () => {
    const text = await say('vm002 をチェック', 'ja-JP');
    expect(text).toContain('vm002 の事前チェック');
    expect(text).toContain('BEK のみ');
    expect(text).toContain('Key Vault のアクセスを申請');
  });

  it('finds VMs case-insensitively', async () => {
    expect(await say('check VM001')).toContain('Preflight for vm001');
  });

  it('asks which one when two VMs share a name, and checks the chosen one', async () => {
    const [write] = await h.say('check web01');
    const card = cardOf(write);
    expect(visibleText(card)).toContain('2 VMs are named **web01**');
    const choice = card.actions.find((a: { title: string }) => a.title.startsWith('rg-dev/web01'));
    const click = await h.click(choice.verb, choice.data);
    expect(click.status).toBe(200);
    expect(visibleText(cardOf(click.writes[0]))).toContain('rg-dev/web01');
    expect(await say('check rg-prod/web01')).toContain('rg-prod/web01');
  });

  it('unknown VM, invalid name, missing name and unknown command get friendly answers and touch nothing', async () => {
    expect(await say('check nosuchvm')).toContain('I found no VM named **nosuchvm**');
    const afterLookup = h.simulator.requests.length;
    expect(await say("check vm001';drop")).toContain('is not a valid VM name');
    expect(await say('check')).toContain('Which VM?');
    expect(await say('chek vm001')).toContain('Did you mean **check <vm>**?');
    expect(h.simulator.requests.length).toBe(afterLookup);
    expect(h.simulator.requests.every((r) => r.method === 'GET' || r.path.endsWith('/backupStatus'))).toBe(true);
  });

  it('an Azure error becomes an actionable message with its code, never a stack trace', async () => {
    h.simulator.faults.add({
      method: 'GET',
      path: /virtualMachines\/vm001$/i,
      status: 403,
      errorCode: 'AuthorizationFailed',
      times: 5,
    });
    const text = await say('check vm001');
    h.simulator.faults.clear();
    expect(text).toContain('Azure answered **AuthorizationFailed**');
    expect(text).toContain('Reader');
    expect(text).toMatch(/Azure request id: [0-9a-f-]{36}/);
    expect(text).not.toMatch(/at .*\.ts:\d+|RestError|Error:/);
  });
});
