/**
 * The Key Vault grant, one kind of critical operation: Azure Backup (the Backup Management Service principal) gets
 * exactly what it needs on a Key Vault holding ADE keys — an access-policy `add`, never a vault rewrite, or a role
 * assignment with a new GUID name — approved by a configured approver, then read back to verify it took.
 */
import type { AzurePort } from '../azure/port';
import { assessAccessPolicies, assessKeyVaultAccess } from '../rules/key-vault-access';
import type { GrantPlan } from './grant-plan';
import type { Applied, CriticalRequest, OperationKind } from './request';

/** The card the request was started from (a check or a blocked backup card), made actionable again once granted. */
export interface Origin {
  kind: 'check' | 'backup';
  activityId: string;
  vmKey: string;
}

export interface GrantRequest extends CriticalRequest<GrantPlan> {
  origin?: Origin;
}

/** Whether Azure Backup has what it needs after the grant (Azure may apply a policy and still lack a permission). */
export interface GrantApplied extends Applied {
  verified: boolean;
  missing: string[];
}

/** One line saying what was granted, for the thread and the audit trail. */
function grantSummary(plan: GrantPlan): string {
  const g = plan.grant;
  return g.kind === 'accessPolicy'
    ? [g.keys.length ? `keys: ${g.keys.join(', ')}` : '', `secrets: ${g.secrets.join(', ')}`].filter(Boolean).join('; ')
    : g.roleName;
}

async function applyGrant(azure: AzurePort, plan: GrantPlan): Promise<GrantApplied> {
  const { grant, keyVault, principalId } = plan;
  const detail = grantSummary(plan);
  if (grant.kind === 'accessPolicy') {
    const kind = grant.keys.length ? 'ADE_BEK_KEK' : 'ADE_BEK';
    const { requestId } = await azure.addAccessPolicy(keyVault.id, {
      tenantId: keyVault.tenantId,
      objectId: principalId,
      keys: grant.keys,
      secrets: grant.secrets,
      certificates: [],
    });
    const check = assessAccessPolicies(await azure.getKeyVault(keyVault.id), principalId, kind);
    return { requestId, detail, verified: check.granted, missing: check.missing };
  }
  const { requestId } = await azure.createRoleAssignment(grant.scope, grant.roleDefinitionId, principalId);
  const check = await assessKeyVaultAccess(azure, await azure.getKeyVault(keyVault.id), principalId, 'ADE_BEK_KEK');
  return { requestId, detail, verified: check.granted, missing: check.missing };
}

export const keyVaultGrant: OperationKind<GrantRequest, GrantApplied> = {
  name: 'keyVaultGrant',
  approvers: 'approver',
  ttlMs: (config) => config.approvalTtlMs,
  target: (plan) => plan.keyVault.id,
  apply: applyGrant,
};
