import type { KeyVaultInfo } from '../../src/azure/port';
import {
  actionCovers,
  assessAccessPolicies,
  BACKUP_DATA_ACTIONS,
  missingDataActions,
} from '../../src/rules/key-vault-access';

const BMS = '0a1b2c3d-0000-4000-8000-0000000000b5';
const vault = (policies: KeyVaultInfo['accessPolicies']): KeyVaultInfo => ({
  id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv',
  name: 'kv',
  resourceGroup: 'rg',
  subscriptionId: 's',
  location: 'japaneast',
  tenantId: 't',
  permissionModel: 'accessPolicy',
  accessPolicies: policies,
  enabledForDiskEncryption: true,
});

describe('Key Vault access for Azure Backup', () => {
  it('BEK+KEK needs keys and secrets get/list/backup', () => {
    const a = assessAccessPolicies(
      vault([
        { tenantId: 't', objectId: BMS, keys: ['Get', 'List'], secrets: ['get', 'list', 'backup'], certificates: [] },
      ]),
      BMS,
      'ADE_BEK_KEK',
    );
    expect(a).toMatchObject({ granted: false, missing: ['keys: backup'] });
  });

  it('BEK-only needs secrets only', () => {
    const a = assessAccessPolicies(
      vault([
        { tenantId: 't', objectId: BMS.toUpperCase(), keys: [], secrets: ['get', 'list', 'backup'], certificates: [] },
      ]),
      BMS,
      'ADE_BEK',
    );
    expect(a).toMatchObject({ granted: true, via: 'access policy' });
  });

  it("another principal's policy does not count", () => {
    const a = assessAccessPolicies(
      vault([
        {
          tenantId: 't',
          objectId: '99999999-0000-4000-8000-000000000000',
          keys: ['all'],
          secrets: ['all'],
          certificates: [],
        },
      ]),
      BMS,
      'ADE_BEK',
    );
    expect(a.missing).toEqual(['secrets: get, list, backup']);
  });

  it("RBAC: Key Vault Administrator's wildcard covers the five data actions; Reader covers none", () => {
    expect(
      missingDataActions([
        { id: 'x', roleName: 'Key Vault Administrator', actions: [], dataActions: ['Microsoft.KeyVault/vaults/*'] },
      ]),
    ).toEqual([]);
    expect(missingDataActions([{ id: 'r', roleName: 'Reader', actions: ['*/read'], dataActions: [] }])).toEqual(
      BACKUP_DATA_ACTIONS,
    );
    expect(
      actionCovers('microsoft.keyvault/vaults/secrets/*', 'Microsoft.KeyVault/vaults/secrets/getSecret/action'),
    ).toBe(true);
    expect(actionCovers('Microsoft.KeyVault/vaults/keys/read', 'Microsoft.KeyVault/vaults/keys/backup/action')).toBe(
      false,
    );
  });
});
