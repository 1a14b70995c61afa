import { pairedRegion } from '../../src/rules/paired-regions';
import { restoreChoices, validateSelection } from '../../src/rules/restore-options';

const SUB = '8f2c5e1a-3b7d-4c6e-9a1f-2d4b6c8e0a13';
const vault = { location: 'japaneast', crossRegionRestore: true };
const points = [
  { name: 'rp-vault', tiers: ['Snapshot', 'Vault'] },
  { name: 'rp-snapshot', tiers: ['Snapshot'] },
];
const offered = (encryption: 'ADE_BEK_KEK' | 'PMK', v = vault) => ({
  points,
  choices: restoreChoices(encryption, v),
  ade: encryption !== 'PMK',
  subscriptionId: SUB,
});
const base = {
  pointName: 'rp-vault',
  kind: 'RestoreDisks',
  region: 'japaneast',
  resourceGroup: 'rg-restore',
  storageAccount: 'ststaging01',
};

describe('restore rules', () => {
  it('ADE: restore disks and new VM only; replace-existing and file restore refused; the paired region named when CRR is on', () => {
    const c = restoreChoices('ADE_BEK_KEK', vault);
    expect(c.kinds).toEqual(['RestoreDisks', 'AlternateLocation']);
    expect(c.refused).toEqual(['OriginalLocation', 'FileRestore']);
    expect(c.regions).toEqual([{ region: 'japaneast', crossRegion: false }]);
    expect(c.pairedRegion).toBe('japanwest');
  });

  it('PMK gets every restore type; no CRR on the vault means its region only', () => {
    const c = restoreChoices('PMK', { location: 'westeurope', crossRegionRestore: false });
    expect(c.kinds).toContain('OriginalLocation');
    expect(c.regions).toEqual([{ region: 'westeurope', crossRegion: false }]);
    expect(c.pairedRegion).toBeUndefined();
    expect(c.crossRegionUnavailable).toBe(true);
  });

  it('knows region pairs both ways', () => {
    expect(pairedRegion('japanwest')).toBe('japaneast');
    expect(pairedRegion('West Europe')).toBe('northeurope');
    expect(pairedRegion('mars')).toBeUndefined();
  });

  it('accepts a valid selection and resolves the storage account', () => {
    expect(validateSelection(base, offered('ADE_BEK_KEK'))).toEqual({
      pointName: 'rp-vault',
      kind: 'RestoreDisks',
      region: 'japaneast',
      crossRegion: false,
      resourceGroup: 'rg-restore',
      storageAccount: { resourceGroup: 'rg-restore', name: 'ststaging01' },
      vmName: undefined,
      subnetId: undefined,
    });
  });

  it.each([
    [{ kind: 'OriginalLocation' }, 'kind'],
    [{ pointName: 'rp-forged' }, 'point'],
    [{ region: 'eastus' }, 'region'],
    [{ region: 'japanwest', pointName: 'rp-snapshot' }, 'crrTier'],
    [{ region: 'japanwest' }, 'crrFromPortal'],
    [{ resourceGroup: '../../subscriptions' }, 'resourceGroup'],
    [{ resourceGroup: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-x' }, 'otherSubscription'],
    [{ storageAccount: 'Staging_Account' }, 'storage'],
    [{ kind: 'AlternateLocation', vmName: 'vm-new' }, 'vmName'],
    [
      {
        kind: 'AlternateLocation',
        vmName: 'vm-new',
        subnetId:
          '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/n/providers/Microsoft.Network/virtualNetworks/vnet1/subnets/default',
      },
      'otherSubscription',
    ],
  ])('ADE VM: %j is refused as %s', (change, reason) => {
    expect(validateSelection({ ...base, ...change }, offered('ADE_BEK_KEK'))).toEqual({ invalid: reason });
  });

  it('replace-existing is fine for a PMK VM', () => {
    expect(validateSelection({ ...base, kind: 'OriginalLocation' }, offered('PMK'))).toMatchObject({
      kind: 'OriginalLocation',
    });
  });
});
