/**
 * What Azure Backup (the "Backup Management Service" principal) needs on the Key Vault of an ADE VM, and whether it has
 * it. Facts from AZURE-FACTS.md: access-policy vaults need keys+secrets get/list/backup (secrets only for BEK-only
 * VMs);
 * RBAC vaults need Key Vault Administrator or a role with the five data actions below.
 */
import type { AzurePort, EncryptionKind, KeyVaultInfo, RoleDefinitionInfo } from '../azure/port';

export const KEY_VAULT_ADMINISTRATOR_ROLE_ID = '00482a5a-887f-4fb3-b363-3b7fe8e74483';
export const BACKUP_DATA_ACTIONS = [
  'Microsoft.KeyVault/vaults/keys/backup/action',
  'Microsoft.KeyVault/vaults/secrets/backup/action',
  'Microsoft.KeyVault/vaults/secrets/getSecret/action',
  'Microsoft.KeyVault/vaults/keys/read',
  'Microsoft.KeyVault/vaults/secrets/readMetadata/action',
];
const BACKUP_PERMISSIONS = ['get', 'list', 'backup'];

export interface RequiredPolicy {
  keys: string[];
  secrets: string[];
}

/** BEK-only VMs need secrets only; with a KEK, keys too. */
export function requiredPolicy(kind: EncryptionKind): RequiredPolicy {
  return { keys: kind === 'ADE_BEK_KEK' ? [...BACKUP_PERMISSIONS] : [], secrets: [...BACKUP_PERMISSIONS] };
}

export interface AccessAssessment {
  model: 'accessPolicy' | 'rbac';
  granted: boolean;
  /** Human-readable missing permissions: `keys: get, backup`, or the data actions a role lacks. */
  missing: string[];
  /** What grants it when granted: `access policy` or the role's name. */
  via?: string;
}

function lacking(have: string[], need: string[]): string[] {
  const lower = have.map((p) => p.toLowerCase());
  return lower.includes('all') ? [] : need.filter((p) => !lower.includes(p));
}

export function assessAccessPolicies(vault: KeyVaultInfo, objectId: string, kind: EncryptionKind): AccessAssessment {
  const need = requiredPolicy(kind);
  const mine = vault.accessPolicies.filter((p) => p.objectId.toLowerCase() === objectId.toLowerCase());
  const keys = lacking(
    mine.flatMap((p) => p.keys),
    need.keys,
  );
  const secrets = lacking(
    mine.flatMap((p) => p.secrets),
    need.secrets,
  );
  const missing = [
    ...(keys.length ? [`keys: ${keys.join(', ')}`] : []),
    ...(secrets.length ? [`secrets: ${secrets.join(', ')}`] : []),
  ];
  return {
    model: 'accessPolicy',
    granted: missing.length === 0,
    missing,
    via: missing.length === 0 ? 'access policy' : undefined,
  };
}

/** `Microsoft.KeyVault/vaults/*` covers `Microsoft.KeyVault/vaults/keys/read`; matching is case-insensitive. */
export function actionCovers(pattern: string, action: string): boolean {
  const re = new RegExp(
    '^' +
      pattern
        .split('*')
        .map((s) => s.replace(/[.+?^${}()|[\]\\/]/g, '\\$&'))
        .join('.*') +
      '$',
    'i',
  );
  return re.test(action);
}

export function missingDataActions(roles: RoleDefinitionInfo[]): string[] {
  return BACKUP_DATA_ACTIONS.filter((action) => !roles.some((r) => r.dataActions.some((p) => actionCovers(p, action))));
}

/**
 * Reads what is needed from Azure and says whether Backup can read the vault. Needs Reader on the vault (and role
 * definitions read).
 */
export async function assessKeyVaultAccess(
  azure: AzurePort,
  vault: KeyVaultInfo,
  objectId: string,
  kind: EncryptionKind,
): Promise<AccessAssessment> {
  if (vault.permissionModel === 'accessPolicy') return assessAccessPolicies(vault, objectId, kind);
  const assignments = await azure.listRoleAssignments(vault.id, objectId);
  const roles = await Promise.all(
    [...new Set(assignments.map((a) => a.roleDefinitionId))].map((id) => azure.getRoleDefinition(id)),
  );
  const missing = missingDataActions(roles);
  const via =
    roles.find((r) => missingDataActions([r]).length === 0)?.roleName ?? roles.map((r) => r.roleName).join(' + ');
  return { model: 'rbac', granted: missing.length === 0, missing, via: missing.length === 0 ? via : undefined };
}
