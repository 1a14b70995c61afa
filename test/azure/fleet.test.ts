/** The fleet reads of the ADE report, through the real SDK clients against the simulator over HTTPS. */
import { SIM_RECOVERY_VAULT_IDS } from '../../src/simulator';
import { seen, useHarness } from './sim-harness';

const h = useHarness({ listPageSize: 4 });
const [PROD, DEV] = SIM_RECOVERY_VAULT_IDS as [string, string];

describe('listFleetVms', () => {
  it('reads every VM, following the list page by page, with size, OS, encryption at host and Trusted Launch', async () => {
    const vms = await h.port.listFleetVms();
    expect(vms).toHaveLength(h.sim.estate.vms.length);
    const pages = seen(h, 'GET', /\/providers\/Microsoft\.Compute\/virtualMachines$/i);
    expect(pages.length).toBe(Math.ceil(h.sim.estate.vms.length / 4));
    expect(pages[1]?.query['$skipToken']).toBe('4');
    const eah = vms.find((v) => v.name === 'eah-mig01');
    expect(eah).toMatchObject({
      resourceGroup: 'rg-migrate',
      location: 'westeurope',
      vmSize: 'Standard_D4s_v5',
      osType: 'Windows',
      encryptionAtHost: true,
      securityType: 'TrustedLaunch',
    });
    expect(vms.find((v) => v.name === 'vm001')).toMatchObject({ encryptionAtHost: false });
    expect(vms.find((v) => v.name === 'vm001')?.securityType).toBeUndefined();
  });

  it("keeps the model's ADE settings of unmanaged and Entra-app VMs (osDisk.encryptionSettings)", async () => {
    const vms = await h.port.listFleetVms();
    expect(vms.find((v) => v.name === 'vm006')).toMatchObject({
      osDisk: { vhdUri: expect.stringMatching(/\.vhd$/) },
      modelAde: { secretVaultId: expect.stringMatching(/kv-ade-prod$/) },
    });
    expect(vms.find((v) => v.name === 'ade-aad01')?.modelAde?.secretVaultId).toMatch(/kv-migrate$/);
    expect(vms.find((v) => v.name === 'ade-win01')?.modelAde).toBeUndefined();
  });
});

describe('listFleetDisks', () => {
  it('reads every managed disk of the subscription with its ADE settings, their version and its size in bytes', async () => {
    const disks = await h.port.listFleetDisks();
    expect(disks).toHaveLength(h.sim.estate.disks.length);
    const aad = disks.find((d) => d.name.startsWith('ade-aad01_OsDisk'));
    expect(aad).toMatchObject({
      adeVersion: '1.0',
      osType: 'Windows',
      sizeGb: 127,
      sizeBytes: 127 * 2 ** 30,
      ade: { secretVaultId: expect.stringMatching(/kv-migrate$/) },
    });
    const lnxData = disks.filter((d) => d.name.startsWith('ade-lnxdata01_'));
    expect(lnxData.map((d) => [d.osType ?? 'data', !!d.ade])).toEqual([
      ['Linux', false],
      ['data', true],
    ]);
    expect(seen(h, 'GET', /^\/subscriptions\/[^/]+\/providers\/Microsoft\.Compute\/disks$/i).length).toBe(
      Math.ceil(disks.length / 4),
    );
  });
});

describe('protected items and policies', () => {
  it("lists a vault's VM items with their state, last backup and policy, the stopped one with no policy", async () => {
    const items = await h.port.listProtectedVms(DEV);
    const byName = new Map(items.map((i) => [i.friendlyName, i]));
    expect(byName.get('ade-win01')).toMatchObject({
      vaultId: DEV,
      protectionState: 'Protected',
      lastBackupStatus: 'Completed',
      policyId: expect.stringMatching(/backupPolicies\/LongTermYearly$/),
    });
    expect(byName.get('ade-win01')?.lastRecoveryPoint).toBeInstanceOf(Date);
    expect(byName.get('ade-oldsize01')).toMatchObject({ lastBackupStatus: 'Failed' });
    expect(byName.get('ade-mig01')).toMatchObject({ protectionState: 'ProtectionStopped' });
    expect(byName.get('ade-win01')?.vmId).toMatch(
      /rg-migrate\/providers\/Microsoft\.Compute\/virtualMachines\/ade-win01$/,
    );
    expect(seen(h, 'GET', /rsv-dev-westeurope\/backupProtectedItems$/i).at(-1)?.query['$filter']).toBe(
      "backupManagementType eq 'AzureIaasVM' and itemType eq 'VM'",
    );
  });

  it("reads each policy's retention tiers, and which policies are Enhanced", async () => {
    const policies = await h.port.listVaultPolicies(DEV);
    expect(policies.find((p) => p.name === 'LongTermYearly')).toMatchObject({
      enhanced: false,
      retention: [
        { kind: 'daily', count: 30, unit: 'Days' },
        { kind: 'monthly', count: 12, unit: 'Months' },
        { kind: 'yearly', count: 5, unit: 'Years' },
      ],
    });
    expect(policies.find((p) => p.name === 'EnhancedWeekly')).toMatchObject({
      enhanced: true,
      retention: expect.arrayContaining([{ kind: 'yearly', count: 10, unit: 'Years' }]),
    });
    expect((await h.port.listVaultPolicies(PROD)).map((p) => p.name)).toEqual([
      'DefaultPolicy',
      'GoldPolicy',
      'EnhancedHourly',
    ]);
  });
});

describe('Key Vaults, sizes and the feature', () => {
  it('reads soft delete, purge protection and enabledForDiskEncryption of every Key Vault', async () => {
    const vaults = await h.port.listFleetKeyVaults();
    expect(vaults.find((v) => v.name === 'kv-migrate')).toMatchObject({
      softDelete: true,
      purgeProtection: true,
      enabledForDiskEncryption: true,
      location: 'westeurope',
    });
    expect(vaults.find((v) => v.name === 'kv-migrate-nopurge')).toMatchObject({
      softDelete: true,
      purgeProtection: false,
    });
  });

  it("reads one region's VM sizes with a location filter, and whether each supports encryption at host", async () => {
    const skus = await h.port.listVmSkus('westeurope');
    expect(seen(h, 'GET', /providers\/Microsoft\.Compute\/skus$/i).at(-1)?.query['$filter']).toBe(
      "location eq 'westeurope'",
    );
    expect(skus.find((s) => s.name === 'Standard_D2_v2')).toEqual({
      name: 'Standard_D2_v2',
      family: 'standardDv2Family',
      vCpus: 2,
      memoryGb: 7,
      encryptionAtHost: false,
      restricted: false,
    });
    expect(skus.find((s) => s.name === 'Standard_D11_v2')?.encryptionAtHost).toBe(true);
    await expect(h.port.listVmSkus("westeurope' or 1 eq 1")).rejects.toMatchObject({ code: 'InvalidInput' });
  });

  it('reads the EncryptionAtHost feature state at the Features provider', async () => {
    await expect(h.port.getEncryptionAtHostFeature()).resolves.toBe('Unregistered');
    const feature = h.sim.estate.features.find((f) => f.name === 'EncryptionAtHost')!;
    feature.state = 'Registered';
    await expect(h.port.getEncryptionAtHostFeature()).resolves.toBe('Registered');
    feature.state = 'Unregistered';
    expect(
      seen(h, 'GET', /\/providers\/Microsoft\.Features\/providers\/Microsoft\.Compute\/features\/EncryptionAtHost$/i),
    ).toHaveLength(2);
  });
});

describe('getMigrationVm', () => {
  it("reads one VM with its disks, its power state and its ADE extension by the VM's own name", async () => {
    const read = await h.port.getMigrationVm({ resourceGroup: 'rg-migrate', name: 'ade-lnxdata01' });
    expect(read.vm).toMatchObject({ name: 'ade-lnxdata01', osType: 'Linux' });
    expect(read.disks).toHaveLength(2);
    expect(read.adeExtension).toEqual({
      name: 'AzureDiskEncryptionForLinux',
      type: 'AzureDiskEncryptionForLinux',
      volumeType: 'Data',
    });
    expect(read.powerState).toBe('running');
    const mig = await h.port.getMigrationVm({ resourceGroup: 'rg-migrate', name: 'ade-mig01' });
    expect(mig).toMatchObject({
      powerState: 'deallocated',
      adeExtension: { name: 'AzureDiskEncryption', volumeType: 'ALL' },
    });
    expect(
      (await h.port.getMigrationVm({ resourceGroup: 'rg-migrate', name: 'eah-win01' })).adeExtension,
    ).toBeUndefined();
  });

  it('answers ResourceNotFound for a VM that is not there', async () => {
    await expect(h.port.getMigrationVm({ resourceGroup: 'rg-migrate', name: 'nope' })).rejects.toMatchObject({
      code: 'ResourceNotFound',
      statusCode: 404,
    });
  });
});
