/**
 * What `status` reads (getBackupStatus): the first time, where the VM is protected is found (backupStatus), then its
 * item, recovery points and running jobs; while that place is remembered, the three reads go out at once, and the job
 * list is asked for running jobs only. A VM whose protection went away is found afresh, not served from memory.
 */
import { SIM_RECOVERY_VAULT_IDS } from '../../src/simulator';
import { useHarness, vmRef } from './sim-harness';

const [PROD] = SIM_RECOVERY_VAULT_IDS as [string];
const DAY = 86_400_000;

const h = useHarness();

/** Requests from `mark` on, as `METHOD last-path-segment`. */
const since = (mark: number) => h.sim.requests.slice(mark).map((r) => `${r.method} ${r.path.split('/').pop()}`);

describe('getBackupStatus', () => {
  it('finds vm001 the first time, then reads its item, points and running jobs in one round', async () => {
    const vm = await vmRef(h, 'vm001', 'rg-prod');
    let mark = h.sim.requests.length;
    const first = await h.port.getBackupStatus(vm, new Date(h.clock.now() - DAY));
    expect(first?.protection).toMatchObject({ policyName: 'DefaultPolicy', protectionState: 'Protected' });
    expect(first?.points.length).toBeGreaterThan(0);
    expect(first?.running).toEqual([]);
    expect(since(mark)[0]).toBe('POST backupStatus');

    const { jobId } = await h.port.triggerBackup(first!.protection, vm, new Date(h.clock.now() + DAY));
    mark = h.sim.requests.length;
    const second = await h.port.getBackupStatus(vm, new Date(h.clock.now() - DAY));
    expect(second?.running.map((j) => [j.jobId, j.status, j.entityFriendlyName])).toEqual([
      [jobId, 'InProgress', 'vm001'],
    ]);
    expect(since(mark).sort()).toEqual([
      'GET backupJobs',
      'GET recoveryPoints',
      'GET vm;iaasvmcontainerv2;rg-prod;vm001',
    ]);
    const list = h.sim.requests.slice(mark).find((r) => r.path.endsWith('/backupJobs'));
    expect(list?.path.startsWith(PROD)).toBe(true);
    expect(list?.query['$filter']).toMatch(/ and status eq 'InProgress'$/);
  });

  it('the three reads go out together: when the item read is refused, the other two were already asked; the refusal is what is answered', async () => {
    const vm = await vmRef(h, 'vm006', 'rg-legacy');
    expect(await h.port.getBackupStatus(vm, new Date(h.clock.now() - DAY))).toBeDefined();
    h.sim.faults.add({
      method: 'GET',
      path: /\/protectedItems\/vm;iaasvmcontainerv2;rg-legacy;vm006$/i,
      status: 403,
      errorCode: 'AuthorizationFailed',
    });
    const mark = h.sim.requests.length;
    await expect(h.port.getBackupStatus(vm, new Date(h.clock.now() - DAY))).rejects.toMatchObject({
      code: 'AuthorizationFailed',
    });
    expect(since(mark).sort()).toEqual([
      'GET backupJobs',
      'GET recoveryPoints',
      'GET vm;iaasvmcontainerv2;rg-legacy;vm006',
    ]);
  });

  it('answers undefined for a VM that is not protected', async () => {
    await expect(
      h.port.getBackupStatus(await vmRef(h, 'vm003', 'rg-prod'), new Date(h.clock.now() - DAY)),
    ).resolves.toBeUndefined();
  });

  it('a remembered VM whose item is gone is looked up afresh: not protected any more', async () => {
    const vm = await vmRef(h, 'vm005', 'rg-dev');
    expect(await h.port.getBackupStatus(vm, new Date(h.clock.now() - DAY))).toBeDefined();
    const vault = h.sim.estate.recoveryVaults.find((v) =>
      v.items.some((i) => i.vmId.toLowerCase() === vm.id.toLowerCase()),
    )!;
    vault.items = vault.items.filter((i) => i.vmId.toLowerCase() !== vm.id.toLowerCase());
    const mark = h.sim.requests.length;
    await expect(h.port.getBackupStatus(vm, new Date(h.clock.now() - DAY))).resolves.toBeUndefined();
    expect(since(mark)).toContain('POST backupStatus');
  });

  it('when the item backupStatus names is not found, finds the VM among the vault\'s protected items before saying "not protected"', async () => {
    const vm = await vmRef(h, 'web01', 'rg-dev');
    await h.port.enableProtection(vm, PROD, `${PROD}/backupPolicies/DefaultPolicy`);
    // backupStatus names the item in lower case (GetBackupStatus.json); here that name is not found (404), while the
    // item as the vault lists it (its id says `VM;…`) is there.
    h.sim.faults.add({
      method: 'GET',
      path: /\/protectedItems\/vm;iaasvmcontainerv2;rg-dev;web01$/,
      status: 404,
      errorCode: 'BMSUserErrorObjectNotFound',
    });
    const mark = h.sim.requests.length;
    const status = await h.port.getBackupStatus(vm, new Date(h.clock.now() - DAY));
    expect(status?.protection).toMatchObject({
      vaultId: PROD,
      protectedItemName: 'VM;iaasvmcontainerv2;rg-dev;web01',
      policyName: 'DefaultPolicy',
    });
    expect(since(mark).slice(0, 4)).toEqual([
      'POST backupStatus',
      'GET vm;iaasvmcontainerv2;rg-dev;web01',
      'GET backupProtectedItems',
      'GET VM;iaasvmcontainerv2;rg-dev;web01',
    ]);
    const list = h.sim.requests.slice(mark).find((r) => r.path.endsWith('/backupProtectedItems'));
    expect(list?.query['$filter']).toBe("backupManagementType eq 'AzureIaasVM' and itemType eq 'VM'");
  });
});
