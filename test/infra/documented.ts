/**
 * What Microsoft documents, written down once for the infra checks, each with where it was read (with the search
 * tool, from the MicrosoftDocs/azure-docs repository at the commits named).
 */

/**
 * Built-in role definition ids: articles/role-based-access-control/built-in-roles.md @
 * 00a583295ba737a5caf885472cb3bca3624e9cde
 * (https://learn.microsoft.com/azure/role-based-access-control/built-in-roles). Backup Reader's id is
 * a795c7a0-d4a2-40c1-ae25-d81f01202912 (also in built-in-roles/storage.md and delegate-role-assignments-examples.md).
 */
export const BUILT_IN_ROLES: Readonly<Record<string, string>> = {
  Reader: 'acdd72a7-3385-48ef-bd42-f606fba81ae7',
  Contributor: 'b24988ac-6180-42a0-ab88-20f7382dd24c',
  Owner: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
  'User Access Administrator': '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9',
  'Role Based Access Control Administrator': 'f58310d9-a9f6-439a-9e8d-f62e7b41a168',
  'Backup Contributor': '5e467623-bb1f-42f4-a55d-6e525e11384b',
  'Backup Operator': '00c29273-979b-4161-815c-10b084fb9324',
  'Backup Reader': 'a795c7a0-d4a2-40c1-ae25-d81f01202912',
  'Virtual Machine Contributor': '9980e02c-c2be-4d73-94e8-173b1dc7cf3c',
  'Key Vault Administrator': '00482a5a-887f-4fb3-b363-3b7fe8e74483',
  'Key Vault Contributor': 'f25e0fa2-a7c8-4377-a976-54943a77a395',
};

/** Roles that can grant access, and so must carry a condition when the bot holds them. */
export const ACCESS_GRANTING_ROLES = ['Owner', 'User Access Administrator', 'Role Based Access Control Administrator'];

export function builtInRoleName(guid: string): string | undefined {
  return Object.entries(BUILT_IN_ROLES).find(([, id]) => id === guid.toLowerCase())?.[0];
}

/**
 * The condition that lets a Role Based Access Control Administrator assign (and remove) only `roleGuid`, only to
 * `principalId`: Microsoft's "Constrain roles and specific groups" example, with one role and one principal.
 * articles/role-based-access-control/delegate-role-assignments-examples.md @ 0b8729eaf7eb0aabc6390cb17348d19761285f12
 * (https://learn.microsoft.com/azure/role-based-access-control/delegate-role-assignments-examples#example-constrain-roles-and-specific-groups),
 * in the one-line form of its Azure PowerShell tab.
 */
export function constrainedRoleAssignmentCondition(roleGuid: string, principalId: string): string {
  const only = (source: 'Request' | 'Resource') =>
    `@${source}[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {${roleGuid}} AND ` +
    `@${source}[Microsoft.Authorization/roleAssignments:PrincipalId] ForAnyOfAnyValues:GuidEquals {${principalId}}`;
  const [write, remove] = [only('Request'), only('Resource')];
  return (
    `((!(ActionMatches{'Microsoft.Authorization/roleAssignments/write'})) OR (${write})) AND ` +
    `((!(ActionMatches{'Microsoft.Authorization/roleAssignments/delete'})) OR (${remove}))`
  );
}

/**
 * The custom roles' permissions. Key Vault: the one action the access-policy `add` operation needs plus reading the
 * vault (Key Vault Contributor would also let the bot delete or reconfigure vaults). VM: the action Azure Backup
 * requires to enable backup of or restore a VM, its documented alternative to Virtual Machine Contributor
 * (articles/backup/backup-rbac-rs-vault.md @ 0777393cf79981aaaddc37f7c174fe3489c52035).
 */
export const CUSTOM_ROLE_ACTIONS = {
  keyVaultAccessPolicies: ['Microsoft.KeyVault/vaults/accessPolicies/write', 'Microsoft.KeyVault/vaults/read'],
  vmBackup: ['Microsoft.Compute/virtualMachines/write'],
};
