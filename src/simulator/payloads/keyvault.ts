/**
 * Key Vault payloads shaped like keyvault/getVault.json and listVaultByResourceGroup.json.
 * `enableRbacAuthorization` is in none of the examples; the name comes from the SDK's VaultProperties.
 * `enablePurgeProtection` is sent only when on: recorded vaults without it carry no such field (test/recorded
 * keyvault-get-access-policy.json); its name from the SDK's VaultProperties.
 */
import type { SimAccessPolicy, SimKeyVault } from '../estate/model';

export function accessPolicyPayload(p: SimAccessPolicy): Record<string, unknown> {
  return {
    tenantId: p.tenantId,
    objectId: p.objectId,
    permissions: {
      keys: [...p.permissions.keys],
      secrets: [...p.permissions.secrets],
      certificates: [...p.permissions.certificates],
    },
  };
}

export function keyVaultPayload(v: SimKeyVault): Record<string, unknown> {
  return {
    id: v.id,
    name: v.name,
    type: 'Microsoft.KeyVault/vaults',
    location: v.location,
    tags: {},
    systemData: {
      createdBy: 'ops-admin@contoso.com',
      createdByType: 'User',
      createdAt: '2024-04-01T03:00:00.0000000Z',
      lastModifiedBy: 'ops-admin@contoso.com',
      lastModifiedByType: 'User',
      lastModifiedAt: '2024-04-01T03:00:00.0000000Z',
    },
    properties: {
      sku: { family: 'A', name: 'standard' },
      tenantId: v.tenantId,
      accessPolicies: v.accessPolicies.map(accessPolicyPayload),
      enabledForDeployment: false,
      enabledForDiskEncryption: v.enabledForDiskEncryption,
      enabledForTemplateDeployment: false,
      enableSoftDelete: v.enableSoftDelete ?? true,
      ...(v.enablePurgeProtection ? { enablePurgeProtection: true } : {}),
      softDeleteRetentionInDays: 90,
      enableRbacAuthorization: v.enableRbacAuthorization,
      vaultUri: `https://${v.name}.vault.azure.net/`,
      provisioningState: 'Succeeded',
      publicNetworkAccess: 'Enabled',
    },
  };
}

/** `vaults.list` goes through the generic resources API (api-version 2015-11-01): tracked-resource fields only. */
export function keyVaultResourcePayload(v: SimKeyVault): Record<string, unknown> {
  return { id: v.id, name: v.name, type: 'Microsoft.KeyVault/vaults', location: v.location, tags: {} };
}
