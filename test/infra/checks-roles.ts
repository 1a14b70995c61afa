/**
 * The identity's access, as the template grants it: every role assignment is for the one managed identity, as a
 * ServicePrincipal, under a guid()-derived name; every role is a documented built-in or one the template defines;
 * the set of (scope, role) pairs is exactly what the parameters ask for (least privilege by construction); and an
 * access-granting role carries the documented condition. Problems start with `role:`, `principal:` or `condition:`.
 */
import { allTemplates, type DeployedResource, type ExpandedTemplate } from './arm-template';
import {
  ACCESS_GRANTING_ROLES,
  BUILT_IN_ROLES,
  CUSTOM_ROLE_ACTIONS,
  builtInRoleName,
  constrainedRoleAssignmentCondition,
} from './documented';

const ROLE_DEFINITION =
  /^\/subscriptions\/([^/]+)\/providers\/Microsoft\.Authorization\/roleDefinitions\/([0-9a-f-]{36})$/i;

function resources(root: ExpandedTemplate, type: string): DeployedResource[] {
  return allTemplates(root).flatMap((t) => t.resources.filter((r) => r.type.toLowerCase() === type.toLowerCase()));
}

/** The scope an assignment applies to: its id up to /providers/Microsoft.Authorization/roleAssignments/. */
function scopeOf(assignment: DeployedResource): string {
  return assignment.id.replace(/\/providers\/Microsoft\.Authorization\/roleAssignments\/[^/]+$/i, '').toLowerCase();
}

function customRoleLabel(actions: string[]): string {
  return `custom role [${[...actions].sort().join(', ')}]`;
}

/** What the parameters ask for: `scope|role` for every assignment the template should make. */
function expectedGrants(p: Record<string, any>): string[] {
  const sub = `/subscriptions/${p.vmSubscriptionId}`;
  const rg = (name: string) => `${sub}/resourceGroups/${name}`;
  return [
    `${sub}|Reader`,
    `${sub}|Backup Reader`,
    ...p.recoveryVaultIds.map(
      (id: string) => `${id}|${p.allowDeleteBackupData ? 'Backup Contributor' : 'Backup Operator'}`,
    ),
    ...p.accessPolicyKeyVaultIds.map(
      (id: string) => `${id}|${customRoleLabel(CUSTOM_ROLE_ACTIONS.keyVaultAccessPolicies)}`,
    ),
    ...p.rbacKeyVaultIds.map((id: string) => `${id}|Role Based Access Control Administrator`),
    ...p.vmResourceGroupNames.map((name: string) => `${rg(name)}|${customRoleLabel(CUSTOM_ROLE_ACTIONS.vmBackup)}`),
    ...p.restoreResourceGroupNames.map((name: string) => `${rg(name)}|Contributor`),
  ].map((g) => g.toLowerCase());
}

export function roleProblems(root: ExpandedTemplate): string[] {
  const problems: string[] = [];
  const identities = resources(root, 'Microsoft.ManagedIdentity/userAssignedIdentities');
  if (identities.length !== 1)
    return [`principal: the template deploys ${identities.length} user-assigned identities, not one`];
  const principal = `reference(${identities[0].id}).principalId`;
  const customRoles = new Map(
    resources(root, 'Microsoft.Authorization/roleDefinitions').map((d) => [d.id.toLowerCase(), d]),
  );
  const granted: string[] = [];

  for (const [key, guid] of Object.entries<string>(root.raw.variables?.builtInRoles ?? {})) {
    const name = Object.keys(BUILT_IN_ROLES).find((n) => n.replace(/ /g, '') === key);
    if (!name) problems.push(`role: variables.builtInRoles.${key} is not a documented built-in role name`);
    else if (BUILT_IN_ROLES[name] !== guid.toLowerCase()) {
      problems.push(
        `role: variables.builtInRoles.${key} is ${guid}; Microsoft documents ${name} as ${BUILT_IN_ROLES[name]}`,
      );
    }
  }

  for (const a of resources(root, 'Microsoft.Authorization/roleAssignments')) {
    const { principalId, principalType, roleDefinitionId, condition, conditionVersion } = a.value.properties ?? {};
    if (principalId !== principal)
      problems.push(`principal: ${a.path} assigns a role to ${principalId}, not to the bot's identity (${principal})`);
    if (principalType !== 'ServicePrincipal')
      problems.push(`principal: ${a.path} has principalType ${principalType}, not ServicePrincipal`);
    if (!/^\[guid\(/i.test(String(a.raw.name)))
      problems.push(
        `principal: ${a.path} is named ${a.raw.name}, not by guid() (a redeploy must update, not duplicate)`,
      );
    const match = ROLE_DEFINITION.exec(String(roleDefinitionId));
    const custom = customRoles.get(String(roleDefinitionId).toLowerCase());
    const builtIn = match ? builtInRoleName(match[2]) : undefined;
    if (!builtIn && !custom) {
      problems.push(
        `role: ${a.path} assigns ${roleDefinitionId}, neither a documented built-in role nor one this template defines`,
      );
      continue;
    }
    const role =
      builtIn ?? customRoleLabel(custom!.value.properties.permissions.flatMap((x: { actions: string[] }) => x.actions));
    granted.push(`${scopeOf(a)}|${role}`.toLowerCase());
    if (builtIn && ACCESS_GRANTING_ROLES.includes(builtIn)) {
      const p = root.parameters as Record<string, string>;
      const expected = constrainedRoleAssignmentCondition(
        p.keyVaultBackupRoleId || BUILT_IN_ROLES['Key Vault Administrator'],
        p.backupManagementServiceObjectId,
      );
      if (conditionVersion !== '2.0' || condition !== expected) {
        const got = `got ${JSON.stringify(condition)}, version ${conditionVersion}`;
        problems.push(
          `condition: ${a.path} gives ${builtIn} without the condition that limits it to one role for Backup Management Service (${got})`,
        );
      }
    }
  }

  const expected = expectedGrants(root.parameters);
  for (const g of expected)
    if (!granted.includes(g)) problems.push(`role: the identity should get ${g.replace('|', ' at ')}, and does not`);
  for (const g of granted)
    if (!expected.includes(g))
      problems.push(`role: the identity gets ${g.replace('|', ' at ')}, which the parameters do not ask for`);
  for (const [id, d] of customRoles) {
    const scopes: string[] = d.value.properties?.assignableScopes ?? [];
    if (scopes.some((s) => s === '/' || /managementGroups/i.test(s)))
      problems.push(`role: custom role ${id} is assignable beyond a subscription`);
  }
  return problems;
}
