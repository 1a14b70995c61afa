/**
 * Microsoft.Authorization at any scope: roleAssignments.listForScope / get / create and roleDefinitions.get / list of
 * @azure/arm-authorization 9.0.0. The SDK sends `PUT //subscriptions/...` when the scope starts with `/`; the server
 * collapses the double slash before routing.
 */
import {
  ArmError,
  badRequest,
  isScopeOf,
  lastSegment,
  notFound,
  ok,
  resourceGroupOf,
  sameId,
  trimSlashes,
} from '../arm';
import { requireResourceGroup, requireSubscription } from '../estate/lookup';
import type { Estate, SimRoleAssignment } from '../estate/model';
import { roleAssignmentPayload, roleDefinitionPayload } from '../payloads/authorization';
import { type Route, route } from '../router';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const AUTHZ = '/{*scope}/providers/Microsoft.Authorization';

/** The scope must name something that exists (subscription, resource group, Key Vault). */
function requireScope(estate: Estate, scope: string): void {
  const m = /^subscriptions\/([^/]+)/i.exec(trimSlashes(scope));
  if (!m) throw badRequest('InvalidScope', `The scope '${scope}' is not a valid Azure scope.`);
  const rg = resourceGroupOf(`/${trimSlashes(scope)}`);
  if (!rg) return requireSubscription(estate, m[1]);
  requireResourceGroup(estate, m[1], rg);
  const kv = /\/providers\/Microsoft\.KeyVault\/vaults\/([^/]+)$/i.exec(scope);
  if (kv && !estate.keyVaults.some((v) => isScopeOf(v.id, scope) && sameId(v.name, kv[1]))) {
    throw notFound('Microsoft.KeyVault/vaults', kv[1], rg);
  }
}

/**
 * `$filter` grammar of roleAssignments list: `atScope()`, `principalId eq '{id}'`, `assignedTo('{id}')`, joined by
 * `and`.
 */
function filterAssignments(all: SimRoleAssignment[], scope: string, filter: string | undefined): SimRoleAssignment[] {
  let atScope = false;
  let principal: string | undefined;
  for (const clause of (filter ?? '').split(/\s+and\s+/i).filter((c) => c.trim())) {
    const c = clause.trim();
    const byPrincipal = /^principalId\s+eq\s+'([^']+)'$/i.exec(c) ?? /^assignedTo\('([^']+)'\)$/i.exec(c);
    if (/^atScope\(\)$/i.test(c)) atScope = true;
    else if (byPrincipal) principal = byPrincipal[1];
    else
      throw badRequest(
        'BadRequest',
        `The filter '${filter}' is not supported. Supported: atScope(), principalId eq '{id}', assignedTo('{id}').`,
      );
  }
  return all.filter(
    (a) =>
      (principal === undefined || sameId(a.principalId, principal)) &&
      (isScopeOf(a.scope, scope) || (!atScope && isScopeOf(scope, a.scope))),
  );
}

function createAssignment(
  estate: Estate,
  scope: string,
  name: string,
  body: unknown,
  now: number,
): { status: number; assignment: SimRoleAssignment } {
  if (!GUID.test(name))
    throw badRequest(
      'InvalidRoleAssignmentId',
      `The role assignment ID '${name}' is not valid. The role assignment ID must be a GUID.`,
    );
  const props = (body as { properties?: Record<string, unknown> } | undefined)?.properties ?? {};
  const roleDefinitionId = String(props.roleDefinitionId ?? '');
  const principalId = String(props.principalId ?? '');
  if (!estate.roleDefinitions.some((r) => sameId(r.name, lastSegment(roleDefinitionId)))) {
    throw badRequest(
      'RoleDefinitionDoesNotExist',
      `The specified role definition with ID '${lastSegment(roleDefinitionId)}' does not exist.`,
    );
  }
  if (!GUID.test(principalId))
    throw badRequest('InvalidPrincipalId', `The principal ID '${principalId}' is not a valid GUID.`);
  const same = estate.roleAssignments.find((a) => sameId(a.name, name));
  if (same) {
    if (
      sameId(same.principalId, principalId) &&
      sameId(lastSegment(same.roleDefinitionId), lastSegment(roleDefinitionId))
    )
      return { status: 200, assignment: same };
    throw badRequest(
      'RoleAssignmentUpdateNotPermitted',
      'Tenant ID, application ID, principal ID, and scope are not allowed to be updated.',
    );
  }
  const duplicate = estate.roleAssignments.some(
    (a) =>
      sameId(trimSlashes(a.scope), trimSlashes(scope)) &&
      sameId(a.principalId, principalId) &&
      sameId(lastSegment(a.roleDefinitionId), lastSegment(roleDefinitionId)),
  );
  if (duplicate) throw new ArmError(409, 'RoleAssignmentExists', 'The role assignment already exists.');
  const assignment: SimRoleAssignment = {
    name,
    scope: `/${trimSlashes(scope)}`,
    roleDefinitionId,
    principalId,
    principalType: String(props.principalType ?? 'User'),
    createdOn: new Date(now).toISOString(),
  };
  estate.roleAssignments.push(assignment);
  return { status: 201, assignment };
}

export const authorizationRoutes: Route[] = [
  route('GET', `${AUTHZ}/roleAssignments`, (ctx) => {
    const scope = ctx.params.scope;
    requireScope(ctx.estate, scope);
    return ok({
      value: filterAssignments(ctx.estate.roleAssignments, scope, ctx.query['$filter']).map(roleAssignmentPayload),
    });
  }),
  route('GET', `${AUTHZ}/roleAssignments/{name}`, (ctx) => {
    const found = ctx.estate.roleAssignments.find(
      (a) =>
        sameId(a.name, ctx.params.name) && isScopeOf(a.scope, ctx.params.scope) && isScopeOf(ctx.params.scope, a.scope),
    );
    if (!found)
      throw new ArmError(404, 'RoleAssignmentNotFound', `The role assignment '${ctx.params.name}' is not found.`);
    return ok(roleAssignmentPayload(found));
  }),
  route('PUT', `${AUTHZ}/roleAssignments/{name}`, (ctx) => {
    requireScope(ctx.estate, ctx.params.scope);
    const { status, assignment } = createAssignment(ctx.estate, ctx.params.scope, ctx.params.name, ctx.body, ctx.now);
    return ok(roleAssignmentPayload(assignment), status);
  }),
  route('GET', `${AUTHZ}/roleDefinitions/{id}`, (ctx) => {
    const role = ctx.estate.roleDefinitions.find((r) => sameId(r.name, ctx.params.id));
    if (!role)
      throw new ArmError(
        404,
        'RoleDefinitionDoesNotExist',
        `The specified role definition with ID '${ctx.params.id}' does not exist.`,
      );
    return ok(roleDefinitionPayload(role, ctx.params.scope));
  }),
  route('GET', `${AUTHZ}/roleDefinitions`, (ctx) => {
    const byName = /^roleName\s+eq\s+'([^']+)'$/i.exec((ctx.query['$filter'] ?? '').trim());
    const roles = ctx.estate.roleDefinitions.filter((r) => !byName || sameId(r.roleName, byName[1]));
    return ok({ value: roles.map((r) => roleDefinitionPayload(r, ctx.params.scope)) });
  }),
];
