/**
 * Critical operations on a VM's backup item, as kinds of the one request machine: stop protection keeping the points,
 * stop and delete the data, resume, move to another policy, undelete. The plan fixes, when the request is made, the
 * item, the policy and what the card told the approver (points, soft delete, immutability, the Resource Guard).
 *
 * Applying re-reads the vault's guards and the item first: whatever changed since the card was made, nothing the
 * guards forbid is sent (an immutable vault's unexpired points, a shorter retention, a soft-deleted item), and the
 * Resource Guard's request goes with the write as Azure's own clients send it (CRITICAL-OPS-FACTS §3).
 */
import type { AzurePort, ItemPlace } from '../azure/port';
import type { Clock } from '../clock';
import type { Services } from '../core/types';
import type { VmSummary } from '../core/vm';
import { CodedError } from '../errors';
import { requestMachine, type Machine } from './machine';
import { stateRefusal } from '../rules/protection-state';
import {
  guardFor,
  guardRefusal,
  needsApprover,
  summarisePoints,
  type PointsSummary,
  type ProtectionOperation,
} from '../rules/vault-guards';
import { requestKey, type Applied, type CriticalRequest, type OperationKind } from './request';

export interface ProtectionChangePlan {
  operation: ProtectionOperation;
  vm: VmSummary;
  item: ItemPlace;
  vaultName: string;
  /** The item's points when the request was made: what a delete loses, what an undelete brings back. */
  points: PointsSummary;
  softDelete: { state: string; days: number };
  immutability: string;
  /** The Resource Guard that protects this operation, when the vault has one that does. */
  guard?: { id: string; name: string };
  /** resume, changePolicy: the policy asked for, and (changePolicy) the item's policy now. */
  policy?: { id: string; name: string; longestDays: number };
  from?: { id: string; name: string; longestDays: number };
  shorterRetention?: boolean;
  /** undelete: when soft delete purges the data. */
  purgeAt?: string;
}

export type ProtectionChangeRequest = CriticalRequest<ProtectionChangePlan>;

/** What was done: the job to follow (Azure's operation name for it), and the audit line. */
export interface ProtectionChangeApplied extends Applied {
  jobId?: string;
  jobOperation: string;
}

/**
 * Azure's job for each operation (DisableBackup, DeleteBackupData, ConfigureBackup, Undelete; CRITICAL-OPS-FACTS §1).
 */
export const JOB_OPERATION: Record<ProtectionOperation, string> = {
  stop: 'DisableBackup',
  deleteData: 'DeleteBackupData',
  resume: 'ConfigureBackup',
  changePolicy: 'ConfigureBackup',
  undelete: 'Undelete',
};

/** The kinds' names, as requests and audit entries carry them. */
export const KIND_NAMES: Record<ProtectionOperation, string> = {
  stop: 'stopProtection',
  deleteData: 'deleteBackupData',
  resume: 'resumeProtection',
  changePolicy: 'changePolicy',
  undelete: 'undeleteBackup',
};

/** Refuses, before anything is sent, what the item's state or the vault's guards forbid now. */
async function recheck(azure: AzurePort, plan: ProtectionChangePlan, now: number) {
  const { operation } = plan;
  const [guards, protection] = await Promise.all([
    azure.getVaultGuards(plan.item.vaultId),
    azure.getProtection(plan.vm),
  ]);
  if (!protection || protection.vaultId.toLowerCase() !== plan.item.vaultId.toLowerCase()) {
    throw new CodedError('BackupItemChanged', `The backup item of ${plan.vm.name} is no longer in ${plan.vaultName}.`);
  }
  const refusedState = stateRefusal(operation, protection, plan.policy?.id);
  if (refusedState)
    throw new CodedError(
      'BackupItemChanged',
      `The backup item of ${plan.vm.name} is now in state ${protection.protectionState} (${refusedState}).`,
    );
  const points =
    operation === 'deleteData' ? summarisePoints(await azure.listRecoveryPoints(protection), now) : undefined;
  const policies = operation === 'changePolicy' ? await azure.listPolicies(plan.item.vaultId) : [];
  const same = (id?: string) => (p: { id: string }) => !!id && p.id.toLowerCase() === id.toLowerCase();
  const refusal = guardRefusal(operation, {
    guards,
    protection,
    points,
    from: policies.find(same(protection.policyId)),
    to: policies.find(same(plan.policy?.id)),
  });
  if (refusal) throw new CodedError(refusal.code, `Refused before sending: ${JSON.stringify(refusal)}`, { refusal });
  return { protection, guardRequest: guardFor(guards, operation)?.request };
}

async function applyChange(
  azure: AzurePort,
  plan: ProtectionChangePlan,
  now: number,
): Promise<ProtectionChangeApplied> {
  const { protection, guardRequest } = await recheck(azure, plan, now);
  const { vm } = plan;
  const started =
    plan.operation === 'stop'
      ? await azure.stopProtection(protection, vm, guardRequest)
      : plan.operation === 'deleteData'
        ? await azure.deleteBackupData(protection, guardRequest)
        : plan.operation === 'undelete'
          ? await azure.undelete(protection, vm)
          : await azure.resumeProtection(protection, vm, plan.policy!.id);
  const jobOperation = JOB_OPERATION[plan.operation];
  const detail = [
    jobOperation,
    plan.vaultName,
    plan.policy?.name,
    guardRequest && `guard ${plan.guard?.name ?? ''}`.trim(),
    started.jobId && `job ${started.jobId}`,
  ]
    .filter(Boolean)
    .join(' · ');
  return { ...(started.jobId ? { jobId: started.jobId } : {}), jobOperation, detail };
}

/** One kind per operation; all share the plan, the card and the follow-up, and differ in who must say yes. */
export function protectionChangeKind(
  operation: ProtectionOperation,
  clock: Clock,
): OperationKind<ProtectionChangeRequest, ProtectionChangeApplied> {
  return {
    name: KIND_NAMES[operation],
    approvers: 'approver',
    ttlMs: (config) => config.approvalTtlMs,
    target: (plan) => plan.vm.id,
    apply: (azure, plan) => applyChange(azure, plan, clock.now()),
    needsApproval: (config, plan) => needsApprover(config, plan.operation, plan.shorterRetention),
    typedConfirmation: (plan) => (plan.operation === 'deleteData' ? plan.vm.name : undefined),
  };
}

/** The kind a stored request is of, when it is one of these. */
export function operationOfKind(kindName: string | undefined): ProtectionOperation | undefined {
  return (Object.keys(KIND_NAMES) as ProtectionOperation[]).find((op) => KIND_NAMES[op] === kindName);
}

/** A stored request of one of these kinds, with the machine that moves it; `undefined` for any other id. */
export async function findProtectionChange(
  services: Pick<Services, 'store' | 'clock' | 'config'>,
  id: string,
): Promise<
  | {
      request: ProtectionChangeRequest;
      operation: ProtectionOperation;
      machine: Machine<ProtectionChangeRequest, ProtectionChangeApplied>;
    }
  | undefined
> {
  const request = (await services.store.get<ProtectionChangeRequest>(requestKey(id)))?.value;
  const operation = operationOfKind(request?.kind);
  return request && operation
    ? { request, operation, machine: requestMachine(services, protectionChangeKind(operation, services.clock)) }
    : undefined;
}
