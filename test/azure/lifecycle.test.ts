/** Stop, delete, resume, undelete and the vault's guards, through the real backup SDK against the simulator. */
import { guardRequestFor } from '../../src/azure/lifecycle';
import type { ProtectionInfo, VmRef } from '../../src/azure/port';
import { SIM_RECOVERY_VAULT_IDS } from '../../src/simulator';
import { seen, TIMINGS, useHarness, vmRef } from './sim-harness';

const [PROD] = SIM_RECOVERY_VAULT_IDS as [string];
const DAY = 86_400_000;
const h = useHarness();

const prodVault = () => h.sim.estate.recoveryVaults.find((v) => v.id === PROD)!;
async function protectedVm(name: string, rg: string): Promise<{ vm: VmRef; protection: ProtectionInfo }> {
  const vm = await vmRef(h, name, rg);
  return { vm, protection: (await h.port.getProtection(vm))! };
}
const jobOf = async (jobId: string | undefined) => h.port.getJob(PROD, jobId!);

afterEach(() => {
  prodVault().security = undefined;
});

describe('getVaultGuards', () => {
  it("reads Azure's defaults when the vault says nothing more: soft delete on for 14 days, not immutable, no guard", async () => {
    await expect(h.port.getVaultGuards(PROD)).resolves.toEqual({
      vaultId: PROD,
      softDelete: { state: 'Enabled', retentionDays: 14 },
      immutability: 'Disabled',
    });
  });

  it('reads an always-on soft delete, a locked immutability and the Resource Guard with its requests', async () => {
    const guardId =
      '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-security/providers/Microsoft.DataProtection/resourceGuards/rg-guard';
    prodVault().security = {
      softDeleteState: 'AlwaysON',
      softDeleteDays: 30,
      immutability: 'Locked',
      guard: {
        id: guardId,
        operations: ['Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems/delete'],
        muaOperator: false,
      },
    };
    const guards = await h.port.getVaultGuards(PROD);
    expect(guards).toMatchObject({
      softDelete: { state: 'AlwaysON', retentionDays: 30 },
      immutability: 'Locked',
      resourceGuard: { id: guardId, name: 'rg-guard' },
    });
    expect(guardRequestFor(guards, 'deleteData')).toBe(`${guardId}/deleteProtectedItemRequests/default`);
    expect(guardRequestFor(guards, 'stopKeepData')).toBeUndefined();
  });
});

describe('stop, resume', () => {
  it('stops protection keeping every point (no policy, ProtectionStopped), then resumes it with a policy', async () => {
    const { vm, protection } = await protectedVm('vm005', 'rg-dev');
    const before = await h.port.listRecoveryPoints(protection);
    const stop = await h.port.stopProtection(protection, vm);
    expect(seen(h, 'PUT', /\/protectedItems\/[^/]+$/).pop()?.body).toEqual({
      properties: {
        protectedItemType: 'Microsoft.Compute/virtualMachines',
        sourceResourceId: vm.id,
        policyId: '',
        protectionState: 'ProtectionStopped',
      },
    });
    expect(await jobOf(stop.jobId)).toMatchObject({ operation: 'DisableBackup', entityFriendlyName: 'vm005' });
    const stopped = await h.port.getProtection(vm);
    expect(stopped).toMatchObject({ protectionState: 'ProtectionStopped' });
    expect(stopped?.policyId).toBeUndefined();
    expect(await h.port.listRecoveryPoints(protection)).toEqual(before);

    const resume = await h.port.resumeProtection(protection, vm, `${PROD}/backupPolicies/GoldPolicy`);
    expect(await jobOf(resume.jobId)).toMatchObject({ operation: 'ConfigureBackup' });
    await expect(h.port.getProtection(vm)).resolves.toMatchObject({
      protectionState: 'Protected',
      policyName: 'GoldPolicy',
    });
  });
});

describe('delete data, soft delete, undelete', () => {
  it("deletes the data into soft delete for the vault's days, lists it with its purge time, and undeletes it", async () => {
    const { vm, protection } = await protectedVm('vm006', 'rg-legacy');
    const del = await h.port.deleteBackupData(protection);
    expect(seen(h, 'DELETE', /\/protectedItems\/[^/]+$/)).toHaveLength(1);
    expect(await jobOf(del.jobId)).toMatchObject({ operation: 'DeleteBackupData' });
    const deleted = await h.port.getProtection(vm);
    expect(deleted).toMatchObject({ protectionState: 'ProtectionStopped' });
    expect(deleted?.deferredDelete?.at.getTime()).toBe(h.clock.now() + 14 * DAY);
    const listed = await h.port.listSoftDeleted(PROD);
    expect(listed).toEqual([
      expect.objectContaining({ vmName: 'vm006', vmId: vm.id, purgeAt: deleted!.deferredDelete!.at }),
    ]);

    h.clock.advance(TIMINGS.configureMs);
    const back = await h.port.undelete(protection, vm);
    expect(seen(h, 'PUT', /\/protectedItems\/[^/]+$/).pop()?.body).toMatchObject({
      properties: { policyId: '', isRehydrate: true, protectionState: 'ProtectionStopped' },
    });
    expect(await jobOf(back.jobId)).toMatchObject({
      operation: 'Undelete',
      propertyBag: expect.objectContaining({ 'Undelete flag': 'True' }),
    });
    const undeleted = await h.port.getProtection(vm);
    expect(undeleted?.deferredDelete).toBeUndefined();
    expect(await h.port.listSoftDeleted(PROD)).toEqual([]);
    expect((await h.port.listRecoveryPoints(protection)).length).toBeGreaterThan(0);
    await h.port.resumeProtection(protection, vm, `${PROD}/backupPolicies/DefaultPolicy`);
  });

  it('an immutable vault refuses to delete unexpired points, in the operation after the 202', async () => {
    prodVault().security = { softDeleteState: 'Enabled', softDeleteDays: 14, immutability: 'Unlocked' };
    const { protection } = await protectedVm('vm001', 'rg-prod');
    await expect(h.port.deleteBackupData(protection)).rejects.toMatchObject({
      code: 'UserErrorDeleteBackupItemOnImmutableItem',
    });
    expect(seen(h, 'DELETE', /\/protectedItems\/[^/]+$/).length).toBeGreaterThan(0);
    await expect(h.port.getProtection(await vmRef(h, 'vm001', 'rg-prod'))).resolves.toMatchObject({
      protectionState: 'Protected',
    });
  });
});

describe('multi-user authorization (Resource Guard)', () => {
  const guardId =
    '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-security/providers/Microsoft.DataProtection/resourceGuards/rg-guard';
  const ops = [
    'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems/delete',
    'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems/write#stopProtectionWithRetainData',
  ];

  it('without Backup MUA Operator on the guard, Azure refuses and says which role on which guard', async () => {
    prodVault().security = {
      softDeleteState: 'Enabled',
      softDeleteDays: 14,
      immutability: 'Disabled',
      guard: { id: guardId, operations: ops, muaOperator: false },
    };
    const { protection } = await protectedVm('vm001', 'rg-prod');
    const request = guardRequestFor(await h.port.getVaultGuards(PROD), 'deleteData');
    const mark = h.sim.requests.length;
    const refused = await h.port.deleteBackupData(protection, request).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'AuthorizationFailed', statusCode: 403 });
    expect((refused as Error).message).toContain('Backup MUA Operator');
    expect((refused as Error).message).toContain('rg-guard');
    expect(h.sim.requests.slice(mark).filter((r) => r.method === 'DELETE')).toHaveLength(0);
  });

  it("with the role, the guard's request is sent: stop carries it, delete is unlocked first", async () => {
    prodVault().security = {
      softDeleteState: 'Enabled',
      softDeleteDays: 14,
      immutability: 'Disabled',
      guard: { id: guardId, operations: ops, muaOperator: true },
    };
    const vm = await vmRef(h, 'web01', 'rg-prod');
    await h.port.enableProtection(vm, PROD, `${PROD}/backupPolicies/DefaultPolicy`);
    const protection = (await h.port.getProtection(vm))!;
    const guards = await h.port.getVaultGuards(PROD);
    await expect(h.port.stopProtection(protection, vm)).rejects.toMatchObject({
      code: 'UserErrorResourceGuardOperationRequestMissing',
    });
    const stop = await h.port.stopProtection(protection, vm, guardRequestFor(guards, 'stopKeepData'));
    expect(seen(h, 'PUT', /\/protectedItems\/[^/]+$/).pop()?.body).toMatchObject({
      properties: { resourceGuardOperationRequests: [`${guardId}/updateProtectedItemRequests/default`] },
    });
    expect(await jobOf(stop.jobId)).toMatchObject({ operation: 'DisableBackup' });

    const del = await h.port.deleteBackupData(protection, guardRequestFor(guards, 'deleteData'));
    const unlock = seen(h, 'POST', /\/backupResourceGuardProxies\/VaultProxy\/unlockDelete$/).pop();
    expect(unlock?.body).toEqual({
      resourceGuardOperationRequests: [`${guardId}/deleteProtectedItemRequests/default`],
      resourceToBeDeleted: expect.stringMatching(/\/protectedItems\/VM;iaasvmcontainerv2;rg-prod;web01$/),
    });
    expect(await jobOf(del.jobId)).toMatchObject({ operation: 'DeleteBackupData' });
  });
});

it('a vault with soft delete off deletes the data for good', async () => {
  prodVault().security = { softDeleteState: 'Disabled', softDeleteDays: 14, immutability: 'Disabled' };
  const vm = await vmRef(h, 'vm004', 'rg-dev');
  await h.port.enableProtection(vm, PROD, `${PROD}/backupPolicies/DefaultPolicy`);
  const protection = (await h.port.getProtection(vm))!;
  await h.port.deleteBackupData(protection);
  await expect(h.port.getProtection(vm)).resolves.toBeUndefined();
  expect((await h.port.listSoftDeleted(PROD)).map((i) => i.vmName)).not.toContain('vm004');
});

describe('immutable vaults (CRITICAL-OPS-FACTS §4)', () => {
  it('refuse a move to a policy that keeps points for less time, at the PUT, and allow a longer one', async () => {
    prodVault().security = { softDeleteState: 'Enabled', softDeleteDays: 14, immutability: 'Locked' };
    const { vm, protection } = await protectedVm('vm005', 'rg-dev');
    await expect(h.port.resumeProtection(protection, vm, `${PROD}/backupPolicies/DefaultPolicy`)).rejects.toMatchObject(
      { code: 'UserErrorOperationDeniedOnImmutableItem', statusCode: 400 },
    );
    await expect(h.port.getProtection(vm)).resolves.toMatchObject({ policyName: 'GoldPolicy' });
    const { vm: other, protection: on30Days } = await protectedVm('vm001', 'rg-prod');
    const longer = await h.port.resumeProtection(on30Days, other, `${PROD}/backupPolicies/GoldPolicy`);
    expect(await jobOf(longer.jobId)).toMatchObject({ operation: 'ConfigureBackup' });
  });

  it("a point's expiry (recoveryPointProperties.expiryTime) is read when Azure gives it", async () => {
    const { protection } = await protectedVm('vm006', 'rg-legacy');
    const item = prodVault().items.find((i) => i.friendlyName === 'vm006')!;
    const expiry = Date.parse('2027-01-31T00:00:00Z');
    item.recoveryPoints[0].expiry = expiry;
    try {
      const points = await h.port.listRecoveryPoints(protection);
      expect(points.find((p) => p.name === item.recoveryPoints[0].name)?.expiry).toEqual(new Date(expiry));
      expect(points.filter((p) => p.expiry === undefined)).toHaveLength(points.length - 1);
    } finally {
      delete item.recoveryPoints[0].expiry;
    }
  });
});
