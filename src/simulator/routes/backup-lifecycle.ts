/**
 * The rest of a protected VM's life: stop protection (keeping its data), delete its data (soft delete keeps it for
 * the vault's retention), resume, undelete, and the vault's guards. Shapes and codes (CRITICAL-OPS-FACTS):
 * - stop: PUT item `policyId: ""`, `protectionState: "ProtectionStopped"` → 202, job DisableBackup (azure-cli
 *   test_backup_protection.yaml); undelete: the same with `isRehydrate: true` → job Undelete with property bag
 *   "Undelete flag" (test_backup_softdelete.yaml); resume: PUT with a policy on a stopped item → ConfigureBackup;
 * - delete: DELETE item → 202 with Azure-AsyncOperation `…/vaults/{v}/backupOperations/{id}` and Location
 *   `…/backupOperationResults/{id}` (test_backup_softdelete.yaml), job DeleteBackupData; the item then shows
 *   `isScheduledForDeferredDelete`, `deferredDeleteTimeInUTC` and `deferredDeleteTimeRemaining` (same recording);
 * - an immutable vault refuses a delete with unexpired points in the operation, after the 202
 *   (`UserErrorDeleteBackupItemOnImmutableItem`, terraform-azurerm-avm-res-compute-virtualmachine#214);
 * - an immutable vault refuses moving an item to a policy that keeps its points for less time, at the PUT
 *   (`UserErrorOperationDeniedOnImmutableItem`, azure-rest-api-specs#32688; what immutability blocks: Azure Backup's
 *   immutable vault concept article, CRITICAL-OPS-FACTS §4);
 * - a Resource Guard wants its `defaultResourceRequest` in `resourceGuardOperationRequests`, and `unlockDelete` before
 * a
 *   delete (azure-cli custom.py). No recorded refusal code exists for a missing request (facts §3): the codes here
 *   are chosen — `UserErrorResourceGuardOperationRequestMissing` (400), and `AuthorizationFailed` (403) naming the
 *   Backup MUA Operator role when the identity does not hold it on the guard.
 */
import { ArmError, badRequest, isoTime } from '../arm';
import { findItem, securityOf } from '../estate/lookup';
import type { SimPolicy, SimProtectedItem, SimRecoveryVault } from '../estate/model';
import { protectedItemId } from '../payloads/backup';
import { type Route, type RouteContext, route } from '../router';
import { ITEM, newOperation, startJob, VAULT, vaultOf } from './backup-common';

const DAY = 86_400_000;
const ITEM_OPS = 'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems';
export const GUARD_OPS = {
  delete: `${ITEM_OPS}/delete`,
  stop: `${ITEM_OPS}/write#stopProtectionWithRetainData`,
  write: `${ITEM_OPS}/write`,
};

/** The request a Resource Guard expects for `operation` (its `defaultResourceRequest`), when it protects it. */
export function guardRequest(vault: SimRecoveryVault, operation: string): string | undefined {
  const guard = securityOf(vault).guard;
  if (!guard?.operations.some((o) => o.toLowerCase() === operation.toLowerCase())) return undefined;
  return `${guard.id}/${operation === GUARD_OPS.delete ? 'deleteProtectedItemRequests' : 'updateProtectedItemRequests'}/default`;
}

/** Refuses a guarded operation unless the bot's identity holds Backup MUA Operator and sent the guard's request. */
function requireGuard(vault: SimRecoveryVault, operation: string, sent: unknown): void {
  const expected = guardRequest(vault, operation);
  if (!expected) return;
  const guard = securityOf(vault).guard!;
  if (!guard.muaOperator) {
    throw new ArmError(
      403,
      'AuthorizationFailed',
      `The client does not have authorization to perform action '${operation}' over Resource Guard '${guard.id}'. It needs the Backup MUA Operator role on the Resource Guard.`,
    );
  }
  const requests = Array.isArray(sent) ? sent.map(String) : [];
  if (!requests.some((r) => r.toLowerCase() === expected.toLowerCase())) {
    throw badRequest(
      'UserErrorResourceGuardOperationRequestMissing',
      `This operation is protected by Resource Guard '${guard.id}': send its request ${expected}.`,
    );
  }
}

/** A PUT of an existing item that stops, undeletes or resumes it; `undefined` when it is none of these. */
export function changeProtection(
  ctx: RouteContext,
  vault: SimRecoveryVault,
  item: SimProtectedItem,
  props: Record<string, unknown>,
): { jobName: string } | undefined {
  const stopping = String(props.protectionState ?? '').toLowerCase() === 'protectionstopped' && !props.policyId;
  if (props.isRehydrate === true) {
    if (item.deferredDeleteAt === undefined)
      throw badRequest('BMSUserErrorInvalidInput', 'The item is not soft-deleted: there is nothing to undelete.');
    delete item.deferredDeleteAt;
    item.protectionState = 'ProtectionStopped';
    item.policyName = '';
    return {
      jobName: startJob(ctx, vault, 'Undelete', item, {
        propertyBag: { 'VM Name': item.friendlyName, 'Undelete flag': 'True' },
      }).name,
    };
  }
  if (item.deferredDeleteAt !== undefined) {
    // Chosen code: a soft-deleted item must be undeleted before anything else (facts §2).
    throw badRequest(
      'UserErrorSoftDeletedItemNeedsUndelete',
      'The backup item is soft-deleted. Undelete it before resuming or stopping protection.',
    );
  }
  if (stopping) {
    requireGuard(vault, GUARD_OPS.stop, props.resourceGuardOperationRequests);
    item.protectionState = 'ProtectionStopped';
    item.policyName = '';
    return { jobName: startJob(ctx, vault, 'DisableBackup', item).name };
  }
  return undefined;
}

/** The longest a policy keeps a point, in days (weeks, months and years counted as 7, 31 and 366 days). */
function longestRetentionDays(policy: SimPolicy | undefined): number {
  const retention = (policy?.properties.retentionPolicy ?? {}) as Record<
    string,
    { retentionDuration?: { count?: number } } | undefined
  >;
  const days: Record<string, number> = {
    dailySchedule: 1,
    weeklySchedule: 7,
    monthlySchedule: 31,
    yearlySchedule: 366,
  };
  return Math.max(
    0,
    ...Object.entries(days).map(([tier, perUnit]) => (retention[tier]?.retentionDuration?.count ?? 0) * perUnit),
  );
}

/** A protected item moved to `policy` on an immutable vault: refused when the new policy keeps points for less time. */
export function refuseReducedRetention(vault: SimRecoveryVault, item: SimProtectedItem, policy: SimPolicy): void {
  if (securityOf(vault).immutability === 'Disabled' || !item.policyName || item.deferredDeleteAt !== undefined) return;
  const current = vault.policies.find((p) => p.name.toLowerCase() === item.policyName.toLowerCase());
  if (longestRetentionDays(policy) < longestRetentionDays(current)) {
    throw badRequest(
      'UserErrorOperationDeniedOnImmutableItem',
      `The operation is not allowed: vault '${vault.name}' is immutable, and policy '${policy.name}' keeps recovery points for less time than '${item.policyName}'.`,
    );
  }
}

function deleteItem(ctx: RouteContext) {
  const vault = vaultOf(ctx);
  const item = findItem(vault, ctx.params.container, ctx.params.item);
  const id = protectedItemId(vault, item).toLowerCase();
  if (guardRequest(vault, GUARD_OPS.delete)) {
    const until = vault.unlockedDeletes?.[id];
    if (until === undefined || until < ctx.now) {
      throw badRequest(
        'UserErrorResourceGuardOperationRequestMissing',
        `Deleting backup data is protected by Resource Guard '${securityOf(vault).guard!.id}': unlock the delete first (unlockDelete).`,
      );
    }
  }
  const security = securityOf(vault);
  const unexpired = item.recoveryPoints.some((p) => (p.expiry ?? Number.POSITIVE_INFINITY) > ctx.now);
  const op = newOperation(ctx, vault, 'configure');
  if (security.immutability !== 'Disabled' && unexpired) {
    op.error = {
      code: 'UserErrorDeleteBackupItemOnImmutableItem',
      message:
        'The backup item cannot be deleted: the vault is immutable and it has recovery points that have not expired.',
    };
  } else {
    op.jobName = startJob(ctx, vault, 'DeleteBackupData', item).name;
    if (security.softDeleteState === 'Disabled') vault.items = vault.items.filter((i) => i !== item);
    else {
      item.deferredDeleteAt = ctx.now + security.softDeleteDays * DAY;
      item.protectionState = 'ProtectionStopped';
      item.policyName = '';
    }
  }
  const link = (kind: string) => `${ctx.baseUrl}${vault.id}/${kind}/${op.id}?api-version=2019-05-13`;
  return {
    status: 202,
    headers: {
      'azure-asyncoperation': link('backupOperations'),
      location: link('backupOperationResults'),
      'retry-after': String(ctx.retryAfterSeconds),
    },
  };
}

function unlockDelete(ctx: RouteContext) {
  const vault = vaultOf(ctx);
  const body = (ctx.body ?? {}) as { resourceGuardOperationRequests?: unknown; resourceToBeDeleted?: unknown };
  requireGuard(vault, GUARD_OPS.delete, body.resourceGuardOperationRequests);
  const target = String(body.resourceToBeDeleted ?? '').toLowerCase();
  if (!vault.items.some((i) => protectedItemId(vault, i).toLowerCase() === target))
    throw badRequest('BMSUserErrorInvalidInput', 'resourceToBeDeleted is not a backup item of this vault.');
  const until = ctx.now + 30 * 60_000;
  vault.unlockedDeletes = { ...vault.unlockedDeletes, [target]: until };
  return { status: 200, body: { unlockDeleteExpiryTime: isoTime(until) } };
}

/** GetResourceGuardProxy.json (spec example): the vault's mapping to its Resource Guard, `VaultProxy`. */
function guardProxies(ctx: RouteContext) {
  const vault = vaultOf(ctx);
  const guard = securityOf(vault).guard;
  if (!guard) return { status: 200, body: { value: [] } };
  const details = guard.operations.map((operation) => ({
    vaultCriticalOperation: operation,
    defaultResourceRequest: guardRequest(vault, operation),
  }));
  const proxy = {
    id: `${vault.id}/backupResourceGuardProxies/VaultProxy`,
    name: 'VaultProxy',
    type: 'Microsoft.RecoveryServices/vaults/backupResourceGuardProxies',
    properties: {
      resourceGuardResourceId: guard.id,
      resourceGuardOperationDetails: details,
      lastUpdatedTime: isoTime(ctx.now),
      description: '',
    },
  };
  return { status: 200, body: { value: [proxy] } };
}

export const backupLifecycleRoutes: Route[] = [
  route('DELETE', ITEM, deleteItem),
  route('GET', `${VAULT}/backupResourceGuardProxies`, guardProxies),
  route('POST', `${VAULT}/backupResourceGuardProxies/{proxy}/unlockDelete`, unlockDelete),
];
