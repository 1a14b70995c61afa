/** Shared pieces of the Backup routes: the vault path, the one fabric, and async-operation headers. */
import { randomUUID } from 'node:crypto';
import { badRequest, notFound } from '../arm';
import { findRecoveryVault } from '../estate/lookup';
import type {
  SimJob,
  SimJobOperation,
  SimOperation,
  SimProtectedItem,
  SimRecoveryPoint,
  SimRecoveryVault,
} from '../estate/model';
import type { RouteContext } from '../router';

export const VAULT = '/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.RecoveryServices/vaults/{vault}';
export const ITEM = `${VAULT}/backupFabrics/{fabric}/protectionContainers/{container}/protectedItems/{item}`;

/** api-version the examples' Location / Azure-AsyncOperation URLs carry (TriggerBackup_Post.json). */
const LINK_API_VERSION = '2016-12-01';

export function vaultOf(ctx: RouteContext): SimRecoveryVault {
  const { sub, rg, vault } = ctx.params;
  const found = findRecoveryVault(ctx.estate, sub, rg, vault);
  if (ctx.params.fabric !== undefined && ctx.params.fabric.toLowerCase() !== 'azure') {
    throw badRequest(
      'BMSUserErrorInvalidFabricName',
      `Fabric '${ctx.params.fabric}' is not valid for this vault; use 'Azure'.`,
    );
  }
  return found;
}

export function newOperation(
  ctx: RouteContext,
  vault: SimRecoveryVault,
  kind: SimOperation['kind'],
  extra: Partial<SimOperation> = {},
): SimOperation {
  const op: SimOperation = { id: randomUUID(), kind, vaultId: vault.id, startTime: ctx.now, pendingPolls: 1, ...extra };
  ctx.estate.operations.push(op);
  return op;
}

export function findOperation(ctx: RouteContext, vault: SimRecoveryVault, id: string): SimOperation | undefined {
  return ctx.estate.operations.find(
    (o) => o.id.toLowerCase() === id.toLowerCase() && o.vaultId.toLowerCase() === vault.id.toLowerCase(),
  );
}

function link(ctx: RouteContext, path: string): string {
  return `${ctx.baseUrl}${path}?api-version=${LINK_API_VERSION}`;
}

/** 202 headers of an item-level operation, exactly as TriggerBackup_Post.json / ConfigureProtection.json carry them. */
export function itemOperationHeaders(
  ctx: RouteContext,
  vault: SimRecoveryVault,
  container: string,
  item: string,
  opId: string,
): Record<string, string> {
  const base = `${vault.id}/backupFabrics/Azure/protectionContainers/${container}/protectedItems/${item}`;
  return {
    location: link(ctx, `${base}/operationResults/${opId}`),
    'azure-asyncoperation': link(ctx, `${base}/operationsStatus/${opId}`),
    'retry-after': String(ctx.retryAfterSeconds),
  };
}

/** 202 headers of a fabric-level operation (RefreshContainers.json): Location only. */
export function fabricOperationHeaders(
  ctx: RouteContext,
  vault: SimRecoveryVault,
  opId: string,
): Record<string, string> {
  return {
    location: link(ctx, `${vault.id}/backupFabrics/Azure/operationResults/${opId}`),
    'retry-after': String(ctx.retryAfterSeconds),
  };
}

/** Reads `$filter` clauses of the simple `field eq 'value'` form used by item and policy lists. */
export function simpleFilter(filter: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const clause of (filter ?? '').split(/\s+and\s+/i)) {
    const m = /^\s*(\w+)\s+eq\s+'([^']*)'\s*$/i.exec(clause);
    if (m) out[m[1].toLowerCase()] = m[2].toLowerCase();
    else if (clause.trim()) throw badRequest('BMSUserErrorInvalidInput', `The filter '${filter}' is not valid.`);
  }
  return out;
}

/** A job the request starts, in the vault's list from now on (its progress is the clock's: jobs/progress.ts). */
export function startJob(
  ctx: RouteContext,
  vault: SimRecoveryVault,
  operation: SimJobOperation,
  item: Pick<SimProtectedItem, 'vmId' | 'friendlyName' | 'containerKey'>,
  extra: Partial<SimJob> = {},
): SimJob {
  const job: SimJob = {
    name: randomUUID(),
    operation,
    vmId: item.vmId,
    entityFriendlyName: item.friendlyName,
    containerKey: item.containerKey,
    startTime: ctx.now,
    isUserTriggered: true,
    ...extra,
  };
  vault.jobs.push(job);
  return job;
}

/** The item's recovery point `ctx.params.rp`, or ARM's 404. */
export function findPoint(ctx: RouteContext, vault: SimRecoveryVault, item: SimProtectedItem): SimRecoveryPoint {
  const rp = item.recoveryPoints.find((p) => p.name === ctx.params.rp);
  if (!rp)
    throw notFound(
      'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems/recoveryPoints',
      ctx.params.rp,
      vault.resourceGroup,
    );
  return rp;
}
