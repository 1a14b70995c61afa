/**
 * `ade report` through the real bot: the simulator's estate (the japaneast demo VMs and the rg-migrate cases) read
 * with list calls only, the summary card in English and Japanese, and "Show all" paging through the VMs.
 */
import { cardOf, startHarness, visibleText, type Harness } from '../support/harness';
import { users } from '../support/teams';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const reportCard = async (text: string, locale = 'en-US') => {
  const writes = await h.say(text, { locale, user: users.carol });
  expect(writes).toHaveLength(1);
  return cardOf(writes[0]);
};
const action = (card: any) => card.actions.find((a: any) => a.verb === 'ade.page');

describe('ade report', () => {
  it('answers anyone with where the subscription stands: days left, ADE VMs by path, blockers, exposure and key holds', async () => {
    const text = visibleText(await reportCard('ade report'));
    expect(text).toContain('ADE retirement: where we stand');
    expect(text).toContain('**656 days** left until 15 September 2028');
    expect(text).toMatch(/VMs still on ADE\n10 of 18/);
    expect(text).toMatch(/Path A: decrypt[^\n]*\n6\n/);
    expect(text).toMatch(/Path B: Linux[^\n]*\n2\n/);
    expect(text).toMatch(/ADE with an Entra app[^\n]*\n1\n/);
    expect(text).toMatch(/Unmanaged disks[^\n]*\n1\n/);
    expect(text).toMatch(/VMs with encryption at host\n2\n/);
    // Blockers: the feature, a size, a Key Vault without purge protection guarding points.
    expect(text).toContain('Microsoft.Compute/EncryptionAtHost feature is **Unregistered**');
    expect(text).toContain(
      'Standard_D2_v2 has no encryption at host in westeurope (1: ade-oldsize01). Nearest supported size of the same family: **Standard_D11_v2**.',
    );
    expect(text).toContain(
      'Key Vault **kv-migrate-nopurge** holds keys of live ADE recovery points but has no purge protection',
    );
    // Exposure.
    expect(text).toContain('3 ADE VM(s) not protected: ade-aad01, ade-mig01, vm003.');
    expect(text).toContain('2 ADE VM(s) whose last backup failed: ade-oldsize01, vm002.');
    expect(text).toMatch(
      /ADE recovery point\(s\) of 3 VM\(s\) expire after 15 Sep 2028 \(latest expiry: never \(protection stopped, points kept\)\): ade-lnxos01, ade-mig01, ade-win01/,
    );
    // Key holds, with what protects each vault.
    expect(text).toMatch(/kv-migrate-nopurge: until 2031-11-2\d · soft delete ✅ purge protection ❌/);
    expect(text).toMatch(
      /kv-migrate: for as long as the points are kept \(no expiry: protection stopped\) · soft delete ✅ purge protection ✅ enabledForDiskEncryption ✅ · 4 VM\(s\)/,
    );
    expect(text).toContain('Estimated, not read per point');
  });

  it('reads lists only: the same number of ARM reads with 40 more ADE VMs', async () => {
    const before = h.simulator.requests.length;
    await reportCard('ade report');
    const reads = h.simulator.requests.slice(before);
    expect(reads.every((r) => r.method === 'GET')).toBe(true);
    // VMs, disks, Key Vaults, the feature, 2 vaults × (items + policies), SKUs of japaneast and westeurope.
    expect(reads).toHaveLength(10);
    const template = h.simulator.estate.vms.find((v) => v.name === 'ade-win01')!;
    for (let i = 0; i < 40; i++)
      h.simulator.estate.vms.push({
        ...template,
        id: template.id.replace('ade-win01', `ade-copy${i}`),
        name: `ade-copy${i}`,
      });
    const again = h.simulator.requests.length;
    const text = visibleText(await reportCard('ade report'));
    expect(h.simulator.requests.length - again).toBe(10);
    expect(text).toMatch(/VMs still on ADE\n50 of 58/);
    h.simulator.estate.vms.splice(-40);
  });

  it('"Show all" pages through every ADE VM in place, read afresh, and back to the summary', async () => {
    const card = await reportCard('ade report');
    expect(action(card)).toMatchObject({ title: 'Show all 10 ADE VMs', data: { page: 1 } });
    const pageOf = async (data: unknown) => {
      const click = await h.click('ade.page', data as Record<string, unknown>, {
        user: users.carol,
        replyToId: 'report-card',
      });
      expect(visibleText(click.body.value)).toContain('Reading the fleet lists');
      const updates = click.writes.filter((w) => w.kind === 'update' && w.activityId === 'report-card');
      expect(updates).toHaveLength(1);
      return cardOf(updates[0]);
    };
    const page = await pageOf(action(card).data);
    const text = visibleText(page);
    expect(text).toContain('ADE VMs, page 1 of 1');
    expect(text).toMatch(/rg-migrate\/ade-aad01\nEntra app first → path A · not protected · kv-migrate/);
    expect(text).toMatch(
      /rg-migrate\/ade-oldsize01\npath A, Standard_D2_v2 without EAH · last backup failed · kv-migrate/,
    );
    expect(text).toMatch(
      /rg-migrate\/ade-lnxos01\npath B · protected · ~\d+ point\(s\) past 2028 · kv-migrate-nopurge/,
    );
    expect(text).toMatch(/rg-legacy\/vm006\nconvert first → path A · protected · kv-ade-prod/);
    const back = page.actions.find((a: any) => a.data.page === 0);
    expect(visibleText(await pageOf(back.data))).toContain('ADE retirement: where we stand');
  });

  it('someone who is not an operator sees plans moved forward, but nothing is written', async () => {
    await h.say('ade plan ade-win01');
    const item = h.simulator.estate.recoveryVaults[1].items.find((i) => i.friendlyName === 'ade-win01')!;
    item.lastBackupTime = h.clock.now() + 60_000;
    h.clock.advance(120_000);
    const stored = async () =>
      (await h.app.services.store.list<{ stage: string }>('ade/plan/')).map((p) => p.value.stage);
    expect(visibleText(await reportCard('ade report'))).toMatch(/Migration plans\n1 pre-migration backup done/);
    expect(await stored()).toEqual(['planned']);
    await h.say('ade report');
    expect(await stored()).toEqual(['backedUp']);
  });

  it('answers in Japanese', async () => {
    const text = visibleText(await reportCard('ADE レポート', 'ja-JP'));
    expect(text).toContain('ADE 廃止: 現状');
    expect(text).toContain('2028 年 9 月 15 日まで残り **656 日**');
    expect(text).toMatch(/ADE を使用中の VM\n18 台中 10 台/);
    expect(text).toContain(
      'Key Vault **kv-migrate-nopurge** は有効な ADE 復旧ポイントのキーを保持していますが、消去保護がありません',
    );
    expect(text).toContain('kv-migrate: ポイントが保持される限り（期限なし: 保護停止）');
  });
});
