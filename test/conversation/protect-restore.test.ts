/** protect and restore, end to end, within Azure Backup's ADE rules (en + ja). */
import { cardOf, startHarness, visibleText, type Harness } from '../support/harness';
import type { ConnectorWrite } from '../support/fake-connector';
import { users } from '../support/teams';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

const last = (writes: ConnectorWrite[]) => writes[writes.length - 1];
const action = (card: any, verb: string) => card?.actions?.find((a: { verb: string }) => a.verb === verb);
const input = (card: any, id: string) => card.body.find((b: { id?: string }) => b.id === id);
const writesTo = (method: string, path: RegExp) =>
  h.simulator.requests.filter((r) => r.method === method && path.test(r.path));

async function runJobs(rounds = 8) {
  for (let i = 0; i < rounds; i++) {
    h.clock.advance(20_000);
    await h.tick();
  }
}

describe('protect <vm>', () => {
  it('default policy: lists the policies in plain words, enables protection, follows the ConfigureBackup job', async () => {
    const card = cardOf(last(await h.say('protect vm004')));
    const text = visibleText(card);
    expect(text).toContain('Protect vm004');
    expect(text).toContain('rsv-prod-japaneast (japaneast)');
    expect(text).toMatch(/DefaultPolicy: Daily at \d\d:\d\d/);
    expect(text).toMatch(/GoldPolicy: .*daily points 90 days, weekly 12 weeks/);
    // An Enhanced (V2) hourly policy in plain words, from its hourlySchedule (it has no run times).
    expect(text).toContain(
      'EnhancedHourly: Every 4 hours from 08:00 for 12 hours (UTC); daily points 30 days, instant restore 7 days',
    );
    const choice = input(card, 'policyId');
    expect(choice.value).toMatch(/backupPolicies\/DefaultPolicy$/);

    const click = await h.click('protect.confirm', { ...action(card, 'protect.confirm').data, policyId: choice.value });
    expect(visibleText(click.body.value)).toContain('Enabling protection of vm004');
    const put = writesTo('PUT', /protectedItems\/vm;iaasvmcontainerv2;rg-dev;vm004$/i);
    expect(put).toHaveLength(1);
    expect((put[0].body as any).properties.policyId).toMatch(/DefaultPolicy$/);
    expect(writesTo('POST', /refreshContainers$/i).length).toBeLessThanOrEqual(1);
    expect(h.connector.writes.some((w) => /Enable protection · vm004/.test(visibleText(cardOf(w))))).toBe(true);
    await runJobs();
    expect(
      h.connector.writes.some((w) => /Enable protection of \*\*vm004\*\* completed/.test(w.activity.text ?? '')),
    ).toBe(true);
    const status = visibleText(cardOf(last(await h.say('status vm004'))));
    expect(status).toContain('DefaultPolicy');
    // Never backed up yet: Azure's 2001-01-01 sentinel reads as "never", on status and on check.
    expect(status).toMatch(/Last backup\s+never/);
    expect(status).not.toContain('2001');
    const check = visibleText(cardOf(last(await h.say('check vm004'))));
    expect(check).toMatch(/Last backup\s+never/);
    expect(check).not.toContain('2001');
  });

  it('a chosen policy is preselected; a forged policy id is refused and nothing is written', async () => {
    const card = cardOf(last(await h.say('protect vm004 with GoldPolicy')));
    expect(input(card, 'policyId').value).toMatch(/GoldPolicy$/);
    const forged = await h.click('protect.confirm', {
      ...action(card, 'protect.confirm').data,
      policyId: '/subscriptions/x/backupPolicies/Evil',
    });
    expect(forged.body.value).toContain('not valid');
    expect(writesTo('PUT', /protectedItems\//i)).toHaveLength(0);
  });

  it('an ADE VM lacking Key Vault access: the card offers the grant first and says what fails until then', async () => {
    const card = cardOf(last(await h.say('protect vm003')));
    expect(visibleText(card)).toContain('UserErrorKeyVaultPermissionsNotConfigured until access is granted');
    expect(action(card, 'grant.start')).toBeDefined();
  });

  it("no vault in the VM's region: says so and lists the configured vaults", async () => {
    const [w] = await h.say('protect vm008');
    expect(w.activity.text).toContain('No configured Recovery Services vault is in **eastus**');
    expect(w.activity.text).toContain('rsv-prod-japaneast (japaneast)');
  });

  it('already protected: says with which policy', async () => {
    const [w] = await h.say('protect vm001');
    expect(w.activity.text).toContain('already protected with **DefaultPolicy**');
  });

  it('Japanese: vm004 を GoldPolicy で保護', async () => {
    const card = cardOf(last(await h.say('vm004 を GoldPolicy で保護', { locale: 'ja-JP' })));
    expect(visibleText(card)).toContain('vm004 を保護');
    expect(input(card, 'policyId').value).toMatch(/GoldPolicy$/);
  });
});

describe('restore <vm>', () => {
  async function form(vm = 'vm001', locale = 'en-US') {
    const card = cardOf(last(await h.say(`restore ${vm}`, { locale })));
    return { card, pendingId: action(card, 'restore.review').data.pendingId as string };
  }

  it('ADE VM: restore disks only or a new VM; replace-existing shown refused with the reason; points newest first', async () => {
    const { card } = await form();
    const text = visibleText(card);
    expect(input(card, 'kind').choices.map((c: { value: string }) => c.value)).toEqual([
      'RestoreDisks',
      'AlternateLocation',
    ]);
    expect(text).toContain('"Replace existing" is not available for ADE-encrypted VMs');
    expect(text).toContain('File/folder restore is not available');
    const times = input(card, 'pointName').choices.map((c: { title: string }) => c.title.slice(0, 16));
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('restore disks: review, confirm, the request body at the simulator, the job to completion, and the ADE next steps', async () => {
    const { card, pendingId } = await form();
    const point = input(card, 'pointName').value;
    const review = await h.click('restore.review', {
      pendingId,
      pointName: point,
      kind: 'RestoreDisks',
      region: 'japaneast',
      resourceGroup: 'rg-restore',
      storageAccount: 'ststaging01',
    });
    const summary = visibleText(review.body.value);
    expect(summary).toContain('managed disks restored into resource group rg-restore');
    expect(summary).toContain('rg-restore/ststaging01');
    expect(h.simulator.requests.filter((r) => r.method === 'POST' && /\/restore$/i.test(r.path))).toHaveLength(0);

    await h.click('restore.confirm', { pendingId });
    const posts = h.simulator.requests.filter(
      (r) => r.method === 'POST' && /recoveryPoints\/[^/]+\/restore$/i.test(r.path),
    );
    expect(posts).toHaveLength(1);
    const props = (posts[0].body as any).properties;
    expect(props.objectType).toMatch(/IaasVMRestore/);
    expect(props.recoveryType).toBe('RestoreDisks');
    expect(props.storageAccountId).toMatch(
      /resourceGroups\/rg-restore\/providers\/Microsoft\.Storage\/storageAccounts\/ststaging01$/,
    );
    expect(props.targetResourceGroupId).toMatch(/resourceGroups\/rg-restore$/);
    expect(props.encryptionDetails.encryptionEnabled).toBe(true);
    expect(props.encryptionDetails.kekUrl).toContain('kv-ade-prod');
    expect(props.encryptionDetails.secretKeyUrl).toContain('kv-ade-prod');

    await runJobs(8);
    const jobCard = h.connector.writes.find(
      (w) => w.kind === 'send' && /Restore · vm001/.test(visibleText(cardOf(w))),
    )!;
    const final = visibleText(h.connector.messages().get(jobCard.activityId).attachments[0].content);
    expect(final).toContain('Completed');
    expect(final).toContain('DiskEncryptionInternalError');
    expect(final).toContain('Create the VM from the restored disks');
    expect(final).not.toContain('reinstall the Azure Disk Encryption extension'); // vm001 is Windows
  });

  it('replace-existing is refused for ADE (even forged), allowed for a non-ADE VM', async () => {
    const ade = await form();
    const forged = await h.click('restore.review', {
      pendingId: ade.pendingId,
      pointName: input(ade.card, 'pointName').value,
      kind: 'OriginalLocation',
      resourceGroup: 'rg-prod',
      storageAccount: 'ststaging01',
    });
    expect(forged.body.value).toContain('Pick one of the restore types');
    const cmk = await form('vm005');
    expect(input(cmk.card, 'kind').choices.map((c: { value: string }) => c.value)).toContain('OriginalLocation');
    const ok = await h.click('restore.review', {
      pendingId: cmk.pendingId,
      pointName: input(cmk.card, 'pointName').value,
      kind: 'OriginalLocation',
      resourceGroup: 'rg-dev',
      storageAccount: 'ststaging01',
    });
    expect(visibleText(ok.body.value)).toContain('replaced by those of the recovery point');
  });

  it.each(['restore files vm001', 'restore vm001 files', 'file restore vm001', 'restore files from vm001'])(
    'file-level restore is refused for an ADE VM, with the alternative (%j)',
    async (text) => {
      const [w] = await h.say(text);
      expect(w.activity.text).toContain('File/folder restore is not available for ADE-encrypted VMs');
      expect(w.activity.text).toContain('restore the disks and attach them to another VM');
    },
  );

  /** vm001's OS disk and the chosen point of its form, as the simulator holds them. */
  function vm001Point(pointName: string) {
    const estate = h.simulator.estate;
    const item = estate.recoveryVaults.flatMap((v) => v.items).find((i) => i.friendlyName === 'vm001')!;
    return item.recoveryPoints.find((p) => p.name === pointName)!;
  }

  it("an ADE point is restored with the keys it was taken with (read from the point), not the VM's rotated ones", async () => {
    const { card, pendingId } = await form();
    const pointName = input(card, 'pointName').value;
    const taken = { ...vm001Point(pointName).keyAndSecret! };
    // The VM's keys are rotated after the point was taken.
    const disk = h.simulator.estate.disks.find((d) => d.managedBy?.endsWith('/vm001') && d.ade)!;
    disk.ade = {
      ...disk.ade!,
      secretUrl: 'https://kv-ade-prod.vault.azure.net/secrets/rotated/0000000000000000000000000000000a',
    };
    const reads = () =>
      h.simulator.requests.filter((r) => r.method === 'GET' && r.path.endsWith(`/recoveryPoints/${pointName}`));

    const review = await h.click('restore.review', {
      pendingId,
      pointName,
      kind: 'RestoreDisks',
      region: 'japaneast',
      resourceGroup: 'rg-restore',
      storageAccount: 'ststaging01',
    });
    const summary = visibleText(review.body.value);
    expect(reads()).toHaveLength(1);
    expect(summary).toContain(`${taken.secretUrl} (Key Vault kv-ade-prod)`);
    expect(summary).toContain(`${taken.keyUrl} (Key Vault kv-ade-prod)`);
    expect(summary).not.toContain('rotated');

    await h.click('restore.confirm', { pendingId });
    expect(reads()).toHaveLength(2);
    const post = h.simulator.requests.find(
      (r) => r.method === 'POST' && /recoveryPoints\/[^/]+\/restore$/i.test(r.path),
    )!;
    expect((post.body as any).properties.encryptionDetails).toEqual({
      encryptionEnabled: true,
      secretKeyUrl: taken.secretUrl,
      secretKeyVaultId: taken.secretVaultId,
      kekUrl: taken.keyUrl,
      kekVaultId: taken.keyVaultId ?? taken.secretVaultId,
    });
  });

  it('an encrypted point that carries no key details is refused with the reason, and nothing is restored', async () => {
    const { card, pendingId } = await form();
    const pointName = input(card, 'pointName').value;
    vm001Point(pointName).keyAndSecret = undefined;
    const review = await h.click('restore.review', {
      pendingId,
      pointName,
      kind: 'RestoreDisks',
      region: 'japaneast',
      resourceGroup: 'rg-restore',
      storageAccount: 'ststaging01',
    });
    expect(review.body.value).toContain('Azure Backup returned no key details (BEK/KEK)');
    expect(review.body.value).toContain("I will not fall back to the VM's current keys");
    expect(review.body.value).toContain('Nothing was changed.');
    await h.click('restore.confirm', { pendingId });
    expect(h.simulator.requests.filter((r) => r.method === 'POST' && /\/restore$/i.test(r.path))).toHaveLength(0);
  });

  it('cross-region: a non-paired region is refused; the paired region is sent to the portal; another subscription is refused', async () => {
    const { card, pendingId } = await form();
    const base = {
      pendingId,
      pointName: input(card, 'pointName').value,
      kind: 'RestoreDisks',
      resourceGroup: 'rg-restore',
      storageAccount: 'ststaging01',
    };
    expect((await h.click('restore.review', { ...base, region: 'eastus' })).body.value).toContain(
      "only to the vault's paired region",
    );
    expect((await h.click('restore.review', { ...base, region: 'japanwest' })).body.value).toContain(
      'started from the portal',
    );
    expect(
      (
        await h.click('restore.review', {
          ...base,
          resourceGroup: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-x',
        })
      ).body.value,
    ).toContain('same subscription');
    expect(h.simulator.requests.filter((r) => r.method === 'POST' && /\/restore$/i.test(r.path))).toHaveLength(0);
  });

  it('operators only', async () => {
    const [w] = await h.say('restore vm001', { user: users.carol });
    expect(w.activity.text).toContain('only backup operators');
  });

  it('Japanese: vm001 を復元', async () => {
    const { card } = await form('vm001', 'ja-JP');
    expect(visibleText(card)).toContain('vm001 を復元');
    expect(visibleText(card)).toContain('「既存の置き換え」は使用できません');
  });
});
