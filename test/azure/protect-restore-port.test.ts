/** Enabling protection (with discovery), recovery points and restores, through the real backup SDK. */
import {
  KEY_VAULT_ADMINISTRATOR_ROLE_ID,
  SIM_BACKUP_MANAGEMENT_OBJECT_ID,
  SIM_RECOVERY_VAULT_IDS,
  SIM_SUBSCRIPTION_ID,
} from '../../src/simulator';
import type { RestoreRequest } from '../../src/azure/port';
import { fetchSim, seen, TIMINGS, useHarness, vmRef } from './sim-harness';

const [PROD] = SIM_RECOVERY_VAULT_IDS as [string];
const GOLD = `${PROD}/backupPolicies/GoldPolicy`;
const DEFAULT = `${PROD}/backupPolicies/DefaultPolicy`;
const RG = (name: string, sub = SIM_SUBSCRIPTION_ID) => `/subscriptions/${sub}/resourceGroups/${name}`;
const STORAGE = `${RG('rg-restore')}/providers/Microsoft.Storage/storageAccounts/strestorestaging`;

const h = useHarness({}, { backupManagementObjectId: SIM_BACKUP_MANAGEMENT_OBJECT_ID });

describe('enableProtection', () => {
  it('refreshes containers first for vm004, then protects it and reports the ConfigureBackup job', async () => {
    const vm = await vmRef(h, 'vm004', 'rg-dev');
    const from = h.sim.requests.length;
    const { jobId } = await h.port.enableProtection(vm, PROD, GOLD);
    const calls = h.sim.requests.slice(from).map((r) => `${r.method} ${r.path.split('/').slice(-2).join('/')}`);
    expect(calls).toEqual([
      'GET rsv-prod-japaneast/backupProtectableItems',
      'POST Azure/refreshContainers',
      expect.stringMatching(/^GET operationResults\//),
      expect.stringMatching(/^GET operationResults\//),
      'GET rsv-prod-japaneast/backupProtectableItems',
      'PUT protectedItems/vm;iaasvmcontainerv2;rg-dev;vm004',
      expect.stringMatching(/^GET backupOperations\//),
      expect.stringMatching(/^GET backupOperations\//),
    ]);
    const put = seen(h, 'PUT', /protectedItems\/VM;iaasvmcontainerv2;rg-dev;vm004$/i)[0];
    expect(put?.path).toContain('/protectionContainers/IaasVMContainer;iaasvmcontainerv2;rg-dev;vm004/');
    expect(put?.body).toEqual({
      properties: { protectedItemType: 'Microsoft.Compute/virtualMachines', sourceResourceId: vm.id, policyId: GOLD },
    });

    expect(jobId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await h.port.getJob(PROD, jobId as string)).toMatchObject({
      operation: 'ConfigureBackup',
      status: 'InProgress',
      entityFriendlyName: 'vm004',
    });
    h.clock.advance(TIMINGS.configureMs);
    expect(await h.port.getJob(PROD, jobId as string)).toMatchObject({ status: 'Completed' });
    const protection = await h.port.getProtection(vm);
    expect(protection).toMatchObject({ policyName: 'GoldPolicy', protectionState: 'IRPending' });
    // Never backed up: Azure says 2001-01-01 and an empty status; the port says nothing rather than a date.
    const raw = await fetchSim(h, 'GET', put.path, { apiVersion: '2023-06-01' });
    expect(raw.json).toMatchObject({ properties: { lastBackupTime: '2001-01-01T00:00:00Z', lastBackupStatus: '' } });
    expect(protection?.lastBackupTime).toBeUndefined();
    expect(protection?.lastBackupStatus).toBeUndefined();
  });

  it("names the item from the protectable item's id, whose last segment differs from its name field", async () => {
    const vm = await vmRef(h, 'vm007', 'rg-dev');
    const listed = await fetchSim(h, 'GET', `${PROD}/backupProtectableItems`, { apiVersion: '2023-06-01' });
    const item = (
      listed.json as { value: { id: string; name: string; properties: { virtualMachineId: string } }[] }
    ).value.find((i) => i.properties.virtualMachineId.toLowerCase() === vm.id.toLowerCase());
    expect(item?.name).toBe('iaasvmcontainerv2;rg-dev;vm007');
    expect(item?.id).toBe(
      `${PROD}/backupFabrics/Azure/protectionContainers/IaasVMContainer;iaasvmcontainerv2;rg-dev;vm007/protectableItems/vm;iaasvmcontainerv2;rg-dev;vm007`,
    );
    // The request a client naming items from `name` would send is refused, as Azure refuses it.
    const body = {
      properties: {
        protectedItemType: 'Microsoft.Compute/virtualMachines',
        sourceResourceId: vm.id,
        policyId: DEFAULT,
      },
    };
    const container = `${PROD}/backupFabrics/Azure/protectionContainers/IaasVMContainer;iaasvmcontainerv2;rg-dev;vm007`;
    const wrong = await fetchSim(h, 'PUT', `${container}/protectedItems/iaasvmcontainerv2;rg-dev;vm007`, {
      body,
      apiVersion: '2023-06-01',
    });
    expect(wrong.status).toBe(400);
    expect(
      h.sim.estate.recoveryVaults.some((v) => v.items.some((i) => i.vmId.toLowerCase() === vm.id.toLowerCase())),
    ).toBe(false);

    await h.port.enableProtection(vm, PROD, DEFAULT);
    expect(seen(h, 'PUT', /\/protectedItems\/[^/]+$/).pop()?.path).toBe(
      `${container}/protectedItems/vm;iaasvmcontainerv2;rg-dev;vm007`,
    );
  });

  it('uses the already discovered web01 (rg-prod) without a refresh', async () => {
    const from = h.sim.requests.length;
    await h.port.enableProtection(await vmRef(h, 'web01', 'rg-prod'), PROD, DEFAULT);
    expect(h.sim.requests.slice(from).some((r) => /refreshContainers$/i.test(r.path))).toBe(false);
  });

  it('fails for vm003 with the Key Vault code until Backup has a role on the RBAC vault', async () => {
    const vm = await vmRef(h, 'vm003', 'rg-prod');
    await expect(h.port.enableProtection(vm, PROD, DEFAULT)).rejects.toMatchObject({
      code: 'UserErrorKeyVaultPermissionsNotConfigured',
    });
    const details = await h.port.getVm(vm);
    await h.port.createRoleAssignment(
      details.ade?.secretVaultId as string,
      KEY_VAULT_ADMINISTRATOR_ROLE_ID,
      SIM_BACKUP_MANAGEMENT_OBJECT_ID,
    );
    await expect(h.port.enableProtection(vm, PROD, DEFAULT)).resolves.toMatchObject({ jobId: expect.any(String) });
  });

  it('cannot protect vm008 from a vault in another region', async () => {
    await expect(h.port.enableProtection(await vmRef(h, 'vm008', 'rg-east'), PROD, DEFAULT)).rejects.toMatchObject({
      code: 'ProtectableItemNotFound',
    });
  });

  it('refuses a policy from another vault', async () => {
    await expect(
      h.port.enableProtection(
        await vmRef(h, 'vm007', 'rg-dev'),
        PROD,
        `${SIM_RECOVERY_VAULT_IDS[1]}/backupPolicies/DefaultPolicy`,
      ),
    ).rejects.toMatchObject({ code: 'InvalidInput' });
  });
});

describe('recovery points and restore', () => {
  async function restoreOf(kind: RestoreRequest['kind'], extra: Partial<RestoreRequest> = {}): Promise<RestoreRequest> {
    const ref = await vmRef(h, 'vm001', 'rg-prod');
    const protection = await h.port.getProtection(ref);
    if (!protection) throw new Error('vm001 should be protected');
    const [latest] = await h.port.listRecoveryPoints(protection);
    if (!latest) throw new Error('vm001 should have recovery points');
    return {
      vm: await h.port.getVm(ref),
      protection,
      recoveryPoint: latest,
      kind,
      targetResourceGroupId: RG('rg-restore'),
      storageAccountId: STORAGE,
      region: 'japaneast',
      crossRegion: false,
      ...extra,
    };
  }

  it('lists vm001 points newest first, the latest encrypted with its BEK and KEK', async () => {
    const req = await restoreOf('RestoreDisks');
    const points = await h.port.listRecoveryPoints(req.protection);
    expect(points.length).toBeGreaterThanOrEqual(3);
    expect(points.map((p) => p.time.getTime())).toEqual([...points.map((p) => p.time.getTime())].sort((a, b) => b - a));
    expect(points[0]).toMatchObject({
      isSourceVmEncrypted: true,
      consistency: 'AppConsistent',
      tiers: ['Snapshot', 'Vault'],
    });
    expect(points.every((p) => /^\d{16}$/.test(p.name))).toBe(true);
    await expect(h.port.getRecoveryPoint(req.protection, points[0].name)).resolves.toEqual(points[0]);
    await expect(h.port.getRecoveryPoint(req.protection, '1234567890123456')).resolves.toBeUndefined();
    expect(points[0]?.keyAndSecret).toEqual({
      secretUrl: req.vm.ade?.secretUrl,
      secretVaultId: req.vm.ade?.secretVaultId,
      kekUrl: req.vm.ade?.kekUrl,
      kekVaultId: req.vm.ade?.kekVaultId,
    });
  });

  it('restores the disks of vm001 with the encryption details of the point, and follows the job', async () => {
    const req = await restoreOf('RestoreDisks');
    const { jobId, requestId } = await h.port.triggerRestore(req);
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const post = seen(h, 'POST', new RegExp(`recoveryPoints/${req.recoveryPoint.name}/restore$`))[0];
    expect(post?.body).toEqual({
      properties: {
        objectType: 'IaasVMRestoreRequest',
        recoveryPointId: req.recoveryPoint.name,
        recoveryType: 'RestoreDisks',
        sourceResourceId: req.vm.id,
        storageAccountId: STORAGE,
        targetResourceGroupId: RG('rg-restore'),
        region: 'japaneast',
        createNewCloudService: false,
        originalStorageAccountOption: false,
        encryptionDetails: {
          encryptionEnabled: true,
          kekUrl: req.recoveryPoint.keyAndSecret?.kekUrl,
          secretKeyUrl: req.recoveryPoint.keyAndSecret?.secretUrl,
          kekVaultId: req.recoveryPoint.keyAndSecret?.kekVaultId,
          secretKeyVaultId: req.recoveryPoint.keyAndSecret?.secretVaultId,
        },
      },
    });
    expect(await h.port.getJob(PROD, jobId)).toMatchObject({
      operation: 'Restore',
      status: 'InProgress',
      currentTask: 'Transfer data',
      progressPercentage: 0,
    });
    h.clock.advance(TIMINGS.restoreMs);
    const done = await h.port.getJob(PROD, jobId);
    expect(done.status).toBe('Completed');
    expect(done.propertyBag?.['Config Blob Uri']).toMatch(/^https:\/\/strestorestaging\.blob\.core\.windows\.net\//);
    expect(done.propertyBag?.['Target resource group']).toBe('rg-restore');
  });

  it('creates a new VM (AlternateLocation) with the target VM, VNet and subnet ids', async () => {
    const subnet = `${RG('rg-restore')}/providers/Microsoft.Network/virtualNetworks/vnet-restore/subnets/default`;
    await h.port.triggerRestore(
      await restoreOf('AlternateLocation', { targetVmName: 'vm001-restored', targetSubnetId: subnet }),
    );
    const post = seen(h, 'POST', /\/restore$/).pop();
    expect(post?.body).toMatchObject({
      properties: {
        recoveryType: 'AlternateLocation',
        targetVirtualMachineId: `${RG('rg-restore')}/providers/Microsoft.Compute/virtualMachines/vm001-restored`,
        virtualNetworkId: `${RG('rg-restore')}/providers/Microsoft.Network/virtualNetworks/vnet-restore`,
        subnetId: subnet,
      },
    });
  });

  it('refuses to replace an ADE VM in place (OriginalLocation)', async () => {
    await expect(h.port.triggerRestore(await restoreOf('OriginalLocation'))).rejects.toMatchObject({
      code: 'UserErrorOriginalLocationRestoreNotSupportedForEncryptedVm',
      statusCode: 400,
      operation: 'restores.beginTrigger',
    });
  });

  it('refuses a target in another subscription', async () => {
    const other = '11111111-2222-4333-8444-555555555555';
    const req = await restoreOf('RestoreDisks', {
      targetResourceGroupId: RG('rg-x', other),
      storageAccountId: `${RG('rg-x', other)}/providers/Microsoft.Storage/storageAccounts/stx`,
    });
    await expect(h.port.triggerRestore(req)).rejects.toMatchObject({
      code: 'UserErrorCrossSubscriptionRestoreNotSupported',
      statusCode: 400,
    });
  });

  it('says plainly that cross-region restore is not implemented by the port', async () => {
    await expect(
      h.port.triggerRestore(await restoreOf('RestoreDisks', { crossRegion: true, region: 'japanwest' })),
    ).rejects.toMatchObject({ code: 'CrossRegionRestoreUnsupported' });
  });
});
