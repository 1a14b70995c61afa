/**
 * Vaults, protection, policies, backup now and job progression: the real backup SDK against the simulator, with a
 * ManualClock moving the jobs.
 */
import { SIM_BACKUP_MANAGEMENT_OBJECT_ID, SIM_RECOVERY_VAULT_IDS, SIM_TENANT_ID } from '../../src/simulator';
import type { ProtectionInfo } from '../../src/azure/port';
import { fetchSim, seen, TIMINGS, useHarness, vmRef } from './sim-harness';

const [PROD, DEV] = SIM_RECOVERY_VAULT_IDS as [string, string];
const DAY = 86_400_000;

const h = useHarness();

async function protectionOf(name: string, rg: string): Promise<ProtectionInfo> {
  const p = await h.port.getProtection(await vmRef(h, name, rg));
  if (!p) throw new Error(`${name} is not protected`);
  return p;
}

describe('vaults and policies', () => {
  it('reads rsv-prod-japaneast with cross-region restore on, and rsv-dev-westeurope with it off', async () => {
    await expect(h.port.getRecoveryVault(PROD)).resolves.toMatchObject({
      name: 'rsv-prod-japaneast',
      resourceGroup: 'rg-backup',
      location: 'japaneast',
      crossRegionRestore: true,
    });
    await expect(h.port.getRecoveryVault(DEV)).resolves.toMatchObject({
      name: 'rsv-dev-westeurope',
      location: 'westeurope',
      crossRegionRestore: false,
    });
  });

  it('lists DefaultPolicy (daily, 30 days), GoldPolicy (90 days + 12 weeks) and EnhancedHourly (every 4 h)', async () => {
    const policies = await h.port.listPolicies(PROD);
    expect(policies.map((p) => p.name)).toEqual(['DefaultPolicy', 'GoldPolicy', 'EnhancedHourly']);
    expect(policies[2]).toMatchObject({
      scheduleFrequency: 'Hourly',
      scheduleTimes: [],
      hourly: { intervalHours: 4, windowStart: '2023-06-01T08:00:00.000Z', windowHours: 12 },
      dailyRetentionDays: 30,
    });
    expect(policies[0]).toMatchObject({
      scheduleFrequency: 'Daily',
      dailyRetentionDays: 30,
      scheduleTimes: ['2023-06-01T19:00:00.000Z'],
      protectedItemsCount: 3,
    });
    expect(policies[1]).toMatchObject({
      dailyRetentionDays: 90,
      weeklyRetentionWeeks: 12,
      timeZone: 'Tokyo Standard Time',
      protectedItemsCount: 1,
    });
    expect(seen(h, 'GET', /backupPolicies$/i)[0]?.query['$filter']).toBe("backupManagementType eq 'AzureIaasVM'");
  });
});

describe('getProtection', () => {
  it('finds vm001 protected in rsv-prod-japaneast with DefaultPolicy, last backup last night', async () => {
    const p = await protectionOf('vm001', 'rg-prod');
    expect(p).toMatchObject({
      vaultId: expect.stringMatching(/rsv-prod-japaneast$/),
      // Named as the item's id names it (backupStatus says 'iaasvmcontainer;…' and 'vm;…').
      containerName: 'IaasVMContainer;iaasvmcontainerv2;rg-prod;vm001',
      protectedItemName: 'VM;iaasvmcontainerv2;rg-prod;vm001',
      policyName: 'DefaultPolicy',
      protectionState: 'Protected',
      lastBackupStatus: 'Completed',
    });
    expect(h.clock.now() - (p.lastBackupTime as Date).getTime()).toBeLessThan(DAY);
    const status = seen(h, 'POST', /locations\/japaneast\/backupStatus$/i)[0];
    expect(status?.body).toEqual({ resourceId: expect.stringMatching(/virtualMachines\/vm001$/), resourceType: 'VM' });
  });

  it('reports vm002 with its failed last backup and no recovery point yet', async () => {
    await expect(protectionOf('vm002', 'rg-prod')).resolves.toMatchObject({
      protectionState: 'IRPending',
      lastBackupStatus: 'Failed',
      healthStatus: 'ActionRequired',
    });
  });

  it('answers undefined for unprotected VMs, including vm008 whose region has no vault', async () => {
    await expect(h.port.getProtection(await vmRef(h, 'vm003', 'rg-prod'))).resolves.toBeUndefined();
    await expect(h.port.getProtection(await vmRef(h, 'vm008', 'rg-east'))).resolves.toBeUndefined();
    expect(seen(h, 'POST', /locations\/eastus\/backupStatus$/i)).toHaveLength(1);
  });
});

describe('jobs already in the vault', () => {
  it("shows last night's scheduled jobs: vm001 completed, vm002 failed on the Key Vault (its details say why)", async () => {
    const jobs = await h.port.listJobs(PROD, new Date(h.clock.now() - 2 * DAY));
    const vm001 = jobs.find((j) => j.entityFriendlyName === 'vm001');
    const vm002 = jobs.find((j) => j.entityFriendlyName === 'vm002');
    expect(vm001).toMatchObject({ operation: 'Backup', status: 'Completed', errors: [] });
    // As in Azure's recorded job lists, the list item already carries the errors; the steps are in the details.
    expect(vm002).toMatchObject({
      operation: 'Backup',
      status: 'Failed',
      errors: [{ code: 'UserErrorKeyvaultPermissionsNotConfigured' }],
    });
    expect(vm002?.currentTask).toBeUndefined();
    const details = await h.port.getJob(PROD, vm002!.jobId);
    expect(details.errors[0]?.code).toBe('UserErrorKeyvaultPermissionsNotConfigured');
    expect(details.errors[0]?.recommendations.length).toBeGreaterThan(0);
  });

  it('sends the real $filter grammar and the simulator rejects a malformed one', async () => {
    const list = seen(h, 'GET', /backupJobs$/i).pop();
    expect(list?.query['$filter']).toMatch(
      /^startTime eq '\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} (AM|PM)' and endTime eq '\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} (AM|PM)'$/,
    );
    const jobsPath = `${PROD}/backupJobs?$filter=`;
    const example =
      "startTime eq '2016-01-01 00:00:00 AM' and endTime eq '2017-11-29 00:00:00 AM' and operation eq 'Backup' and backupManagementType eq 'AzureIaasVM' and status eq 'InProgress'";
    await expect(fetchSim(h, 'GET', jobsPath + encodeURIComponent(example))).resolves.toMatchObject({
      status: 200,
      json: { value: [] },
    });
    for (const bad of [
      "startTime eq '2016-01-01T00:00:00Z'",
      "status eq 'Running'",
      "startTime gt '2016-01-01 00:00:00 AM'",
      'garbage',
    ]) {
      await expect(fetchSim(h, 'GET', jobsPath + encodeURIComponent(bad))).resolves.toMatchObject({
        status: 400,
        json: { error: { code: 'BMSUserErrorInvalidInput' } },
      });
    }
  });

  it('filters by status and operation the way the service does', async () => {
    const failedOnly = `${PROD}/backupJobs?$filter=${encodeURIComponent("status eq 'Failed' and operation eq 'Backup'")}`;
    const res = await fetchSim(h, 'GET', failedOnly);
    const names = (
      res.json as { value: Array<{ properties: { entityFriendlyName: string; status: string } }> }
    ).value.map((j) => j.properties);
    expect(names).toEqual([{ ...names[0], entityFriendlyName: 'vm002', status: 'Failed' }]);
  });
});

describe('backup now', () => {
  it('triggers a backup of vm001 and returns its job id', async () => {
    const protection = await protectionOf('vm001', 'rg-prod');
    const expiry = new Date(h.clock.now() + 10 * DAY);
    const { jobId, requestId } = await h.port.triggerBackup(protection, await vmRef(h, 'vm001', 'rg-prod'), expiry);
    expect(jobId).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const post = seen(h, 'POST', /protectedItems\/vm;iaasvmcontainerv2;rg-prod;vm001\/backup$/i);
    expect(post).toHaveLength(1);
    expect(post[0]?.body).toEqual({
      properties: { objectType: 'IaasVMBackupRequest', recoveryPointExpiryTimeInUTC: expiry.toISOString() },
    });
    // The operation is followed where azure-cli and PowerShell follow it: the vault's backupOperations/{id}.
    expect(seen(h, 'GET', /\/vaults\/[^/]+\/backupOperations\//i).length).toBeGreaterThanOrEqual(2);
    expect(h.sleeps.every((ms) => ms === 0)).toBe(true);

    const started = (await h.port.listJobs(PROD, new Date(h.clock.now() - 60_000))).find((j) => j.jobId === jobId);
    expect(started).toMatchObject({ operation: 'Backup', status: 'InProgress', entityFriendlyName: 'vm001' });
    expect(await h.port.getJob(PROD, jobId)).toMatchObject({ status: 'InProgress', currentTask: 'Take Snapshot' });

    h.clock.advance(TIMINGS.snapshotMs + 1_000);
    expect(await h.port.getJob(PROD, jobId)).toMatchObject({
      status: 'InProgress',
      currentTask: 'Transfer data to vault',
    });

    h.clock.advance(TIMINGS.transferMs);
    const done = await h.port.getJob(PROD, jobId);
    expect(done).toMatchObject({ status: 'Completed', errors: [] });
    expect(done.endTime?.getTime()).toBe(done.startTime.getTime() + TIMINGS.snapshotMs + TIMINGS.transferMs);
    expect(done.durationMs).toBe(TIMINGS.snapshotMs + TIMINGS.transferMs);
    expect(done.currentTask).toBeUndefined();
    expect((await h.port.listJobs(PROD, new Date(h.clock.now() - DAY))).find((j) => j.jobId === jobId)).toMatchObject({
      status: 'Completed',
    });

    const points = await h.port.listRecoveryPoints(protection);
    expect(points).toHaveLength(4);
    expect(points[0]).toMatchObject({ isSourceVmEncrypted: true, tiers: ['Snapshot', 'Vault'] });
    expect(points[0]?.keyAndSecret?.kekUrl).toMatch(/kv-ade-prod\.vault\.azure\.net\/keys\//);
    await expect(protectionOf('vm001', 'rg-prod')).resolves.toMatchObject({
      lastBackupStatus: 'Completed',
      lastRecoveryPoint: points[0]?.time,
    });
  });

  it('a paused clock is a frozen job', async () => {
    const protection = await protectionOf('vm005', 'rg-dev');
    const { jobId } = await h.port.triggerBackup(
      protection,
      await vmRef(h, 'vm005', 'rg-dev'),
      new Date(h.clock.now() + DAY),
    );
    const first = await h.port.getJob(PROD, jobId);
    const second = await h.port.getJob(PROD, jobId);
    expect(second).toEqual(first);
    expect(second).toMatchObject({ status: 'InProgress', currentTask: 'Take Snapshot' });
    // Backup jobs report no percentage (only restores do: azure-cli test_backup_job.yaml); the expiry is written the
    // way the property bag writes times.
    expect(second.progressPercentage).toBeUndefined();
    expect(second.propertyBag?.['Recovery Point Expiry Time in UTC']).toMatch(
      /^\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d{2}:\d{2} [AP]M$/,
    );
    h.clock.advance(TIMINGS.snapshotMs + TIMINGS.transferMs);
  });

  it('vm002 fails with the Key Vault code after the snapshot phase, then succeeds once Backup has the access policy', async () => {
    const vm = await vmRef(h, 'vm002', 'rg-prod');
    const protection = await protectionOf('vm002', 'rg-prod');
    const failed = await h.port.triggerBackup(protection, vm, new Date(h.clock.now() + DAY));
    h.clock.advance(TIMINGS.snapshotMs - 1);
    expect(await h.port.getJob(PROD, failed.jobId)).toMatchObject({
      status: 'InProgress',
      currentTask: 'Take Snapshot',
    });
    h.clock.advance(1);
    const job = await h.port.getJob(PROD, failed.jobId);
    expect(job.status).toBe('Failed');
    expect(job.errors[0]).toMatchObject({
      code: 'UserErrorKeyVaultPermissionsNotConfigured',
      message: expect.stringContaining('Key Vault'),
    });

    const vmDetails = await h.port.getVm(vm);
    await h.port.addAccessPolicy(vmDetails.ade?.secretVaultId as string, {
      tenantId: SIM_TENANT_ID,
      objectId: SIM_BACKUP_MANAGEMENT_OBJECT_ID,
      keys: [],
      secrets: ['get', 'list', 'backup'],
      certificates: [],
    });
    const retry = await h.port.triggerBackup(protection, vm, new Date(h.clock.now() + DAY));
    h.clock.advance(TIMINGS.snapshotMs + TIMINGS.transferMs);
    expect(await h.port.getJob(PROD, retry.jobId)).toMatchObject({ status: 'Completed', errors: [] });
    await expect(protectionOf('vm002', 'rg-prod')).resolves.toMatchObject({
      protectionState: 'Protected',
      lastBackupStatus: 'Completed',
    });
  });

  it('refuses a protected item that belongs to another VM', async () => {
    const protection = await protectionOf('vm001', 'rg-prod');
    await expect(
      h.port.triggerBackup(protection, await vmRef(h, 'vm006', 'rg-legacy'), new Date(h.clock.now() + DAY)),
    ).rejects.toMatchObject({ code: 'InvalidInput' });
  });

  it('answers ResourceNotFound for an unknown job id', async () => {
    await expect(h.port.getJob(PROD, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
      code: 'ResourceNotFound',
      statusCode: 404,
    });
    await expect(h.port.getJob(PROD, 'not-a-guid')).rejects.toMatchObject({ code: 'InvalidInput' });
  });
});
