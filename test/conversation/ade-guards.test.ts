/**
 * The ADE guards through the real bot: `check` flags a key hold at risk (the Key Vault of live ADE points without
 * purge protection, gone, or with enabledForDiskEncryption turned off), the watch channel gets a card for a recorded
 * hold at risk (once per Key Vault per day, updated when what is at risk changes), and a restore of an ADE point says
 * the restored disks are still ADE-encrypted and need the same move.
 */
import { newPlan, type MigrationPlan } from '../../src/migration/plan';
import { planKey } from '../../src/migration/plan';
import { cardOf, startHarness, visibleText, type Harness } from '../support/harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

const checkText = async (vm: string, locale = 'en-US') =>
  visibleText(cardOf((await h.say(`check ${vm}`, { locale })).at(-1)));
const keyVault = (name: string) => h.simulator.estate.keyVaults.find((v) => v.name === name)!;

describe('check flags a key hold at risk', () => {
  it('the Key Vault of live ADE points without purge protection', async () => {
    const text = await checkText('ade-lnxos01');
    expect(text).toMatch(
      /❌ Key hold at risk: Key Vault \*\*kv-migrate-nopurge\*\* holds the keys of ADE recovery points of ade-lnxos01, to keep until 20\d\d-\d\d-\d\d, but purge protection is off\. Fix: `az keyvault update --name kv-migrate-nopurge --enable-purge-protection true --enabled-for-disk-encryption true`/,
    );
  });

  it('nothing while the vault is safe; enabledForDiskEncryption turned off, or the vault gone, is flagged', async () => {
    expect(await checkText('vm001')).not.toContain('Key hold at risk');
    keyVault('kv-ade-prod').enabledForDiskEncryption = false;
    expect(await checkText('vm001')).toMatch(
      /Key Vault \*\*kv-ade-prod\*\* holds the keys of ADE recovery points of vm001, to keep until [\d-]+, but enabledForDiskEncryption is off\./,
    );
    h.simulator.estate.keyVaults = h.simulator.estate.keyVaults.filter((v) => v.name !== 'kv-ade-prod');
    expect(await checkText('vm001')).toContain('but it is not in the subscription any more (deleted?)');
  });

  it('in Japanese', async () => {
    expect(await checkText('ade-lnxos01', 'ja-JP')).toContain(
      '❌ キーの保持に危険: Key Vault **kv-migrate-nopurge** は ade-lnxos01 の ADE 復旧ポイントのキーを保持しており',
    );
  });
});

describe('the watch flags a recorded key hold at risk', () => {
  it('posts one card per Key Vault per day in the watch channel, and updates it when the risk changes', async () => {
    await h.say('watch here');
    const vm = h.simulator.estate.vms.find((v) => v.name === 'ade-mig01')!;
    // ade-mig01 was migrated before: its plan recorded a hold on kv-migrate, its points kept until deleted.
    const plan: MigrationPlan = {
      ...newPlan({
        vm: {
          id: vm.id,
          name: vm.name,
          resourceGroup: vm.resourceGroup,
          subscriptionId: h.simulator.subscriptionId,
          location: vm.location,
        },
        osType: 'Windows',
        path: 'A',
        then: 'A',
        volumeType: 'All',
        keyVaultIds: [keyVault('kv-migrate').id],
        createdAt: h.clock.now() - 86_400_000,
        createdBy: { id: 'x', name: 'Aiko Sato' },
        conversationId: 'c',
        locale: 'en',
      }),
      stage: 'oldStopped',
      keyHold: { keyVaultIds: [keyVault('kv-migrate').id], until: 'indefinite', recordedAt: h.clock.now() },
    };
    await h.app.services.store.put(planKey(vm.id), plan);
    const cards = () => h.connector.writes.filter((w) => /Key hold at risk: kv-migrate/.test(visibleText(cardOf(w))));

    await h.tick();
    expect(cards()).toHaveLength(0);
    keyVault('kv-migrate').enablePurgeProtection = false;
    h.clock.advance(3_600_000);
    await h.tick();
    expect(cards().map((w) => w.kind)).toEqual(['send']);
    expect(visibleText(cardOf(cards()[0]))).toContain(
      'holds the keys of ADE recovery points of ade-mig01, to keep for as long as the points are kept (no expiry: protection stopped), but purge protection is off',
    );

    h.clock.advance(3_600_000);
    await h.tick();
    expect(cards()).toHaveLength(1);
    keyVault('kv-migrate').enabledForDiskEncryption = false;
    h.clock.advance(3_600_000);
    await h.tick();
    expect(cards().map((w) => w.kind)).toEqual(['send', 'update']);
    expect(visibleText(cardOf(cards()[1]))).toContain('but purge protection is off, enabledForDiskEncryption is off');
  });
});

describe('a restore of an ADE point', () => {
  it('says the restored disks are still ADE-encrypted and need the same move', async () => {
    const card = cardOf((await h.say('restore ade-win01')).at(-1));
    const review = card.actions.find((a: any) => a.verb === 'restore.review');
    const point = card.body.find((b: any) => b.id === 'pointName').value;
    await h.click('restore.review', {
      pendingId: review.data.pendingId,
      pointName: point,
      kind: 'RestoreDisks',
      region: 'westeurope',
      resourceGroup: 'rg-restore',
      storageAccount: 'ststaging01',
    });
    await h.click('restore.confirm', { pendingId: review.data.pendingId });
    for (let i = 0; i < 8; i++) {
      h.clock.advance(20_000);
      await h.tick();
    }
    const job = h.connector.writes.find(
      (w) => w.kind === 'send' && /Restore · ade-win01/.test(visibleText(cardOf(w))),
    )!;
    const final = visibleText(h.connector.messages().get(job.activityId).attachments[0].content);
    expect(final).toContain('Completed');
    expect(final).toContain(
      'The restored disks are still ADE-encrypted (ADE is not removed by a restore), and ADE retires on 15 September 2028',
    );
  });
});
