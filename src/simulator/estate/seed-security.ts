/**
 * Demo Key Vaults and RBAC: one vault per way Backup's access can look (already granted, missing on an access-policy
 * vault, missing on an RBAC vault, and the CMK vault), plus the role definitions the bot reads.
 */
import {
  BACKUP_KEY_VAULT_DATA_ACTIONS,
  BACKUP_KEY_VAULT_READER_ROLE_ID,
  KEY_VAULT_ADMINISTRATOR_ROLE_ID,
  READER_ROLE_ID,
  SIM_OTHER_USER_OBJECT_ID,
  SIM_SUBSCRIPTION_ID,
} from '../constants';
import { KV } from './seed-compute';
import type { SimAccessPolicy, SimKeyVault, SimRoleAssignment, SimRoleDefinition } from './model';
import { stableGuid } from './ids';

/** Object id of des-prod's system-assigned identity (it reads the CMK). */
const DES_IDENTITY_OBJECT_ID = stableGuid('des-prod-identity');

function policy(
  tenantId: string,
  objectId: string,
  keys: string[],
  secrets: string[],
  certificates: string[] = [],
): SimAccessPolicy {
  return { tenantId, objectId, permissions: { keys, secrets, certificates } };
}

function vault(name: string, tenantId: string, rbac: boolean, accessPolicies: SimAccessPolicy[]): SimKeyVault {
  return {
    id: KV(name),
    name,
    resourceGroup: 'rg-security',
    location: 'japaneast',
    tenantId,
    enableRbacAuthorization: rbac,
    enabledForDiskEncryption: true,
    accessPolicies,
  };
}

export function seedKeyVaults(tenantId: string, backupObjectId: string): SimKeyVault[] {
  const ownerKeys = [
    'get',
    'list',
    'create',
    'update',
    'import',
    'delete',
    'backup',
    'restore',
    'recover',
    'wrapKey',
    'unwrapKey',
  ];
  const ownerSecrets = ['get', 'list', 'set', 'delete', 'backup', 'restore', 'recover'];
  return [
    vault('kv-ade-prod', tenantId, false, [
      policy(tenantId, SIM_OTHER_USER_OBJECT_ID, ownerKeys, ownerSecrets, ['get', 'list']),
      policy(tenantId, backupObjectId, ['get', 'list', 'backup'], ['get', 'list', 'backup']),
    ]),
    vault('kv-ade-noaccess', tenantId, false, [
      policy(tenantId, SIM_OTHER_USER_OBJECT_ID, ownerKeys, ownerSecrets, ['get', 'list']),
    ]),
    vault('kv-ade-rbac', tenantId, true, []),
    vault('kv-cmk', tenantId, false, [policy(tenantId, DES_IDENTITY_OBJECT_ID, ['get', 'wrapKey', 'unwrapKey'], [])]),
  ];
}

/** Built-in roles as GetRoleDefinitionByName.json shapes them, and the custom least-privilege role. */
export function seedRoleDefinitions(): SimRoleDefinition[] {
  return [
    {
      name: KEY_VAULT_ADMINISTRATOR_ROLE_ID,
      roleName: 'Key Vault Administrator',
      type: 'BuiltInRole',
      description:
        'Perform all data plane operations on a key vault and all objects in it, including certificates, keys, and secrets.',
      assignableScopes: ['/'],
      actions: [
        'Microsoft.Authorization/*/read',
        'Microsoft.Insights/alertRules/*',
        'Microsoft.Resources/deployments/*',
        'Microsoft.Resources/subscriptions/resourceGroups/read',
        'Microsoft.Support/*',
        'Microsoft.KeyVault/checkNameAvailability/read',
        'Microsoft.KeyVault/deletedVaults/read',
        'Microsoft.KeyVault/locations/*/read',
        'Microsoft.KeyVault/vaults/*/read',
        'Microsoft.KeyVault/operations/read',
      ],
      notActions: [],
      dataActions: ['Microsoft.KeyVault/vaults/*'],
      notDataActions: [],
    },
    {
      name: READER_ROLE_ID,
      roleName: 'Reader',
      type: 'BuiltInRole',
      description: 'View all resources, but does not allow you to make any changes.',
      assignableScopes: ['/'],
      actions: ['*/read'],
      notActions: [],
      dataActions: [],
      notDataActions: [],
    },
    {
      name: BACKUP_KEY_VAULT_READER_ROLE_ID,
      roleName: 'Backup Key Vault Reader',
      type: 'CustomRole',
      description: 'Lets Azure Backup read and back up the keys and secrets of ADE VMs.',
      assignableScopes: [`/subscriptions/${SIM_SUBSCRIPTION_ID}`],
      actions: [],
      notActions: [],
      dataActions: [...BACKUP_KEY_VAULT_DATA_ACTIONS],
      notDataActions: [],
    },
  ];
}

/** Someone else administers kv-ade-rbac; Backup Management Service has no role there. */
export function seedRoleAssignments(now: number): SimRoleAssignment[] {
  return [
    {
      name: stableGuid('assignment-other-user-kv-ade-rbac'),
      scope: KV('kv-ade-rbac'),
      roleDefinitionId: `/subscriptions/${SIM_SUBSCRIPTION_ID}/providers/Microsoft.Authorization/roleDefinitions/${KEY_VAULT_ADMINISTRATOR_ROLE_ID}`,
      principalId: SIM_OTHER_USER_OBJECT_ID,
      principalType: 'User',
      createdOn: new Date(now - 90 * 86_400_000).toISOString(),
    },
    {
      name: stableGuid('assignment-other-user-reader-subscription'),
      scope: `/subscriptions/${SIM_SUBSCRIPTION_ID}`,
      roleDefinitionId: `/subscriptions/${SIM_SUBSCRIPTION_ID}/providers/Microsoft.Authorization/roleDefinitions/${READER_ROLE_ID}`,
      principalId: SIM_OTHER_USER_OBJECT_ID,
      principalType: 'User',
      createdOn: new Date(now - 300 * 86_400_000).toISOString(),
    },
  ];
}
