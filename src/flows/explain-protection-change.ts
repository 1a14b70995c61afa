/**
 * Why a critical operation on a VM's backup was not done, in words: the vault's guards the bot honoured before
 * sending anything, and what Azure answered anyway — an immutable vault's refusal (a delete's arrives only in the
 * operation after its 202), multi-user authorization (the Backup MUA Operator role on the Resource Guard), a
 * soft-deleted item. Everything else goes to the one error boundary.
 */
import type { ProtectionChangePlan } from '../approvals/protection-change';
import { describeError } from '../core/error-boundary';
import { CodedError, isAzureError } from '../errors';
import type { Messages } from '../i18n';
import { daysUntil, type GuardRefusal } from '../rules/vault-guards';

/** The refusal of the vault's guards, for `vm` (as people name it) in `vault`. */
export function guardRefusalText(m: Messages, refusal: GuardRefusal, vm: string, vault: string, now: number): string {
  const g = m.lifecycle.guard;
  switch (refusal.code) {
    case 'ImmutableVaultUnexpiredPoints':
      return g.ImmutableVaultUnexpiredPoints(vm, vault, refusal.immutability, refusal.unexpired, refusal.lastExpiry);
    case 'ImmutableVaultShorterRetention':
      return g.ImmutableVaultShorterRetention(
        vm,
        vault,
        refusal.immutability,
        refusal.from,
        refusal.fromDays,
        refusal.to,
        refusal.toDays,
      );
    case 'SoftDeletedItemNeedsUndelete':
      return g.SoftDeletedItemNeedsUndelete(vm, refusal.purgeAt, daysUntil(refusal.purgeAt, now));
  }
}

const IMMUTABLE = ['usererrordeletebackupitemonimmutableitem', 'usererroroperationdeniedonimmutableitem'];
const SOFT_DELETED = ['usererrorsoftdeleteditemneedsundelete'];

/** A refusal for multi-user authorization: the guard's request missing, or no Backup MUA Operator on the guard. */
function muaGuard(
  error: { code: string; message: string },
  plan: ProtectionChangePlan,
): { id: string; name: string } | undefined {
  const code = error.code.toLowerCase();
  const named = /resource ?guard '([^']+)'/i.exec(error.message)?.[1];
  const guarded =
    code.includes('resourceguard') ||
    ((code === 'authorizationfailed' || code === 'forbidden') && (!!plan.guard || !!named));
  if (!guarded) return undefined;
  const id = plan.guard?.id ?? named ?? '';
  return { id, name: plan.guard?.name ?? id.split('/').filter(Boolean).pop() ?? id };
}

export function explainChangeError(
  m: Messages,
  error: unknown,
  plan: ProtectionChangePlan,
  now: number,
  correlationId: string,
): string {
  const t = m.lifecycle;
  const vm = `${plan.vm.resourceGroup}/${plan.vm.name}`;
  if (error instanceof CodedError && !isAzureError(error)) {
    const refusal = error.details.refusal as GuardRefusal | undefined;
    if (refusal) return `${guardRefusalText(m, refusal, vm, plan.vaultName, now)} ${t.advice.notSent}`;
    if (error.code === 'BackupItemChanged') return `${error.message} ${t.advice.notSent}`;
  }
  if (!isAzureError(error)) return describeError(m, error, correlationId);
  const code = error.code.toLowerCase();
  const requestId = error.requestId ? `\n\n${m.errors.requestId(error.requestId)}` : '';
  const guard = muaGuard(error, plan);
  if (guard) return m.errors.azure(error.code, t.advice.mua(guard.name, guard.id)) + requestId;
  if (IMMUTABLE.includes(code)) return m.errors.azure(error.code, t.advice.immutable(vm)) + requestId;
  if (SOFT_DELETED.includes(code)) return m.errors.azure(error.code, t.advice.softDeleted(vm)) + requestId;
  return describeError(m, error, correlationId);
}
