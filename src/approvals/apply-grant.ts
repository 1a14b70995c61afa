/**
 * Applies an approved grant through the Azure port (access-policy `add`, never a vault rewrite; or a role assignment
 * with a new GUID name), then reads the vault back to verify Azure Backup really has what it needs.
 */
import type { AzurePort } from '../azure/port';
import { assessAccessPolicies, assessKeyVaultAccess } from '../rules/key-vault-access';
import type { GrantPlan } from './grant-plan';

export interface GrantResult {
  requestId?: string;
  verified: boolean;
  missing: string[];
}

export async function applyGrant(azure: AzurePort, plan: GrantPlan): Promise<GrantResult> {
  const { grant, keyVault, principalId } = plan;
  if (grant.kind === 'accessPolicy') {
    const kind = grant.keys.length ? 'ADE_BEK_KEK' : 'ADE_BEK';
    const { requestId } = await azure.addAccessPolicy(keyVault.id, { tenantId: keyVault.tenantId, objectId: principalId, keys: grant.keys, secrets: grant.secrets, certificates: [] });
    const check = assessAccessPolicies(await azure.getKeyVault(keyVault.id), principalId, kind);
    return { requestId, verified: check.granted, missing: check.missing };
  }
  const { requestId } = await azure.createRoleAssignment(grant.scope, grant.roleDefinitionId, principalId);
  const check = await assessKeyVaultAccess(azure, await azure.getKeyVault(keyVault.id), principalId, 'ADE_BEK_KEK');
  return { requestId, verified: check.granted, missing: check.missing };
}

/** One line saying what was granted, for the thread. */
export function grantSummary(plan: GrantPlan): string {
  const g = plan.grant;
  return g.kind === 'accessPolicy'
    ? [g.keys.length ? `keys: ${g.keys.join(', ')}` : '', `secrets: ${g.secrets.join(', ')}`].filter(Boolean).join('; ')
    : g.roleName;
}
