/**
 * Authorization payloads shaped like authorization/RoleAssignments_CreateForResource.json,
 * RoleAssignments_ListForScope.json and GetRoleDefinitionByName.json (`createdOn` comes from the SDK's RoleAssignment).
 */
import { trimSlashes } from '../arm';
import type { SimRoleAssignment, SimRoleDefinition } from '../estate/model';

export function roleAssignmentPayload(a: SimRoleAssignment): Record<string, unknown> {
  const scope = `/${trimSlashes(a.scope)}`;
  return {
    properties: {
      roleDefinitionId: a.roleDefinitionId,
      principalId: a.principalId,
      principalType: a.principalType,
      scope,
      createdOn: a.createdOn,
    },
    id: `${scope}/providers/Microsoft.Authorization/roleAssignments/${a.name}`,
    type: 'Microsoft.Authorization/roleAssignments',
    name: a.name,
  };
}

export function roleDefinitionPayload(r: SimRoleDefinition, scope: string): Record<string, unknown> {
  const prefix = trimSlashes(scope) ? `/${trimSlashes(scope)}` : '';
  return {
    properties: {
      roleName: r.roleName,
      type: r.type,
      description: r.description,
      assignableScopes: [...r.assignableScopes],
      permissions: [
        {
          actions: [...r.actions],
          notActions: [...r.notActions],
          dataActions: [...r.dataActions],
          notDataActions: [...r.notDataActions],
        },
      ],
    },
    id: `${prefix}/providers/Microsoft.Authorization/roleDefinitions/${r.name}`,
    type: 'Microsoft.Authorization/roleDefinitions',
    name: r.name,
  };
}
