/**
 * Key Vault reads and the two ways of granting Backup Management Service access: an access-policy `add` (merges,
 * never rewrites the vault) and a role assignment with a new GUID name.
 */
import { randomUUID } from 'node:crypto';
import { CodedError } from '../errors';
import { all, type PortContext } from './context';
import type { AccessPolicyEntry, AzurePort } from './port';
import { call } from './to-azure-error';
import { appliesAt, toKeyVaultInfo, toRoleAssignmentInfo, toRoleDefinitionInfo } from './translate-access';
import { assertGuid, assertName, assertScope, parseResourceId, parseRoleDefinitionId } from './validate';

type AccessMethods =
  | 'getKeyVault'
  | 'findKeyVaults'
  | 'listRoleAssignments'
  | 'getRoleDefinition'
  | 'addAccessPolicy'
  | 'createRoleAssignment';

const PERMISSION = /^[A-Za-z]{1,40}$/;

function checkedPermissions(list: string[], what: string): string[] {
  for (const p of list) {
    if (!PERMISSION.test(p))
      throw new CodedError('InvalidInput', `Invalid ${what} permission: ${JSON.stringify(p)}`, {
        what: `${what} permission`,
      });
  }
  return [...list];
}

/** Captures the `x-ms-request-id` of the write, to quote in audit logs and to Azure support. */
function requestIdCapture(): {
  onResponse: (raw: { headers: { get(name: string): string | undefined } }) => void;
  id(): string | undefined;
} {
  let requestId: string | undefined;
  return {
    onResponse: (raw) => {
      requestId = raw.headers.get('x-ms-request-id') ?? requestId;
    },
    id: () => requestId,
  };
}

export function accessPort(ctx: PortContext): Pick<AzurePort, AccessMethods> {
  const { keyVault, authorization } = ctx.clients;
  const noSlash = (scope: string) => scope.replace(/^\/+/, '');

  const getKeyVault: AzurePort['getKeyVault'] = async (keyVaultId) => {
    const id = parseResourceId(keyVaultId, 'Microsoft.KeyVault/vaults', 'Key Vault id');
    return toKeyVaultInfo(await call('vaults.get', () => keyVault.vaults.get(id.resourceGroup, id.name)));
  };

  return {
    getKeyVault,

    async findKeyVaults(name) {
      assertName(name, 'Key Vault name');
      const vaults = await call('vaults.listBySubscription', () => all(keyVault.vaults.listBySubscription()));
      return vaults.filter((v) => v.name?.toLowerCase() === name.toLowerCase()).map(toKeyVaultInfo);
    },

    async listRoleAssignments(scope, principalId) {
      const s = assertScope(scope);
      assertGuid(principalId, 'principal id');
      const found = await call('roleAssignments.listForScope', () =>
        all(authorization.roleAssignments.listForScope(noSlash(s), { filter: `principalId eq '${principalId}'` })),
      );
      return found.filter((a) => a.scope !== undefined && appliesAt(a.scope, s)).map(toRoleAssignmentInfo);
    },

    async getRoleDefinition(roleDefinitionId) {
      const { scope, guid } = parseRoleDefinitionId(roleDefinitionId);
      const at = scope ?? `/subscriptions/${ctx.subscriptionId}`;
      return toRoleDefinitionInfo(
        await call('roleDefinitions.get', () => authorization.roleDefinitions.get(noSlash(at), guid)),
      );
    },

    async addAccessPolicy(keyVaultId, entry: AccessPolicyEntry) {
      const id = parseResourceId(keyVaultId, 'Microsoft.KeyVault/vaults', 'Key Vault id');
      const policy = {
        tenantId: assertGuid(entry.tenantId, 'tenant id'),
        objectId: assertGuid(entry.objectId, 'object id'),
        permissions: {
          keys: checkedPermissions(entry.keys, 'key'),
          secrets: checkedPermissions(entry.secrets, 'secret'),
          certificates: checkedPermissions(entry.certificates, 'certificate'),
        },
      };
      const capture = requestIdCapture();
      await call('vaults.updateAccessPolicy', () =>
        keyVault.vaults.updateAccessPolicy(
          id.resourceGroup,
          id.name,
          'add',
          { properties: { accessPolicies: [policy] } },
          { onResponse: capture.onResponse },
        ),
      );
      return { vault: await getKeyVault(keyVaultId), requestId: capture.id() };
    },

    async createRoleAssignment(scope, roleDefinitionId, principalId) {
      const s = assertScope(scope);
      const role = parseRoleDefinitionId(roleDefinitionId);
      assertGuid(principalId, 'principal id');
      const fullRoleId = `${role.scope ?? `/subscriptions/${ctx.subscriptionId}`}/providers/Microsoft.Authorization/roleDefinitions/${role.guid}`;
      const isBackupService = ctx.backupManagementObjectId?.toLowerCase() === principalId.toLowerCase();
      const capture = requestIdCapture();
      const created = await call('roleAssignments.create', () =>
        authorization.roleAssignments.create(
          noSlash(s),
          randomUUID(),
          {
            roleDefinitionId: fullRoleId,
            principalId,
            ...(isBackupService ? { principalType: 'ServicePrincipal' } : {}),
          },
          { onResponse: capture.onResponse },
        ),
      );
      return { assignment: toRoleAssignmentInfo(created), requestId: capture.id() };
    },
  };
}
