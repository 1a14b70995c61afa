/**
 * Whether Backup Management Service can read an ADE VM's key material, decided from the estate exactly as the bot
 * will be told to grant it (AZURE-FACTS): access-policy vaults need secrets get/list/backup (and keys get/list/backup
 * when a KEK is used); RBAC vaults need an assignment at the vault scope or above of Key Vault Administrator or of a
 * role whose data actions cover the backup data actions.
 */
import { isScopeOf, lastSegment, sameId } from '../arm';
import { BACKUP_KEY_VAULT_DATA_ACTIONS, KEY_VAULT_ADMINISTRATOR_ROLE_ID } from '../constants';
import type { AdeRef, Estate, SimKeyVault, SimRoleDefinition } from '../estate/model';

const NEEDED = ['get', 'list', 'backup'];
const SECRET_ACTIONS = BACKUP_KEY_VAULT_DATA_ACTIONS.filter((a) => a.includes('/secrets/'));
const KEY_ACTIONS = BACKUP_KEY_VAULT_DATA_ACTIONS.filter((a) => a.includes('/keys/'));

/** Undefined when Backup can read everything it needs; otherwise which vault lacks what. */
export function backupKeyVaultGap(estate: Estate, ade: AdeRef): string | undefined {
  const gaps: string[] = [];
  const secretVault = estate.keyVaults.find((v) => sameId(v.id, ade.secretVaultId));
  if (!secretVault || !canRead(estate, secretVault, 'secrets'))
    gaps.push(`secrets in ${lastSegment(ade.secretVaultId)}`);
  if (ade.keyUrl) {
    const keyVaultId = ade.keyVaultId ?? ade.secretVaultId;
    const keyVault = estate.keyVaults.find((v) => sameId(v.id, keyVaultId));
    if (!keyVault || !canRead(estate, keyVault, 'keys')) gaps.push(`keys in ${lastSegment(keyVaultId)}`);
  }
  return gaps.length ? gaps.join(', ') : undefined;
}

function canRead(estate: Estate, vault: SimKeyVault, kind: 'keys' | 'secrets'): boolean {
  return vault.enableRbacAuthorization ? rbacAllows(estate, vault, kind) : policyAllows(estate, vault, kind);
}

function policyAllows(estate: Estate, vault: SimKeyVault, kind: 'keys' | 'secrets'): boolean {
  return vault.accessPolicies.some((p) => {
    if (!sameId(p.objectId, estate.backupManagementObjectId)) return false;
    const granted = p.permissions[kind].map((x) => x.toLowerCase());
    return granted.includes('all') || NEEDED.every((n) => granted.includes(n));
  });
}

function rbacAllows(estate: Estate, vault: SimKeyVault, kind: 'keys' | 'secrets'): boolean {
  const needed = kind === 'keys' ? KEY_ACTIONS : SECRET_ACTIONS;
  return estate.roleAssignments.some((a) => {
    if (!sameId(a.principalId, estate.backupManagementObjectId) || !isScopeOf(a.scope, vault.id)) return false;
    const roleId = lastSegment(a.roleDefinitionId);
    if (sameId(roleId, KEY_VAULT_ADMINISTRATOR_ROLE_ID)) return true;
    const role = estate.roleDefinitions.find((r) => sameId(r.name, roleId));
    return role !== undefined && needed.every((action) => permitsDataAction(role, action));
  });
}

export function permitsDataAction(role: SimRoleDefinition, action: string): boolean {
  return role.dataActions.some((p) => glob(p).test(action)) && !role.notDataActions.some((p) => glob(p).test(action));
}

function glob(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`, 'i');
}
