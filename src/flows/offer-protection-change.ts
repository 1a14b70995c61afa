/**
 * Starts a critical operation on a VM's backup: reads the item, its points, the vault's guards (and policies for a
 * resume), refuses with the reason what the item's state or the guards forbid — nothing is sent to Azure — and
 * otherwise makes the request and shows its card: to send to approvers, or to confirm when none is needed.
 */
import { protectionChangeKind, type ProtectionChangePlan } from '../approvals/protection-change';
import { requestMachine } from '../approvals/machine';
import { resourceName, type BackupPolicyInfo, type ProtectionInfo, type VmRef } from '../azure/port';
import { protectionChangeCard } from '../cards/protection-change-card';
import type { HandlerContext } from '../core/types';
import { vmKey, vmSummary } from '../core/vm';
import { itemState, stateRefusal, type StateRefusal } from '../rules/protection-state';
import {
  guardFor,
  guardRefusal,
  isShorter,
  longestRetentionDays,
  summarisePoints,
  type ProtectionOperation,
} from '../rules/vault-guards';
import { guardRefusalText } from './explain-protection-change';

/** What people ask for: a resume of a protected VM with a policy named is a policy change. */
export type AskedOperation = Exclude<ProtectionOperation, 'changePolicy'>;

const policyOf = (p: BackupPolicyInfo) => ({ id: p.id, name: p.name, longestDays: longestRetentionDays(p) });

/**
 * The policy a resume or policy change asks for: the one named, else DefaultPolicy (or the first), as `protect` picks.
 */
function choosePolicy(
  ctx: HandlerContext,
  policies: BackupPolicyInfo[],
  vault: string,
  name?: string,
): BackupPolicyInfo | string {
  const t = ctx.msg.lifecycle.state;
  if (!policies.length) return t.noPolicies(vault);
  const chosen = name
    ? policies.find((p) => p.name.toLowerCase() === name.toLowerCase())
    : (policies.find((p) => p.name === 'DefaultPolicy') ?? policies[0]);
  return chosen ?? t.unknownPolicy(name ?? '', policies.map((p) => p.name).join(', '));
}

function stateText(
  ctx: HandlerContext,
  refusal: StateRefusal,
  vm: string,
  protection: ProtectionInfo | undefined,
  policy?: string,
): string {
  const t = ctx.msg.lifecycle.state;
  switch (refusal) {
    case 'notProtected':
      return t.notProtected(vm);
    case 'alreadyStopped':
      return t.alreadyStopped(vm);
    case 'alreadyProtected':
      return t.alreadyProtected(vm, protection?.policyName ?? ctx.msg.common.unknown);
    case 'samePolicy':
      return t.samePolicy(vm, policy ?? '');
    case 'notDeleted':
      return t.notDeleted(vm);
  }
}

export async function offerProtectionChange(
  ctx: HandlerContext,
  ref: VmRef,
  asked: AskedOperation,
  policyName?: string,
): Promise<void> {
  const { azure, clock, config } = ctx.services;
  const say = (text: string) => ctx.send({ text }).then(() => undefined);
  const [vm, protection] = await Promise.all([azure.getVm(ref), azure.getProtection(ref)]);
  const key = vmKey(vm);
  if (!protection) return say(stateText(ctx, 'notProtected', key, protection));
  const operation: ProtectionOperation =
    asked === 'resume' && policyName && itemState(protection) === 'protected' ? 'changePolicy' : asked;
  const wantsPolicy = operation === 'resume' || operation === 'changePolicy';
  const vaultName = resourceName(protection.vaultId);
  const [guards, points, policies] = await Promise.all([
    azure.getVaultGuards(protection.vaultId),
    azure.listRecoveryPoints(protection),
    wantsPolicy ? azure.listPolicies(protection.vaultId) : Promise.resolve([]),
  ]);
  const now = clock.now();
  const summary = summarisePoints(points, now);
  const chosen = wantsPolicy ? choosePolicy(ctx, policies, vaultName, policyName) : undefined;
  if (typeof chosen === 'string') return say(chosen);
  const current = policies.find(
    (p) => !!protection.policyId && p.id.toLowerCase() === protection.policyId.toLowerCase(),
  );
  const refusedGuard = guardRefusal(operation, { guards, protection, points: summary, from: current, to: chosen });
  if (refusedGuard) return say(guardRefusalText(ctx.msg, refusedGuard, key, vaultName, now));
  const refusedState = stateRefusal(operation, protection, chosen?.id);
  if (refusedState) return say(stateText(ctx, refusedState, key, protection, chosen?.name));

  const guard = guardFor(guards, operation);
  const plan: ProtectionChangePlan = {
    operation,
    vm: vmSummary(vm),
    item: {
      vaultId: protection.vaultId,
      containerName: protection.containerName,
      protectedItemName: protection.protectedItemName,
    },
    vaultName,
    points: summary,
    softDelete: { state: guards.softDelete.state, days: guards.softDelete.retentionDays },
    immutability: guards.immutability,
    ...(guard ? { guard: { id: guard.id, name: guard.name } } : {}),
    ...(chosen ? { policy: policyOf(chosen) } : {}),
    ...(operation === 'changePolicy' && current
      ? { from: policyOf(current), shorterRetention: isShorter(current, chosen!) }
      : {}),
    ...(protection.deferredDelete ? { purgeAt: protection.deferredDelete.at.toISOString() } : {}),
  };
  const kind = protectionChangeKind(operation, clock);
  const machine = requestMachine(ctx.services, kind);
  const request = await machine.draft({
    plan,
    requester: ctx.user,
    conversationId: ctx.conversation.id,
    locale: ctx.locale,
  });
  const needsApproval = kind.needsApproval?.(config, plan) ?? true;
  await machine.showOn(request.id, await ctx.send({ card: protectionChangeCard(request, now, needsApproval) }));
}
