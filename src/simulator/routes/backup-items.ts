/**
 * Backup reads: backupStatus, protected and protectable items, container refresh (discovery), policies and recovery
 * points, as @azure/arm-recoveryservicesbackup 12.0.0 calls them.
 */
import { ArmError, badRequest, lastSegment, notFound, ok, resourceGroupOf, sameId } from '../arm';
import { containerKeyForVm, findItem, protectionOf, requireSubscription, vmById } from '../estate/lookup';
import { backupStatusPayload, policyPayload, protectableItemPayload, protectedItemPayload } from '../payloads/backup';
import { recoveryPointPayload } from '../payloads/recovery-points';
import { type Route, type RouteContext, route } from '../router';
import {
  fabricOperationHeaders,
  findOperation,
  findPoint,
  ITEM,
  newOperation,
  simpleFilter,
  VAULT,
  vaultOf,
} from './backup-common';

function backupStatus(ctx: RouteContext) {
  requireSubscription(ctx.estate, ctx.params.sub);
  const body = (ctx.body ?? {}) as { resourceId?: unknown; resourceType?: unknown };
  if (typeof body.resourceId !== 'string' || String(body.resourceType).toUpperCase() !== 'VM') {
    throw badRequest('BMSUserErrorInvalidInput', 'backupStatus needs resourceId and resourceType "VM".');
  }
  const found = protectionOf(ctx.estate, body.resourceId);
  const inRegion = found && sameId(found.vault.location, ctx.params.region);
  const vm = vmById(ctx.estate, body.resourceId);
  const key =
    found?.item.containerKey ??
    (vm
      ? containerKeyForVm(vm)
      : `iaasvmcontainerv2;${resourceGroupOf(body.resourceId) ?? ''};${lastSegment(body.resourceId)}`);
  return ok(backupStatusPayload(inRegion ? found.vault : undefined, inRegion ? found.item : undefined, key));
}

function protectableItems(ctx: RouteContext) {
  const vault = vaultOf(ctx);
  const filter = simpleFilter(ctx.query['$filter']);
  if (filter.backupmanagementtype && filter.backupmanagementtype !== 'azureiaasvm') return ok({ value: [] });
  const protectedIds = new Set(ctx.estate.recoveryVaults.flatMap((v) => v.items.map((i) => i.vmId.toLowerCase())));
  const vms = ctx.estate.vms.filter(
    (vm) =>
      vault.discovered.includes(vm.id.toLowerCase()) &&
      !protectedIds.has(vm.id.toLowerCase()) &&
      sameId(vm.location, vault.location),
  );
  return ok({ value: vms.map((vm) => protectableItemPayload(vault, vm, containerKeyForVm(vm))) });
}

/** Discovery: every VM of the subscription in the vault's region becomes visible as a protectable item. */
function refreshContainers(ctx: RouteContext) {
  const vault = vaultOf(ctx);
  for (const vm of ctx.estate.vms) {
    if (sameId(vm.location, vault.location) && !vault.discovered.includes(vm.id.toLowerCase()))
      vault.discovered.push(vm.id.toLowerCase());
  }
  const op = newOperation(ctx, vault, 'refresh');
  return { status: 202, headers: fabricOperationHeaders(ctx, vault, op.id) };
}

function refreshResult(ctx: RouteContext) {
  const vault = vaultOf(ctx);
  const op = findOperation(ctx, vault, ctx.params.op);
  if (!op) throw new ArmError(404, 'ResourceNotFound', `Operation '${ctx.params.op}' was not found.`);
  if (op.pendingPolls > 0) {
    op.pendingPolls -= 1;
    return { status: 202, headers: fabricOperationHeaders(ctx, vault, op.id) };
  }
  return { status: 204 };
}

function recoveryPoints(ctx: RouteContext) {
  const vault = vaultOf(ctx);
  const item = findItem(vault, ctx.params.container, ctx.params.item);
  const newestFirst = [...item.recoveryPoints].sort((a, b) => b.time - a.time);
  return ok({ value: newestFirst.map((rp) => recoveryPointPayload(vault, item, rp)), nextLink: null });
}

export const backupItemRoutes: Route[] = [
  route(
    'POST',
    '/subscriptions/{sub}/providers/Microsoft.RecoveryServices/locations/{region}/backupStatus',
    backupStatus,
  ),
  route('GET', ITEM, (ctx) => {
    const vault = vaultOf(ctx);
    return ok(protectedItemPayload(vault, findItem(vault, ctx.params.container, ctx.params.item), ctx.now));
  }),
  route('GET', `${VAULT}/backupProtectedItems`, (ctx) => {
    const vault = vaultOf(ctx);
    const filter = simpleFilter(ctx.query['$filter']);
    const vmOnly =
      (!filter.backupmanagementtype || filter.backupmanagementtype === 'azureiaasvm') &&
      (!filter.itemtype || filter.itemtype === 'vm');
    return ok({ value: vmOnly ? vault.items.map((i) => protectedItemPayload(vault, i, ctx.now)) : [] });
  }),
  route('GET', `${VAULT}/backupProtectableItems`, protectableItems),
  route('POST', `${VAULT}/backupFabrics/{fabric}/refreshContainers`, refreshContainers),
  route('GET', `${VAULT}/backupFabrics/{fabric}/operationResults/{op}`, refreshResult),
  route('GET', `${VAULT}/backupPolicies`, (ctx) => {
    const vault = vaultOf(ctx);
    const filter = simpleFilter(ctx.query['$filter']);
    const iaas = !filter.backupmanagementtype || filter.backupmanagementtype === 'azureiaasvm';
    return ok({ value: iaas ? vault.policies.map((p) => policyPayload(vault, p)) : [] });
  }),
  route('GET', `${VAULT}/backupPolicies/{policy}`, (ctx) => {
    const vault = vaultOf(ctx);
    const policy = vault.policies.find((p) => sameId(p.name, ctx.params.policy));
    if (!policy)
      throw notFound('Microsoft.RecoveryServices/vaults/backupPolicies', ctx.params.policy, vault.resourceGroup);
    return ok(policyPayload(vault, policy));
  }),
  route('GET', `${ITEM}/recoveryPoints`, recoveryPoints),
  route('GET', `${ITEM}/recoveryPoints/{rp}`, (ctx) => {
    const vault = vaultOf(ctx);
    const item = findItem(vault, ctx.params.container, ctx.params.item);
    return ok(recoveryPointPayload(vault, item, findPoint(ctx, vault, item)));
  }),
];
