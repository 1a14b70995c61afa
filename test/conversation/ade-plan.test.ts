/**
 * `ade plan` through the real bot on the simulator's rg-migrate cases: each path's plan with its real names, the new
 * VM's link check, the two steps the bot takes through the existing backup and protect confirmations (the plan moved
 * forward when their jobs complete), the old VM's stop seen by the report, and the plan surviving a restart.
 */
import { cardOf, startHarness, visibleText, type Harness } from '../support/harness';
import { users } from '../support/teams';
import { listPlans } from '../../src/migration/store';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

const texts = (writes: { activity: { text?: string } }[]) => writes.map((w) => w.activity.text ?? '').filter(Boolean);
const lastCard = (writes: unknown[]) => cardOf(writes.filter((w: any) => cardOf(w)).at(-1) as any);
const button = (card: any, verb: string) => card?.actions?.find((a: any) => a.verb === verb);

async function plan(text: string, locale = 'en-US') {
  const writes = await h.say(text, { locale });
  const card = lastCard(writes);
  return { writes, card, text: visibleText(card) };
}

const plans = async () => (await listPlans(h.app.services.store)).map((p) => p.value);

/** Moves the clock and polls until the plan observer has posted `pattern` (or gives up after 10 rounds). */
async function untilPosted(pattern: RegExp) {
  for (let i = 0; i < 10; i++) {
    h.clock.advance(20_000);
    await h.tick();
    if (h.connector.writes.some((w) => pattern.test(w.activity.text ?? ''))) return;
  }
  throw new Error(`never posted ${pattern}`);
}

describe('ade plan: each path in words, with its real names', () => {
  it("Windows: path A, the prerequisites with their fixes, the downtime and the runbook with this VM's names", async () => {
    const { text, card } = await plan('ade plan ade-win01');
    expect(text).toContain('Migration plan: rg-migrate/ade-win01 → encryption at host');
    expect(text).toContain('**Path A** (Windows): ADE is disabled on every volume (VolumeType All)');
    expect(text).toContain('No ADE VM can be moved in place');
    expect(text).toContain(
      "❌ The subscription's Microsoft.Compute/EncryptionAtHost feature is Unregistered. Fix: `az feature register --namespace Microsoft.Compute --name EncryptionAtHost`",
    );
    expect(text).toContain('✅ Standard_D4s_v5 supports encryption at host in westeurope.');
    expect(text).toContain(
      '✅ Key Vault kv-migrate: soft delete and purge protection on, enabledForDiskEncryption on.',
    );
    expect(text).toContain('copying 383 GB of disks');
    expect(text).toContain('1. 👉 Back up **ade-win01** now, before anything else');
    expect(text).toContain(
      '5. ○ Stop protection of **ade-win01** keeping its recovery points (never deleting them) — a critical operation, done with **stop backup ade-win01**',
    );
    for (const command of [
      'az vm encryption disable --resource-group rg-migrate --name ade-win01 --volume-type ALL',
      'az vm run-command invoke --resource-group rg-migrate --name ade-win01 --command-id RunPowerShellScript --scripts "manage-bde -status"',
      'az vm extension delete --resource-group rg-migrate --vm-name ade-win01 --name AzureDiskEncryption',
      'az vm deallocate --resource-group rg-migrate --name ade-win01',
      // 127 GiB + 512 bytes, Upload type, then a block copy between a Read and a Write SAS.
      '--upload-type Upload --upload-size-bytes 136365212160 --sku Premium_LRS --os-type Windows --hyper-v-generation V2',
      'azcopy copy "$SRC" "$DST" --blob-type PageBlob',
      '--os-type Windows --size Standard_D4s_v5 --encryption-at-host true',
    ])
      expect(text).toContain(command);
    expect(button(card, 'backup.start')).toMatchObject({ title: 'Back up now', data: { vm: 'rg-migrate/ade-win01' } });
    expect((await plans()).map((p) => [p.vm.name, p.stage, p.path, p.createdBy.name])).toEqual([
      ['ade-win01', 'planned', 'A', users.alice.name],
    ]);
  });

  it('Linux data disks only: path A with VolumeType Data and the Linux checks', async () => {
    const { text } = await plan('ade plan ade-lnxdata01');
    expect(text).toContain('**Path A** (Linux, data disks only)');
    expect(text).toContain(
      'az vm encryption disable --resource-group rg-migrate --name ade-lnxdata01 --volume-type DATA',
    );
    expect(text).toContain('--command-id RunShellScript --scripts "lsblk; sudo dmsetup ls --target crypt"');
    expect(text).toContain('--name AzureDiskEncryptionForLinux');
  });

  it('Linux with an encrypted OS disk: path B, a new VM from its image, new data disks, the data copied; its Key Vault lacks purge protection', async () => {
    const { text } = await plan('ade plan ade-lnxos01');
    expect(text).toContain('**Path B** (Linux with an encrypted OS disk)');
    expect(text).toContain(
      '--image Canonical:0001-com-ubuntu-server-jammy:22_04-lts-gen2:latest --size Standard_D2s_v5 --encryption-at-host true',
    );
    expect(text).toMatch(
      /az vm disk attach --resource-group rg-migrate --vm-name ade-lnxos01-eah --name ade-lnxos01_DataDisk_0_\w+-eah --new --size-gb 256/,
    );
    expect(text).toContain('rsync -aHAX');
    expect(text).not.toContain('az vm encryption disable');
    expect(text).toContain('❌ Key Vault kv-migrate-nopurge: purge protection off.');
    expect(text).toContain('The new VM runs beside the old one while the data is copied');
  });

  it('ADE with an Entra app: single pass first; not protected, so the first button protects it', async () => {
    const { text, card } = await plan('ade plan ade-aad01');
    expect(text).toContain('ADE with an Entra (AAD) app: first migrate it to single pass, then follow **path A**.');
    expect(text).toContain('Set-AzVMDiskEncryptionExtension -ResourceGroupName rg-migrate -VMName ade-aad01 -Migrate');
    expect(text).toContain(
      '❌ Azure Backup does not protect the VM, so no backup can be taken before the move. Fix: **protect ade-aad01**.',
    );
    expect(button(card, 'backup.start')).toBeUndefined();
    expect(button(card, 'protect.start')).toMatchObject({ data: { vm: 'rg-migrate/ade-aad01' } });
  });

  it('unmanaged disks: convert first, and the copies sized once they are managed disks', async () => {
    const { text } = await plan('ade plan vm006');
    expect(text).toContain('Unmanaged (VHD) disks, retired on 31 March 2026: convert the VM to managed disks first');
    expect(text).toContain('az vm convert --resource-group rg-legacy --name vm006');
    expect(text).toMatch(
      /SIZE=\$\(az disk show --resource-group rg-legacy --name vm006_OsDisk_1_\w+ --query diskSizeBytes --output tsv\)/,
    );
    expect(text).toContain('--upload-size-bytes $((SIZE + 512))');
  });

  it('a size without encryption at host: the nearest supported size, in the prerequisite and the runbook', async () => {
    const { text } = await plan('ade plan ade-oldsize01');
    expect(text).toContain(
      '❌ Standard_D2_v2 has no encryption at host in westeurope. Fix: create the new VM as **Standard_D11_v2**',
    );
    expect(text).toContain('--size Standard_D11_v2 --encryption-at-host true');
  });

  it('a VM without ADE has nothing to migrate; only operators may plan', async () => {
    expect(texts(await h.say('ade plan vm004'))).toEqual([
      '**rg-dev/vm004** does not use ADE: there is nothing to migrate. (**ade report** lists the VMs that do.)',
    ]);
    expect(texts(await h.say('ade plan ade-win01', { user: users.carol }))[0]).toContain(
      'only backup operators may do that',
    );
    expect(await plans()).toEqual([]);
  });
});

describe('ade plan: the steps the bot takes', () => {
  it('backs up first, links and checks the new VM, protects it with an Enhanced policy, and records the key hold', async () => {
    // Step 1: the plan's button opens the usual backup confirmation; its job completing moves the plan.
    const first = await plan('ade plan ade-win01');
    const offered = await h.click('backup.start', button(first.card, 'backup.start').data);
    expect(offered.body.value).toContain('rg-migrate/ade-win01');
    const confirm = button(lastCard(offered.writes), 'backup.confirm');
    expect(confirm).toBeDefined();
    await h.click('backup.confirm', confirm.data, { replyToId: 'confirm-card' });
    await untilPosted(/step 1 done/);
    expect(texts(h.connector.writes).find((t) => t.includes('step 1 done'))).toMatch(
      /^✅ Migration of \*\*ade-win01\*\*, step 1 done: the pre-migration backup completed \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\./,
    );
    const [afterBackup] = await plans();
    expect(afterBackup).toMatchObject({
      stage: 'backedUp',
      backup: { jobId: expect.stringMatching(/^[0-9a-f-]{36}$/) },
    });

    // The new VM must have encryption at host, no ADE, and the same region and subscription.
    const refused = texts(await h.say('ade plan ade-win01 new vm004'));
    expect(refused).toEqual([
      '❌ **rg-dev/vm004** cannot be the new VM: encryption at host is off (create it with --encryption-at-host true); it is in another region. Nothing was linked.',
    ]);
    expect(texts(await h.say('ade plan ade-win01 new ade-lnxdata01'))[0]).toContain(
      'encryption at host is off (create it with --encryption-at-host true); it uses ADE',
    );

    // Step 2: linked, then protected with an Enhanced policy (Trusted Launch) through the protect confirmation.
    const linked = await plan('ade plan ade-win01 new eah-win01');
    expect(texts(linked.writes)[0]).toBe(
      '✅ **rg-migrate/eah-win01** is linked as the new VM of **rg-migrate/ade-win01**.',
    );
    expect(linked.text).toContain('rg-migrate/eah-win01 (linked');
    expect(linked.text).toMatch(/1\. ✅ Back up \*\*ade-win01\*\* now[^\n]* — done \d{4}-\d{2}-\d{2}/);
    const protectNew = button(linked.card, 'vm.choose');
    expect(protectNew).toMatchObject({
      title: 'Protect eah-win01 with EnhancedWeekly',
      data: { command: 'ade-protect-new', vm: 'rg-migrate/ade-win01' },
    });
    const offer = await h.click('vm.choose', protectNew.data);
    expect(texts(offer.writes)[0]).toBe(
      'Protecting **rg-migrate/eah-win01** with the Enhanced policy EnhancedWeekly: the new VM uses Trusted Launch, which needs one: confirm on the card below.',
    );
    const protectCard = lastCard(offer.writes);
    const selected = protectCard.body.find((b: any) => b.type === 'Input.ChoiceSet');
    expect(selected.value).toMatch(/backupPolicies\/EnhancedWeekly$/);
    await h.click('protect.confirm', { ...button(protectCard, 'protect.confirm').data, policyId: selected.value });
    await untilPosted(/is protected\. Key hold recorded/);
    expect(texts(h.connector.writes).find((t) => t.includes('Key hold recorded'))).toMatch(
      /^✅ Migration of \*\*ade-win01\*\*: the new VM \*\*eah-win01\*\* is protected\. Key hold recorded: keep kv-migrate until 20\d\d-\d\d-\d\d\./,
    );
    const [afterProtect] = await plans();
    expect(afterProtect).toMatchObject({
      stage: 'newProtected',
      newProtection: { vaultId: expect.stringMatching(/rsv-dev-westeurope$/) },
      keyHold: { keyVaultIds: [expect.stringMatching(/kv-migrate$/)] },
    });

    // Step 3: the plan card offers the critical operation (stop backup, keeping the points); approved by someone else,
    // its DisableBackup job completing moves the plan, and the keys are held for as long as the points are kept.
    const third = await plan('ade plan ade-win01');
    expect(third.text).toContain('4. ✅ Protect the new VM');
    const stop = third.card.actions.find((a: any) => a.data?.command === 'stop-backup');
    expect(stop).toMatchObject({
      verb: 'vm.choose',
      title: 'Stop backup of ade-win01 (keep its points)',
      data: { vm: 'rg-migrate/ade-win01' },
    });
    const asked = await h.click('vm.choose', stop.data);
    const submit = button(lastCard(asked.writes), 'change.submit');
    expect(visibleText(lastCard(asked.writes))).toContain('Stop backup (keep recovery points): ade-win01?');
    const submitted = await h.click(
      'change.submit',
      { ...submit.data, reason: 'moved to encryption at host' },
      { replyToId: asked.writes.at(-1)!.activityId },
    );
    const posted = submitted.writes.find((w) => button(cardOf(w), 'change.approve'))!;
    await h.click('change.approve', button(cardOf(posted), 'change.approve').data, {
      user: users.bob,
      replyToId: posted.activityId,
    });
    const item = h.simulator.estate.recoveryVaults[1].items.find((i) => i.friendlyName === 'ade-win01')!;
    expect(item.protectionState).toBe('ProtectionStopped');
    expect(item.recoveryPoints.length).toBeGreaterThan(0);
    await untilPosted(/Migration of \*\*ade-win01\*\* done/);
    expect(texts(h.connector.writes).find((t) => t.includes('Migration of **ade-win01** done'))).toBe(
      '✅ Migration of **ade-win01** done: its protection is stopped with every recovery point kept. Keep kv-migrate for as long as the points are kept (no expiry: protection stopped); the report shows the hold.',
    );
    expect((await plans())[0]).toMatchObject({ stage: 'oldStopped', keyHold: { until: 'indefinite' } });
    expect((await plans())[0].history.map((e) => e.what)).toEqual([
      'planned',
      'backedUp',
      'linked',
      'newProtected',
      'keyHold',
      'oldStopped',
    ]);
    const report = visibleText(cardOf((await h.say('ade report')).at(-1)));
    expect(report).toMatch(/Migration plans\n1 old VM stopped, keys held/);

    // The plan survives a restart, with every step's evidence.
    await h.restart();
    const after = await plan('ade plan ade-win01');
    expect(after.text).toMatch(/5\. ✅ Stop protection of \*\*ade-win01\*\*[^\n]* — done/);
    expect(after.text).toContain(
      'kv-migrate: for as long as the points are kept (no expiry: protection stopped) (estimated from the policy)',
    );
    expect(button(after.card, 'backup.start')).toBeUndefined();
  });

  it('protecting the new VM waits for the backup and the link, and needs a plan', async () => {
    expect(texts(await h.say('ade plan ade-win01 protect'))).toEqual([
      'There is no migration plan for **rg-migrate/ade-win01**: run **ade plan rg-migrate/ade-win01** first.',
    ]);
    await plan('ade plan ade-win01');
    const early = await h.click('vm.choose', { command: 'ade-protect-new', vm: 'rg-migrate/ade-win01' });
    expect(early.body.value).toBe('Working on rg-migrate/ade-win01…');
    expect(texts(early.writes)).toEqual([
      'Not yet: the plan of **rg-migrate/ade-win01** needs the pre-migration backup done and the new VM linked first.',
    ]);
    expect(texts(await h.say('ade plan ade-win01 protect', { user: users.carol }))[0]).toContain(
      'only backup operators may do that',
    );
  });
});

describe('ade plan in Japanese', () => {
  it('shows the plan and refuses a new VM without encryption at host, in Japanese', async () => {
    const { text } = await plan('ade-win01 の ADE 移行計画', 'ja-JP');
    expect(text).toContain('移行計画: rg-migrate/ade-win01 → ホストでの暗号化');
    expect(text).toContain('**パス A**（Windows）: すべてのボリュームで ADE を無効にし（VolumeType All）');
    expect(text).toContain('1. 👉 何よりも先に **ade-win01** を今すぐバックアップ');
    expect(text).toContain('az vm encryption disable --resource-group rg-migrate --name ade-win01 --volume-type ALL');
    const refused = texts(await h.say('ade-win01 の ADE 移行計画 新VM vm004', { locale: 'ja-JP' }));
    expect(refused).toEqual([
      '❌ **rg-dev/vm004** は新しい VM にできません: ホストでの暗号化が無効です（--encryption-at-host true で作成してください）; 別のリージョンにあります。何もリンクしていません。',
    ]);
  });
});
