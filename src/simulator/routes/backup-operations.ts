/**
 * Backup writes and their async operations: enable protection (PUT protected item), backup now, restore, and the
 * operationsStatus / operationResults resources their `Azure-AsyncOperation` / `Location` headers point to.
 */
import { ArmError, badRequest, notFound, sameId } from '../arm';
import { containerKeyForVm, findItem, vmAde, vmById } from '../estate/lookup';
import type { SimRecoveryVault } from '../estate/model';
import { JOB_ERRORS } from '../jobs/effects';
import { itemName, protectedItemPayload } from '../payloads/backup';
import { type Route, type RouteContext, route } from '../router';
import { backupKeyVaultGap } from '../rules/keyvault-access';
import { parseRestore, restorePropertyBag } from '../rules/restore';
import {
  findOperation,
  findPoint,
  ITEM,
  itemOperationHeaders,
  newOperation,
  startJob,
  VAULT,
  vaultOf,
} from './backup-common';
import { changeProtection, refuseReducedRetention } from './backup-lifecycle';

function accepted(ctx: RouteContext, vault: SimRecoveryVault, opId: string) {
  return {
    status: 202,
    headers: itemOperationHeaders(ctx, vault, ctx.params.container, ctx.params.item, opId),
  };
}

/**
 * Enable protection (ConfigureProtection.json). The VM must have been discovered by this vault; an ADE VM whose Key
 * Vault Backup cannot read fails the operation with UserErrorKeyVaultPermissionsNotConfigured, as
 * `az backup protection enable-for-vm` reports it (azure-docs issues #91512, #97447).
 */
function configureProtection(ctx: RouteContext) {
  const vault = vaultOf(ctx);
  const props = (ctx.body as { properties?: Record<string, unknown> } | undefined)?.properties ?? {};
  if (props.protectedItemType !== 'Microsoft.Compute/virtualMachines') {
    throw badRequest(
      'BMSUserErrorInvalidInput',
      "properties.protectedItemType must be 'Microsoft.Compute/virtualMachines'.",
    );
  }
  const vm = vmById(ctx.estate, String(props.sourceResourceId ?? ''));
  if (!vm) throw notFound('Microsoft.Compute/virtualMachines', String(props.sourceResourceId ?? ''), '');
  const current = vault.items.find((i) => sameId(i.vmId, vm.id));
  const changed = current && changeProtection(ctx, vault, current, props);
  if (changed) return accepted(ctx, vault, newOperation(ctx, vault, 'configure', { jobName: changed.jobName }).id);
  const policy = vault.policies.find((p) =>
    sameId(`${vault.id}/backupPolicies/${p.name}`, String(props.policyId ?? '')),
  );
  if (!policy)
    throw badRequest(
      'BMSUserErrorPolicyNotFound',
      `Policy '${String(props.policyId)}' was not found in vault '${vault.name}'.`,
    );
  const key = containerKeyForVm(vm);
  if (!sameId(`iaasvmcontainer;${key}`, ctx.params.container) || !sameId(itemName(key), ctx.params.item)) {
    // An item named without its `VM;` (the protectable item's `name` field, not its id) is refused here, so a client
    // that names items from that field fails as it would against Azure.
    throw badRequest(
      'BMSUserErrorInvalidInput',
      `The protected item name '${ctx.params.item}' does not match sourceResourceId: expected '${itemName(key)}'.`,
    );
  }
  const existing = vault.items.find((i) => sameId(i.vmId, vm.id));
  if (existing) refuseReducedRetention(vault, existing, policy);
  if (!existing && !vault.discovered.includes(vm.id.toLowerCase())) {
    // Chosen code: the container is unknown to the vault until a refresh discovers the VM.
    throw new ArmError(
      404,
      'BMSUserErrorContainerObjectNotFound',
      `Container '${ctx.params.container}' was not found. Refresh the containers of the vault and retry.`,
    );
  }
  const ade = vmAde(ctx.estate, vm);
  if (!existing && ade && backupKeyVaultGap(ctx.estate, ade)) {
    const op = newOperation(ctx, vault, 'configure', {
      error: { code: JOB_ERRORS.keyVault.code, message: JOB_ERRORS.keyVault.message },
    });
    return accepted(ctx, vault, op.id);
  }
  const item = existing ?? {
    vmId: vm.id,
    friendlyName: vm.name,
    containerKey: key,
    policyName: policy.name,
    protectionState: 'IRPending',
    recoveryPoints: [],
    protectedItemDataId: String(17592186044416 + vault.items.length + 1),
  };
  item.policyName = policy.name;
  // Resume: a stopped item is protected again by the policy it is given (CRITICAL-OPS-FACTS §1).
  if (existing?.protectionState === 'ProtectionStopped') existing.protectionState = 'Protected';
  if (!existing) vault.items.push(item);
  const job = startJob(ctx, vault, 'ConfigureBackup', item);
  return accepted(ctx, vault, newOperation(ctx, vault, 'configure', { jobName: job.name }).id);
}

function triggerBackup(ctx: RouteContext) {
  const vault = vaultOf(ctx);
  const item = findItem(vault, ctx.params.container, ctx.params.item);
  const props = (ctx.body as { properties?: Record<string, unknown> } | undefined)?.properties ?? {};
  if (props.objectType !== 'IaasVMBackupRequest')
    throw badRequest('BMSUserErrorInvalidInput', 'properties.objectType must be IaasVMBackupRequest.');
  const raw = props.recoveryPointExpiryTimeInUTC;
  const expiry = raw === undefined ? ctx.now + 30 * 86_400_000 : Date.parse(String(raw));
  if (Number.isNaN(expiry) || expiry <= ctx.now) {
    throw badRequest('BMSUserErrorInvalidInput', 'recoveryPointExpiryTimeInUTC must be a future UTC time.');
  }
  const job = startJob(ctx, vault, 'Backup', item, { expiry });
  return accepted(ctx, vault, newOperation(ctx, vault, 'backup', { jobName: job.name }).id);
}

function triggerRestore(ctx: RouteContext) {
  const vault = vaultOf(ctx);
  const item = findItem(vault, ctx.params.container, ctx.params.item);
  const rp = findPoint(ctx, vault, item);
  const input = parseRestore(ctx.body, rp, vault);
  const job = startJob(ctx, vault, 'Restore', item);
  job.propertyBag = restorePropertyBag(input, vmById(ctx.estate, item.vmId), rp, job.name);
  return accepted(ctx, vault, newOperation(ctx, vault, 'restore', { jobName: job.name }).id);
}

/**
 * An operation's status: InProgress for `pendingPolls` polls, then Succeeded with the job id (or Failed). Served at the
 * vault-level `backupOperations/{id}` that azure-cli and PowerShell poll (recordings in test/recorded), and at the
 * item-level `operationsStatus/{id}` the 202 names (ProtectedItemOperationStatus.json).
 */
function operationStatus(ctx: RouteContext) {
  const vault = vaultOf(ctx);
  const op = findOperation(ctx, vault, ctx.params.op);
  if (!op) throw new ArmError(404, 'ResourceNotFound', `Operation '${ctx.params.op}' was not found.`);
  const base = { id: op.id, name: op.id, startTime: new Date(op.startTime).toISOString() };
  if (op.pendingPolls > 0) {
    op.pendingPolls -= 1;
    return {
      status: 200,
      body: { ...base, status: 'InProgress', endTime: '0001-01-01T00:00:00' },
      headers: { 'retry-after': String(ctx.retryAfterSeconds) },
    };
  }
  const endTime = new Date(op.startTime).toISOString();
  if (op.error) return { status: 200, body: { ...base, status: 'Failed', endTime, error: op.error } };
  return {
    status: 200,
    body: {
      ...base,
      status: 'Succeeded',
      endTime,
      properties: { objectType: 'OperationStatusJobExtendedInfo', jobId: op.jobName },
    },
  };
}

/** ProtectedItemOperationResults.json: 202 while running, then 200 with the item (configure) or 204. */
function operationResult(ctx: RouteContext) {
  const vault = vaultOf(ctx);
  const op = findOperation(ctx, vault, ctx.params.op);
  if (!op) throw new ArmError(404, 'ResourceNotFound', `Operation '${ctx.params.op}' was not found.`);
  if (op.pendingPolls > 0) {
    op.pendingPolls -= 1;
    return accepted(ctx, vault, op.id);
  }
  if (op.error) throw new ArmError(400, op.error.code, op.error.message);
  if (op.kind !== 'configure') return { status: 204 };
  return {
    status: 200,
    body: protectedItemPayload(vault, findItem(vault, ctx.params.container, ctx.params.item), ctx.now),
  };
}

export const backupOperationRoutes: Route[] = [
  route('PUT', ITEM, configureProtection),
  route('POST', `${ITEM}/backup`, triggerBackup),
  route('POST', `${ITEM}/recoveryPoints/{rp}/restore`, triggerRestore),
  route('GET', `${ITEM}/operationsStatus/{op}`, operationStatus),
  route('GET', `${VAULT}/backupOperations/{op}`, operationStatus),
  route('GET', `${ITEM}/operationResults/{op}`, operationResult),
];
