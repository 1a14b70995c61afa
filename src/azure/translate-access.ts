/** Key Vault and authorization SDK models → KeyVaultInfo, RoleAssignmentInfo, RoleDefinitionInfo. */
import type { RoleAssignment, RoleDefinition } from '@azure/arm-authorization';
import type { Vault } from '@azure/arm-keyvault';
import type { KeyVaultInfo, RoleAssignmentInfo, RoleDefinitionInfo } from './port';
import { placeOf } from './translate-place';

export function toKeyVaultInfo(v: Vault): KeyVaultInfo {
  const p = v.properties;
  return {
    ...placeOf(v),
    tenantId: p.tenantId,
    permissionModel: p.enableRbacAuthorization ? 'rbac' : 'accessPolicy',
    accessPolicies: (p.accessPolicies ?? []).map((a) => ({
      tenantId: a.tenantId,
      objectId: a.objectId,
      keys: [...(a.permissions?.keys ?? [])],
      secrets: [...(a.permissions?.secrets ?? [])],
      certificates: [...(a.permissions?.certificates ?? [])],
    })),
    enabledForDiskEncryption: p.enabledForDiskEncryption ?? false,
  };
}

export function toRoleAssignmentInfo(a: RoleAssignment): RoleAssignmentInfo {
  return {
    id: a.id ?? '',
    name: a.name ?? '',
    scope: a.scope ?? '',
    principalId: a.principalId ?? '',
    roleDefinitionId: a.roleDefinitionId ?? '',
  };
}

export function toRoleDefinitionInfo(r: RoleDefinition): RoleDefinitionInfo {
  const permissions = r.permissions ?? [];
  return {
    id: r.id ?? '',
    roleName: r.roleName ?? '',
    actions: permissions.flatMap((p) => p.actions ?? []),
    dataActions: permissions.flatMap((p) => p.dataActions ?? []),
  };
}

/** `scope` equals `id` or is one of its ancestors (segment-wise, case-insensitive). */
export function appliesAt(scope: string, id: string): boolean {
  const s = scope.replace(/^\/+|\/+$/g, '').toLowerCase();
  const i = id.replace(/^\/+|\/+$/g, '').toLowerCase();
  return s === '' || i === s || i.startsWith(`${s}/`);
}
