/**
 * What the bot makes of real Azure answers: recorded responses (fixtures/, each naming its source) replayed on
 * 127.0.0.1 to the official SDK clients through the Azure port, as the bot calls them. Where the spec examples and
 * real traffic disagree, these tests hold the bot to the traffic.
 */
import { createClients } from '../../src/azure/clients';
import type { AzurePort, ItemPlace, VmRef } from '../../src/azure/port';
import { createAzurePort, simulatorCredential } from '../../src/azure/sdk-port';
import { toPolicyInfo } from '../../src/azure/translate-backup';
import { toVmDetails } from '../../src/azure/translate-compute';
import { loadFixture, startReplay, type Replay } from './replay-server';

const SUB = '00000000-0000-0000-0000-000000000000';
const RG = `/subscriptions/${SUB}/resourceGroups/clitest.rg000001`;
const VAULT = `${RG}/providers/Microsoft.RecoveryServices/vaults/clitest-vault000002`;
const VM: VmRef = {
  id: `${RG}/providers/Microsoft.Compute/virtualMachines/clitest-vm000003`,
  name: 'clitest-vm000003',
  resourceGroup: 'clitest.rg000001',
  subscriptionId: SUB,
  location: 'southeastasia',
};

let replay: Replay | undefined;
const sleeps: number[] = [];

async function serve(fixtures: string[], subscriptionId = SUB): Promise<AzurePort> {
  replay = await startReplay(fixtures);
  return createAzurePort({
    subscriptionId,
    endpoint: replay.url,
    credential: simulatorCredential,
    tlsCa: replay.ca,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    retry: { maxRetries: 0, retryDelayInMs: 1, maxRetryDelayInMs: 1 },
    requestTimeoutMs: 5_000,
    defaultPollMs: 0,
  });
}

/** The SDK clients themselves, for reads the port makes only inside a larger call. */
async function clients(fixtures: string[]) {
  replay = await startReplay(fixtures);
  return createClients({
    subscriptionId: SUB,
    endpoint: replay.url,
    credential: simulatorCredential,
    tlsCa: replay.ca,
    retry: { maxRetries: 0 },
    requestTimeoutMs: 5_000,
  });
}

const seen = (method: string) =>
  replay!.requests.filter((r) => r.method === method).map((r) => decodeURIComponent(r.path));

afterEach(async () => {
  await replay?.close();
  replay = undefined;
  sleeps.length = 0;
});

describe('protect (test_backup_rp.yaml)', () => {
  it("names the protected item from the protectable item's id, not its name, and reports the ConfigureBackup job", async () => {
    const listed = loadFixture('backup-protectable-items-list').response.body as {
      value: { id: string; name: string }[];
    };
    const mine = listed.value.find((i) => i.name.endsWith(';clitest-vm000003'))!;
    expect(mine.name).toBe('iaasvmcontainerv2;clitest.rg000001;clitest-vm000003');
    expect(mine.id.endsWith('/protectableItems/vm;iaasvmcontainerv2;clitest.rg000001;clitest-vm000003')).toBe(true);

    const port = await serve([
      'backup-protectable-items-list',
      'backup-protect-put-202',
      'backup-operation-status-inprogress',
      'backup-operation-status-succeeded-configure',
    ]);
    const { jobId } = await port.enableProtection(VM, VAULT, `${VAULT}/backupPolicies/DefaultPolicy`);
    const [put] = seen('PUT');
    expect(put).toBe(
      `${VAULT.replace('/subscriptions/', '/subscriptions/')}/backupFabrics/Azure/protectionContainers/IaasVMContainer;iaasvmcontainerv2;clitest.rg000001;clitest-vm000003/protectedItems/vm;iaasvmcontainerv2;clitest.rg000001;clitest-vm000003`,
    );
    expect(jobId).toBe('4a9ed689-1cf3-474e-98ff-960604b73cfb');
    // Followed where the CLI follows it (the vault's backupOperations), first at once.
    expect(seen('GET').filter((p) => /\/backupOperations\//.test(p))).toHaveLength(2);
    expect(sleeps[0]).toBe(0);
  });
});

describe('protection status', () => {
  it('a VM protected but never backed up: "never", not 2001-01-01 (backupStatus + protectedItems.get)', async () => {
    const port = await serve(['backup-status', 'backup-protected-item-never-backed-up']);
    const protection = await port.getProtection(VM);
    expect(protection).toMatchObject({ vaultId: VAULT, policyName: 'DefaultPolicy', protectionState: 'IRPending' });
    expect(protection?.lastBackupTime).toBeUndefined();
    expect(protection?.lastBackupStatus).toBeUndefined();
    expect(protection?.lastRecoveryPoint).toBeUndefined();
  });

  it('backupStatus NotProtected (names present, no vault): not protected, and nothing else is read', async () => {
    const port = await serve(['backup-status-not-protected']);
    await expect(port.getProtection(VM)).resolves.toBeUndefined();
    expect(replay!.requests).toHaveLength(1);
  });
});

describe('backup now (Az.RecoveryServices TestAzureVMBackup.json)', () => {
  it('takes the job id from the vault operation at once, though the 202 says Retry-After: 60, and keeps the request id', async () => {
    const trigger = loadFixture('backup-trigger-202-retry-after');
    expect(trigger.response.headers['retry-after']).toBe('60');
    const port = await serve(
      ['backup-trigger-202-retry-after', 'backup-operation-status-succeeded-2023'],
      '38304e13-357e-405e-9e9a-220351dcce8c',
    );
    const vault =
      '/subscriptions/38304e13-357e-405e-9e9a-220351dcce8c/resourceGroups/hiagarg/providers/Microsoft.RecoveryServices/vaults/hiaga-adhoc-vault';
    const vm: VmRef = {
      id: '/subscriptions/38304e13-357e-405e-9e9a-220351dcce8c/resourceGroups/hiagarg/providers/Microsoft.Compute/virtualMachines/hiaga-adhoc-vm',
      name: 'hiaga-adhoc-vm',
      resourceGroup: 'hiagarg',
      subscriptionId: '38304e13-357e-405e-9e9a-220351dcce8c',
      location: 'southeastasia',
    };
    const protection = {
      vaultId: vault,
      containerName: 'IaasVMContainer;iaasvmcontainerv2;hiagarg;hiaga-adhoc-vm',
      protectedItemName: 'VM;iaasvmcontainerv2;hiagarg;hiaga-adhoc-vm',
      protectionState: 'Protected',
    };
    const result = await port.triggerBackup(protection, vm, new Date(Date.now() + 86_400_000));
    expect(result).toEqual({
      jobId: '1c69ea92-de4b-4359-8f11-eb7e62d0a6cb',
      requestId: 'e7714760-0486-4eac-85eb-3a1672be2cde',
    });
    expect(sleeps).toEqual([]);
  });
});

describe('jobs', () => {
  it('a job list: status, operation, VM and the job id from each id (test_backup_job.yaml)', async () => {
    const port = await serve(['backup-job-list']);
    const jobs = await port.listJobs(VAULT, new Date(0));
    expect(jobs.map((j) => [j.operation, j.status, j.entityFriendlyName])).toEqual([
      ['Restore', 'InProgress', 'clitest-vm000003'],
      ['Backup', 'Completed', 'clitest-vm000003'],
      ['ConfigureBackup', 'Completed', 'clitest-vm000003'],
    ]);
    expect(jobs.every((j) => /^[0-9a-f-]{36}$/.test(j.jobId))).toBe(true);
    expect(jobs.find((j) => j.status === 'InProgress')?.endTime).toBeUndefined();
  });

  it('a list item carries its errors: the code text from errorTitle (errorCode is a number), the message, the advice', async () => {
    const port = await serve(['backup-job-list-with-failed']);
    const warned = (await port.listJobs(VAULT, new Date(0))).find((j) => j.errors.length);
    expect(warned).toMatchObject({ status: 'CompletedWithWarnings', operation: 'Backup' });
    expect(warned?.errors).toEqual([
      {
        code: 'ResourceNotFound',
        message: 'Could not perform the operation as VM no longer exists.',
        recommendations: [
          'Stop protecting virtual machine without deleting backup data. More details at http://go.microsoft.com/fwlink/?LinkId=808124 ',
        ],
      },
    ]);
  });

  it('job details: the failed step, the errors and the property bag as Azure writes it', async () => {
    const port = await serve(['backup-job-failed']);
    const job = await port.getJob(VAULT, 'e0a518a9-8f06-4c9b-a39a-3129180bf13b');
    expect(job).toMatchObject({ status: 'CompletedWithWarnings', errors: [{ code: 'ResourceNotFound' }] });
    expect(job.propertyBag?.['Recovery Point Expiry Time in UTC']).toBe('12/20/2020 12:00:00 AM');
    expect(job.progressPercentage).toBeUndefined();
  });

  it('a running backup (api 2023-01-01): its step, no end time (0001-01-01 is "not yet"), no percentage', async () => {
    const port = await serve(['backup-job-details-backup-inprogress'], '38304e13-357e-405e-9e9a-220351dcce8c');
    const vault =
      '/subscriptions/38304e13-357e-405e-9e9a-220351dcce8c/resourceGroups/hiagarg/providers/Microsoft.RecoveryServices/vaults/hiaga-adhoc-vault';
    const job = await port.getJob(vault, '1c69ea92-de4b-4359-8f11-eb7e62d0a6cb');
    expect(job).toMatchObject({
      operation: 'Backup',
      status: 'InProgress',
      currentTask: 'Take Snapshot',
      entityFriendlyName: 'hiaga-adhoc-vm',
    });
    expect(job.endTime).toBeUndefined();
    expect(job.progressPercentage).toBeUndefined();
  });

  it('a restore reports its progress; a finished one its config and template blobs (test_backup_restore.yaml)', async () => {
    let port = await serve(['backup-job-details-restore-inprogress']);
    const running = loadFixture('backup-job-details-restore-inprogress');
    const id = (running.response.body as { name: string }).name;
    const vaultId = (running.response.body as { id: string }).id.replace(/\/backupJobs\/.*$/, '');
    expect(await port.getJob(vaultId, id)).toMatchObject({
      operation: 'Restore',
      status: 'InProgress',
      progressPercentage: 1,
    });
    await replay!.close();
    port = await serve(['backup-job-details-restore']);
    const done = loadFixture('backup-job-details-restore').response.body as { name: string };
    const finished = await port.getJob(vaultId, done.name);
    expect(finished.status).toBe('Completed');
    expect(finished.propertyBag?.['Config Blob Uri']).toMatch(/^https:\/\/.+\.json$/);
    expect(finished.propertyBag?.['Template Blob Uri']).toMatch(/^https:\/\//);
  });
});

/** The protected item a recorded recovery point belongs to, named as its id names it. */
function itemOf(pointId: string): ItemPlace {
  const m =
    /^(.*\/vaults\/[^/]+)\/backupFabrics\/Azure\/protectionContainers\/([^/]+)\/protectedItems\/([^/]+)\//i.exec(
      pointId,
    )!;
  return {
    vaultId: m[1].replace(/^\/Subscriptions\//, '/subscriptions/'),
    containerName: m[2],
    protectedItemName: m[3],
  };
}

describe('recovery points (test_backup_rp.yaml)', () => {
  it('tiers read whether Azure writes them as numbers (2020-10-01) or names (2025-02-01); AppConsistent; names from ids', async () => {
    for (const [fixture, digits] of [
      ['backup-recovery-points-list-2021', 19],
      ['backup-recovery-points-list', 16],
    ] as const) {
      const recorded = loadFixture(fixture).response.body as { value: { id: string }[] };
      const port = await serve([fixture]);
      const points = await port.listRecoveryPoints(itemOf(recorded.value[0].id));
      expect(points.length).toBeGreaterThan(0);
      expect(points[0]).toMatchObject({
        consistency: 'AppConsistent',
        isSourceVmEncrypted: false,
        tiers: ['Snapshot', 'Vault'],
      });
      expect(points.every((p) => p.name.length === digits && p.id.endsWith(`/recoveryPoints/${p.name}`))).toBe(true);
      expect(points.map((p) => p.time.getTime())).toEqual(
        [...points.map((p) => p.time.getTime())].sort((a, b) => b - a),
      );
      await replay!.close();
    }
  });

  it('one point read on its own, as before a restore', async () => {
    const recorded = loadFixture('backup-recovery-point-get').response.body as { id: string; name: string };
    const port = await serve(['backup-recovery-point-get']);
    const point = await port.getRecoveryPoint(itemOf(recorded.id), recorded.name);
    expect(point).toMatchObject({ name: recorded.name, consistency: 'AppConsistent', isSourceVmEncrypted: false });
    expect(point?.keyAndSecret).toBeUndefined();
  });
});

describe('restore (test_backup_restore.yaml)', () => {
  it("a restore of disks is accepted and its job is the operation's", async () => {
    const port = await serve(['restore-trigger-202', 'restore-operation-status-succeeded']);
    const sub = (n: string) => `/subscriptions/${SUB}/resourceGroups/clitest.rg000001${n}`;
    const vault = sub('/providers/Microsoft.RecoveryServices/vaults/clitest-vault000003');
    const rp = decodeURIComponent(loadFixture('restore-trigger-202').request.url).match(
      /recoveryPoints\/(\d+)\/restore/,
    )![1];
    const { jobId } = await port.triggerRestore({
      vm: {
        id: sub('/providers/Microsoft.Compute/virtualMachines/clitest-vm000004'),
        name: 'clitest-vm000004',
        resourceGroup: 'clitest.rg000001',
        subscriptionId: SUB,
        location: 'southeastasia',
        osType: 'Linux',
        managedDisks: true,
        disks: [],
        encryption: 'PMK',
        agent: { state: 'Ready' },
      },
      protection: {
        vaultId: vault,
        containerName: 'IaasVMContainer;iaasvmcontainerv2;clitest.rg000001;clitest-vm000004',
        protectedItemName: 'VM;iaasvmcontainerv2;clitest.rg000001;clitest-vm000004',
        protectionState: 'Protected',
      },
      recoveryPoint: {
        id: '',
        name: rp,
        time: new Date(),
        consistency: 'AppConsistent',
        tiers: ['Vault'],
        isSourceVmEncrypted: false,
      },
      kind: 'RestoreDisks',
      targetResourceGroupId: `/subscriptions/${SUB}/resourceGroups/clitest.rg000001`,
      storageAccountId: sub('/providers/Microsoft.Storage/storageAccounts/clitest000002'),
      region: 'southeastasia',
      crossRegion: false,
    });
    expect(jobId).toBe('dec60ea6-3fdd-4076-b5fd-51be4addd15e');
    expect((replay!.requests.find((r) => r.method === 'POST')!.body as any).properties.encryptionDetails).toEqual({
      encryptionEnabled: false,
    });
  });
});

describe('policies and vaults', () => {
  it("lists only the vault's Azure VM policies, in words the protect card can use", async () => {
    const port = await serve(['backup-policies-list']);
    const policies = await port.listPolicies(VAULT);
    expect(policies.length).toBeGreaterThan(0);
    expect(policies.map((p) => p.name)).not.toContain('HourlyLogBackup');
    expect(policies.find((p) => p.name === 'DefaultPolicy')).toMatchObject({
      scheduleFrequency: 'Daily',
      dailyRetentionDays: 30,
    });
  });

  it('an Enhanced (V2) weekly policy: its run days and times from weeklySchedule (Az.RecoveryServices)', async () => {
    const c = await clients(['backup-policy-get-v2-weekly']);
    const policy = toPolicyInfo(await c.backup.protectionPolicies.get('hiagaVault', 'hiagarg', 'psTestEnhancedPolicy'));
    expect(policy).toMatchObject({ scheduleFrequency: 'Weekly', scheduleWeekdays: expect.any(Array) });
    expect(policy?.scheduleTimes.length).toBeGreaterThan(0);
  });

  it('a Recovery Services vault: its region and cross-region restore flag (test_backup_rp.yaml, test_backup_vault.yaml)', async () => {
    const port = await serve(['backup-vault-get-2021', 'backup-storage-config']);
    await expect(port.getRecoveryVault(VAULT)).resolves.toMatchObject({
      name: 'clitest-vault000002',
      location: 'southeastasia',
      crossRegionRestore: false,
    });
  });
});

describe('compute (test_vm_disk_encryption_e2e.yaml)', () => {
  it('ADE single pass shows only in the instance view: BEK only, its secret and Key Vault', async () => {
    const c = await clients(['compute-vm-get-instance-view-ade']);
    const vm = await c.compute.virtualMachines.get('cli_test_vm_encryption000001', 'vm1', { expand: 'instanceView' });
    const details = toVmDetails(vm, []);
    expect(details.encryption).toBe('ADE_BEK');
    expect(details.ade?.secretUrl).toMatch(/^https:\/\/vault000002\.vault\.azure\.net\/secrets\//);
    expect(details.ade?.secretVaultId).toMatch(/\/providers\/Microsoft\.KeyVault\/vaults\/vault000002$/);
    expect(details.osType).toBe('Windows');
  });

  it('before ADE: platform keys, and the agent "Not Ready" read as not ready', async () => {
    const c = await clients(['compute-vm-get-instance-view-before-ade']);
    const details = toVmDetails(
      await c.compute.virtualMachines.get('cli_test_vm_encryption000001', 'vm1', { expand: 'instanceView' }),
      [],
    );
    expect(details.encryption).toBe('PMK');
    expect(details.agent.state).toBe('NotReady');
  });

  it('finds a VM by name in a resource group', async () => {
    const port = await serve(['compute-vm-list']);
    const [vm] = await port.findVms('vm-with-public-ip', 'cli_test_vm_list_ip000001');
    expect(vm).toMatchObject({
      name: 'vm-with-public-ip',
      resourceGroup: 'cli_test_vm_list_ip000001',
      location: 'centralus',
    });
  });
});

describe('Key Vault and role assignments', () => {
  it('an access-policy vault (no enableRbacAuthorization key at all) with disk encryption on', async () => {
    const port = await serve(['keyvault-get-access-policy']);
    const vault = await port.getKeyVault(
      `/subscriptions/${SUB}/resourceGroups/cli_test_vm_encryption000001/providers/Microsoft.KeyVault/vaults/vault000002`,
    );
    expect(vault).toMatchObject({
      name: 'vault000002',
      permissionModel: 'accessPolicy',
      enabledForDiskEncryption: true,
    });
    expect(vault.accessPolicies.length).toBeGreaterThan(0);
  });

  it('an RBAC vault (no enabledForDiskEncryption key): RBAC, and disk encryption not enabled', async () => {
    const port = await serve(['keyvault-get-rbac']);
    const vault = await port.getKeyVault(
      `/subscriptions/${SUB}/resourceGroups/cli_test_keyvault_rbac000001/providers/Microsoft.KeyVault/vaults/cli-test-keyvault-000002`,
    );
    expect(vault).toMatchObject({ permissionModel: 'rbac', enabledForDiskEncryption: false, accessPolicies: [] });
  });

  it("a principal's assignments at the subscription: one on another resource (in Azure's list too) does not count", async () => {
    const port = await serve(['authorization-role-assignments-list']);
    const listed = loadFixture('authorization-role-assignments-list').response.body as {
      value: { properties: { scope: string; principalId: string } }[];
    };
    expect(listed.value.map((a) => a.properties.scope)).toEqual([expect.stringMatching(/\/mediaservices\/ams000003$/)]);
    await expect(
      port.listRoleAssignments(`/subscriptions/${SUB}`, listed.value[0].properties.principalId),
    ).resolves.toEqual([]);
    expect(replay!.requests[0]?.query['$filter']).toBe(`principalId eq '${listed.value[0].properties.principalId}'`);
  });
});
