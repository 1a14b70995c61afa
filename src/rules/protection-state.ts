/**
 * A VM's backup item as people ask about it: protected, stopped (points kept, no policy), suspended (points kept as the
 * policy says, BackupsSuspended), or deleted and waiting in soft delete — and whether an operation fits that state.
 * Azure's ProtectionState values as the SDK names them (CRITICAL-OPS-FACTS §2).
 */
import { isSoftDeleted } from '../azure/lifecycle';
import type { ProtectionInfo } from '../azure/port';
import type { Messages } from '../i18n';
import { daysUntil, type ProtectionOperation } from './vault-guards';

export type ItemState = 'protected' | 'stopped' | 'suspended' | 'softDeleted';

export function itemState(p: Pick<ProtectionInfo, 'protectionState' | 'deferredDelete'>): ItemState {
  if (isSoftDeleted(p)) return 'softDeleted';
  const state = p.protectionState.toLowerCase();
  if (state === 'protectionstopped') return 'stopped';
  if (state === 'backupssuspended') return 'suspended';
  return 'protected';
}

/** Why the operation does not fit the item's state (soft-deleted items are the vault guards' refusal, not this). */
export type StateRefusal = 'notProtected' | 'alreadyStopped' | 'alreadyProtected' | 'samePolicy' | 'notDeleted';

/**
 * `resume` on a protected item with a policy named is a policy change: the caller asks with `changePolicy` then.
 * `policyId`: the policy asked for (resume, changePolicy).
 */
export function stateRefusal(
  operation: ProtectionOperation,
  p: Pick<ProtectionInfo, 'protectionState' | 'deferredDelete' | 'policyId'> | undefined,
  policyId?: string,
): StateRefusal | undefined {
  if (!p) return 'notProtected';
  const state = itemState(p);
  // Undelete fits; anything else is the vault guards' refusal (SoftDeletedItemNeedsUndelete), with its purge date.
  if (state === 'softDeleted') return undefined;
  switch (operation) {
    case 'stop':
      return state === 'protected' ? undefined : 'alreadyStopped';
    case 'deleteData':
      return undefined;
    case 'resume':
      return state === 'protected' ? 'alreadyProtected' : undefined;
    case 'changePolicy':
      return p.policyId && policyId && p.policyId.toLowerCase() === policyId.toLowerCase() ? 'samePolicy' : undefined;
    case 'undelete':
      return 'notDeleted';
  }
}

/** The item's state as `status` says it, with the days soft delete still keeps a deleted one; and what to do next. */
export function itemStateWords(
  m: Messages,
  p: Pick<ProtectionInfo, 'protectionState' | 'deferredDelete'>,
  vm: string,
  now: number,
): { state: string; hint?: string } {
  const s = m.lifecycle.statusState;
  switch (itemState(p)) {
    case 'softDeleted':
      return {
        state: s.softDeleted(daysUntil(p.deferredDelete!.at, now), p.deferredDelete!.at.toISOString()),
        hint: s.undeleteHint(vm),
      };
    case 'stopped':
      return { state: s.stopped, hint: s.resumeHint(vm) };
    case 'suspended':
      return { state: s.suspended, hint: s.resumeHint(vm) };
    case 'protected':
      return { state: s.protected(p.protectionState) };
  }
}
