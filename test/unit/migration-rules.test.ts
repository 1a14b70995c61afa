/** The ADE migration rules with plain objects: paths, sizes, point expiry estimates and key holds. */
import type { FleetDisk, FleetKeyVault, FleetPolicy, FleetProtectedItem, FleetVm, VmSku } from '../../src/azure/fleet';
import { classifyAde } from '../../src/migration/classify';
import { keyHolds } from '../../src/migration/key-holds';
import { estimatePoints } from '../../src/migration/point-expiry';
import { ADE_RETIREMENT, addRetention, daysLeft } from '../../src/migration/retirement';
import { nearestSupported, supportsEah } from '../../src/migration/sizes';

const SUB = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg';
const kv = (name: string) => `${SUB}/providers/Microsoft.KeyVault/vaults/${name}`;
const keys = (vault: string, n: string, kek = false) => ({
  secretUrl: `https://${vault}.vault.azure.net/secrets/${n}/1`,
  secretVaultId: kv(vault),
  ...(kek ? { kekUrl: `https://${vault}.vault.azure.net/keys/k/1`, kekVaultId: kv(vault) } : {}),
});
const diskId = (n: string) => `${SUB}/providers/Microsoft.Compute/disks/${n}`;

function vm(name: string, osType: 'Windows' | 'Linux', extra: Partial<FleetVm> = {}): FleetVm {
  return {
    id: `${SUB}/providers/Microsoft.Compute/virtualMachines/${name}`,
    name,
    resourceGroup: 'rg',
    subscriptionId: '00000000-0000-0000-0000-000000000001',
    location: 'westeurope',
    vmSize: 'Standard_D2s_v5',
    osType,
    encryptionAtHost: false,
    osDisk: { name: `${name}-os`, managedDiskId: diskId(`${name}-os`) },
    dataDisks: [{ name: `${name}-data`, managedDiskId: diskId(`${name}-data`), lun: 0 }],
    ...extra,
  };
}
function disk(name: string, extra: Partial<FleetDisk> = {}): FleetDisk {
  return { id: diskId(name), name, resourceGroup: 'rg', location: 'westeurope', ...extra };
}

describe('classifyAde', () => {
  it('Windows with ADE on its volumes: path A, VolumeType All, its one Key Vault', () => {
    const a = classifyAde(vm('w', 'Windows'), [
      disk('w-os', { ade: keys('kv1', 'a', true), osType: 'Windows' }),
      disk('w-data', { ade: keys('kv1', 'b', true) }),
    ]);
    expect(a).toMatchObject({ path: 'A', then: 'A', volumeType: 'All', osEncrypted: true, keyVaultIds: [kv('kv1')] });
    expect(a?.keys).toHaveLength(2);
  });

  it('Linux with only its data disk encrypted: path A with VolumeType Data', () => {
    expect(classifyAde(vm('l', 'Linux'), [disk('l-os'), disk('l-data', { ade: keys('kv1', 'b') })])).toMatchObject({
      path: 'A',
      volumeType: 'Data',
      osEncrypted: false,
    });
  });

  it('Linux with its OS disk encrypted: path B (no volume can be decrypted)', () => {
    expect(
      classifyAde(vm('l', 'Linux'), [
        disk('l-os', { ade: keys('kv2', 'a') }),
        disk('l-data', { ade: keys('kv3', 'b') }),
      ]),
    ).toMatchObject({ path: 'B', then: 'B', keyVaultIds: [kv('kv2'), kv('kv3')] });
  });

  it('ADE with an Entra app (encryptionSettingsVersion 1.0, or settings on a managed VM model): single pass first, then A or B', () => {
    expect(classifyAde(vm('w', 'Windows'), [disk('w-os', { ade: keys('kv1', 'a'), adeVersion: '1.0' })])).toMatchObject(
      { path: 'aad', then: 'A' },
    );
    expect(classifyAde(vm('l', 'Linux', { modelAde: keys('kv1', 'a') }), [disk('l-os')])).toMatchObject({
      path: 'aad',
      then: 'B',
      osEncrypted: true,
    });
  });

  it("unmanaged disks: convert first; the model's settings are its ADE", () => {
    const unmanaged = vm('u', 'Windows', {
      osDisk: { name: 'u-os', vhdUri: 'https://st.blob.core.windows.net/vhds/u.vhd' },
      dataDisks: [],
      modelAde: keys('kv1', 'a', true),
    });
    expect(classifyAde(unmanaged, [])).toMatchObject({ path: 'unmanaged', then: 'A', keyVaultIds: [kv('kv1')] });
  });

  it('a VM without ADE is not an ADE VM', () => {
    expect(classifyAde(vm('p', 'Linux', { encryptionAtHost: true }), [disk('p-os'), disk('p-data')])).toBeUndefined();
  });
});

describe('sizes', () => {
  const sku = (
    name: string,
    family: string,
    vCpus: number,
    memoryGb: number,
    eah: boolean,
    restricted = false,
  ): VmSku => ({ name, family, vCpus, memoryGb, encryptionAtHost: eah, restricted });
  const skus = [
    sku('Standard_D2_v2', 'dv2', 2, 7, false),
    sku('Standard_D3_v2', 'dv2', 4, 14, true),
    sku('Standard_D11_v2', 'dv2', 2, 14, true),
    sku('Standard_D1_v2', 'dv2', 1, 3.5, true, true),
    sku('Standard_A2_v2', 'av2', 2, 4, false),
  ];

  it('supported only with EncryptionAtHostSupported and no restriction in the region', () => {
    expect(supportsEah('standard_d3_v2', skus)).toBe(true);
    expect(supportsEah('Standard_D2_v2', skus)).toBe(false);
    expect(supportsEah('Standard_D1_v2', skus)).toBe(false);
    expect(supportsEah('Standard_E2_v5', skus)).toBe(false);
  });

  it('the nearest supported size of the same family: closest vCPUs first, then memory; none when the family has none', () => {
    expect(nearestSupported('Standard_D2_v2', skus)).toBe('Standard_D11_v2');
    expect(nearestSupported('Standard_A2_v2', skus)).toBeUndefined();
    expect(nearestSupported('Standard_E2_v5', skus)).toBeUndefined();
  });
});

describe('point expiry (estimated from the policy)', () => {
  const NOW = Date.parse('2026-12-05T00:00:00Z');
  const item = (extra: Partial<FleetProtectedItem> = {}): FleetProtectedItem => ({
    vaultId: 'v',
    vmId: 'vm',
    friendlyName: 'vm',
    containerName: 'c',
    protectedItemName: 'i',
    protectionState: 'Protected',
    lastRecoveryPoint: new Date(NOW),
    ...extra,
  });
  const policy = (retention: FleetPolicy['retention']): FleetPolicy => ({
    id: 'p',
    name: 'p',
    vaultId: 'v',
    enhanced: false,
    retention,
  });

  it('days left until 15 September 2028', () => {
    expect(daysLeft(Date.parse('2028-09-14T00:00:00Z'))).toBe(1);
    expect(daysLeft(ADE_RETIREMENT + 5)).toBe(0);
    expect(addRetention(Date.parse('2026-01-05T00:00:00Z'), 5, 'Years')).toBe(Date.parse('2031-01-05T00:00:00Z'));
  });

  it('daily points kept 30 days outlive nothing; the latest expires 30 days after the newest point', () => {
    expect(estimatePoints(item(), policy([{ kind: 'daily', count: 30, unit: 'Days' }]))).toEqual({
      atRisk: 0,
      latestExpiry: NOW + 30 * 86_400_000,
      basis: 'policy',
    });
  });

  it('yearly points kept 5 years: some outlive the retirement, the latest up to 5 years after the newest point', () => {
    const r = estimatePoints(
      item(),
      policy([
        { kind: 'daily', count: 30, unit: 'Days' },
        { kind: 'yearly', count: 5, unit: 'Years' },
      ]),
    );
    expect(r.latestExpiry).toBe(Date.parse('2031-12-05T00:00:00Z'));
    expect(r.atRisk).toBeGreaterThanOrEqual(1);
    const since = estimatePoints(
      item(),
      policy([{ kind: 'yearly', count: 5, unit: 'Years' }]),
      Date.parse('2026-01-01T00:00:00Z'),
    );
    expect(since.atRisk).toBe(1);
  });

  it('monthly points: one per month in the window that ends with the newest point, never more than Azure counts', () => {
    const monthly = policy([{ kind: 'monthly', count: 36, unit: 'Months' }]);
    // Kept 36 months: every monthly point taken after 15 Sep 2025 outlives the retirement: Oct 2025 to Dec 2026.
    expect(estimatePoints(item(), monthly).atRisk).toBe(15);
    expect(estimatePoints(item({ recoveryPointCount: 9 }), monthly).atRisk).toBe(9);
  });

  it('stopped keeping the data: kept until deleted; no points: nothing; no policy to go by: unknown', () => {
    expect(estimatePoints(item({ protectionState: 'ProtectionStopped', recoveryPointCount: 3 }), undefined)).toEqual({
      atRisk: 3,
      latestExpiry: 'indefinite',
      basis: 'stopped',
    });
    expect(
      estimatePoints(item({ lastRecoveryPoint: undefined }), policy([{ kind: 'daily', count: 30, unit: 'Days' }])),
    ).toEqual({ atRisk: 0, basis: 'none' });
    expect(estimatePoints(item(), undefined)).toEqual({ atRisk: 0, basis: 'unknown' });
  });
});

describe('key holds', () => {
  const NOW = Date.parse('2026-12-05T00:00:00Z');
  const vault = (name: string, extra: Partial<FleetKeyVault> = {}): FleetKeyVault => ({
    id: kv(name),
    name,
    resourceGroup: 'rg',
    location: 'westeurope',
    softDelete: true,
    purgeProtection: true,
    enabledForDiskEncryption: true,
    ...extra,
  });

  it('one hold per Key Vault, until the latest of its points (kept-until-deleted wins), with the VMs it guards', () => {
    const holds = keyHolds(
      [
        { keyVaultId: kv('kv1'), vmName: 'b', until: NOW + 10 },
        { keyVaultId: kv('KV1'), vmName: 'a', until: NOW + 99 },
        { keyVaultId: kv('kv2'), vmName: 'c', until: 'indefinite' },
        { keyVaultId: kv('kv2'), vmName: 'd', until: NOW + 5 },
        { keyVaultId: kv('kv3'), vmName: 'e', until: NOW - 1 },
      ],
      [vault('kv1'), vault('kv2'), vault('kv3')],
      NOW,
    );
    expect(holds.map((h) => [h.name, h.until, h.vms, h.blocker])).toEqual([
      ['kv1', NOW + 99, ['a', 'b'], false],
      ['kv2', 'indefinite', ['c', 'd'], false],
    ]);
  });

  it('purge protection off or the vault gone is a blocker; soft delete or disk encryption off is a risk', () => {
    const holds = keyHolds(
      [
        { keyVaultId: kv('nopurge'), vmName: 'a', until: NOW + 1 },
        { keyVaultId: kv('gone'), vmName: 'b', until: NOW + 1 },
        { keyVaultId: kv('nodisk'), vmName: 'c', until: NOW + 1 },
      ],
      [
        vault('nopurge', { purgeProtection: false }),
        vault('nodisk', { enabledForDiskEncryption: false, softDelete: false }),
      ],
      NOW,
    );
    expect(holds.map((h) => [h.name, h.risks, h.blocker])).toEqual([
      ['gone', ['deleted'], true],
      ['nopurge', ['purgeProtectionOff'], true],
      ['nodisk', ['softDeleteOff', 'diskEncryptionOff'], false],
    ]);
  });
});
