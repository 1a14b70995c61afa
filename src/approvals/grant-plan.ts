/**
 * What exactly to grant Azure Backup on one Key Vault (least privilege, AZURE-FACTS): an access policy with
 * keys+secrets get/list/backup (secrets only when every VM known to use the vault is BEK-only), or, on an RBAC vault,
 * Key Vault Administrator (or the configured custom role) at the vault scope.
 */
import type { AzurePort, EncryptionKind, KeyVaultInfo } from '../azure/port';
import {
  assessKeyVaultAccess,
  KEY_VAULT_ADMINISTRATOR_ROLE_ID,
  requiredPolicy,
  type AccessAssessment,
} from '../rules/key-vault-access';

export type Grant =
  | { kind: 'accessPolicy'; keys: string[]; secrets: string[] }
  | { kind: 'role'; roleDefinitionId: string; roleName: string; scope: string };

export interface GrantPlan {
  keyVault: { id: string; name: string; resourceGroup: string; tenantId: string; model: 'accessPolicy' | 'rbac' };
  principalId: string;
  /** VMs the request is for, with their encryption kind. */
  vms: { key: string; encryption: EncryptionKind }[];
  grant: Grant;
}

export function roleDefinitionId(subscriptionId: string, guid: string): string {
  return `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${guid}`;
}

export async function planGrant(
  azure: AzurePort,
  vault: KeyVaultInfo,
  principalId: string,
  vms: GrantPlan['vms'],
  customRoleId?: string,
): Promise<{ plan: GrantPlan; current: AccessAssessment }> {
  // Without a VM to go by, assume a KEK may be in use: BEK+KEK needs keys too.
  const kind: EncryptionKind =
    vms.length > 0 && vms.every((v) => v.encryption === 'ADE_BEK') ? 'ADE_BEK' : 'ADE_BEK_KEK';
  const current = await assessKeyVaultAccess(azure, vault, principalId, kind);
  let grant: Grant;
  if (vault.permissionModel === 'accessPolicy') {
    grant = { kind: 'accessPolicy', ...requiredPolicy(kind) };
  } else {
    const id = roleDefinitionId(vault.subscriptionId, customRoleId ?? KEY_VAULT_ADMINISTRATOR_ROLE_ID);
    const role = await azure.getRoleDefinition(id);
    grant = { kind: 'role', roleDefinitionId: role.id || id, roleName: role.roleName, scope: vault.id };
  }
  const { id, name, resourceGroup, tenantId, permissionModel } = vault;
  return {
    plan: { keyVault: { id, name, resourceGroup, tenantId, model: permissionModel }, principalId, vms, grant },
    current,
  };
}
