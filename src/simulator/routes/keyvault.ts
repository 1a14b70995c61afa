/** Microsoft.KeyVault: vaults.get / list* / updateAccessPolicy of @azure/arm-keyvault 5.0.0. */
import { ArmError, badRequest, notFound, ok, sameId } from '../arm';
import { requireResourceGroup, requireSubscription } from '../estate/lookup';
import type { SimAccessPolicy, SimKeyVault } from '../estate/model';
import { accessPolicyPayload, keyVaultPayload, keyVaultResourcePayload } from '../payloads/keyvault';
import { type Route, type RouteContext, route } from '../router';

const VAULTS = '/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.KeyVault/vaults';

function findVault(ctx: RouteContext): SimKeyVault {
  const { sub, rg, name } = ctx.params;
  requireResourceGroup(ctx.estate, sub, rg);
  const vault = ctx.estate.keyVaults.find((v) => sameId(v.resourceGroup, rg) && sameId(v.name, name));
  if (!vault) throw notFound('Microsoft.KeyVault/vaults', name, rg);
  return vault;
}

function top<T>(ctx: RouteContext, items: T[]): T[] {
  const n = Number(ctx.query['$top']);
  return Number.isInteger(n) && n > 0 ? items.slice(0, n) : items;
}

function parsePolicies(body: unknown): SimAccessPolicy[] {
  const list = (body as { properties?: { accessPolicies?: unknown } } | undefined)?.properties?.accessPolicies;
  if (!Array.isArray(list) || list.length === 0) {
    throw badRequest('BadRequest', 'The request must contain properties.accessPolicies with at least one entry.');
  }
  return list.map((raw) => {
    const e = raw as { tenantId?: unknown; objectId?: unknown; permissions?: Record<string, unknown> };
    if (typeof e.tenantId !== 'string' || typeof e.objectId !== 'string' || !e.permissions) {
      throw badRequest('BadRequest', 'Each access policy needs tenantId, objectId and permissions.');
    }
    const perms = (k: string): string[] =>
      Array.isArray(e.permissions?.[k]) ? (e.permissions?.[k] as unknown[]).map(String) : [];
    return {
      tenantId: e.tenantId,
      objectId: e.objectId,
      permissions: { keys: perms('keys'), secrets: perms('secrets'), certificates: perms('certificates') },
    };
  });
}

const union = (a: string[], b: string[]): string[] => [...a, ...b.filter((x) => !a.some((y) => sameId(x, y)))];
const minus = (a: string[], b: string[]): string[] => a.filter((x) => !b.some((y) => sameId(x, y)));

/** add merges permissions into the principal's entry, replace overwrites it, remove subtracts. */
function applyPolicies(vault: SimKeyVault, kind: string, entries: SimAccessPolicy[]): void {
  for (const entry of entries) {
    const existing = vault.accessPolicies.find(
      (p) => sameId(p.objectId, entry.objectId) && sameId(p.tenantId, entry.tenantId),
    );
    if (kind === 'add' || kind === 'replace') {
      if (!existing) vault.accessPolicies.push(entry);
      else if (kind === 'replace') existing.permissions = entry.permissions;
      else
        for (const k of ['keys', 'secrets', 'certificates'] as const)
          existing.permissions[k] = union(existing.permissions[k], entry.permissions[k]);
    } else if (existing) {
      for (const k of ['keys', 'secrets', 'certificates'] as const)
        existing.permissions[k] = minus(existing.permissions[k], entry.permissions[k]);
      const empty = Object.values(existing.permissions).every((l) => l.length === 0);
      if (empty) vault.accessPolicies = vault.accessPolicies.filter((p) => p !== existing);
    }
  }
}

export const keyVaultRoutes: Route[] = [
  route('GET', '/subscriptions/{sub}/providers/Microsoft.KeyVault/vaults', (ctx) => {
    requireSubscription(ctx.estate, ctx.params.sub);
    return ok({ value: top(ctx, ctx.estate.keyVaults).map(keyVaultPayload) });
  }),
  route('GET', '/subscriptions/{sub}/resources', (ctx) => {
    requireSubscription(ctx.estate, ctx.params.sub);
    const filter = (ctx.query['$filter'] ?? '').replace(/\s+/g, ' ').toLowerCase();
    if (filter !== "resourcetype eq 'microsoft.keyvault/vaults'") {
      throw badRequest('InvalidFilterInQueryString', 'The simulator lists only Key Vaults through /resources.');
    }
    return ok({ value: top(ctx, ctx.estate.keyVaults).map(keyVaultResourcePayload) });
  }),
  route('GET', VAULTS, (ctx) => {
    requireResourceGroup(ctx.estate, ctx.params.sub, ctx.params.rg);
    const vaults = ctx.estate.keyVaults.filter((v) => sameId(v.resourceGroup, ctx.params.rg));
    return ok({ value: top(ctx, vaults).map(keyVaultPayload) });
  }),
  route('GET', `${VAULTS}/{name}`, (ctx) => ok(keyVaultPayload(findVault(ctx)))),
  route('PUT', `${VAULTS}/{name}/accessPolicies/{kind}`, (ctx) => {
    const vault = findVault(ctx);
    const kind = ctx.params.kind.toLowerCase();
    if (!['add', 'replace', 'remove'].includes(kind)) {
      throw new ArmError(
        400,
        'BadRequest',
        `Access policy operation kind '${ctx.params.kind}' is not one of add, replace, remove.`,
      );
    }
    const entries = parsePolicies(ctx.body);
    applyPolicies(vault, kind, entries);
    return ok({
      id: `${vault.id}/accessPolicies/`,
      type: 'Microsoft.KeyVault/vaults/accessPolicies',
      properties: { accessPolicies: entries.map(accessPolicyPayload) },
    });
  }),
];
