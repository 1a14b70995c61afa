/**
 * Moves a plan forward from what Azure shows, whoever did the step (the bot, the portal, a script):
 * - planned → backedUp: the old VM's last backup completed at or after the plan was made;
 * - backedUp → newProtected: the linked new VM has a protected item (the key hold is recorded then);
 * - newProtected → oldStopped: the old VM's item is stopped with its data kept (`ProtectionStopped`, retained
 *   forever, or `BackupsSuspended`, retained by the policy): its keys are then held for as long as its points live.
 * Pure: the caller passes the items it read (a fleet list, or one VM's protection).
 */
import type { FleetProtectedItem } from '../azure/fleet';
import { backupDone, newVmProtected, oldVmStopped, type KeyHoldRecord, type MigrationPlan } from './plan';

const PROTECTING = new Set(['protected', 'irpending', 'protectionerror']);
const STOPPED_KEEPING_DATA = new Set(['protectionstopped', 'backupssuspended']);

export interface PlanFacts {
  /** The old VM's item, in any vault read. */
  oldItem?: Pick<FleetProtectedItem, 'protectionState' | 'lastBackupStatus' | 'lastBackupTime' | 'vaultId'>;
  /** The linked new VM's item. */
  newItem?: Pick<FleetProtectedItem, 'protectionState' | 'vaultId'>;
  /** The hold to record for the old VM's points (its Key Vaults, and until when its points live). */
  hold: Omit<KeyHoldRecord, 'recordedAt'>;
  now: number;
}

export function reconcile(plan: MigrationPlan, facts: PlanFacts): MigrationPlan {
  let next = plan;
  const old = facts.oldItem;
  if (next.stage === 'planned' && old?.lastBackupStatus === 'Completed' && old.lastBackupTime) {
    next = backupDone(next, { at: old.lastBackupTime.getTime() });
  }
  if (
    next.stage === 'backedUp' &&
    next.newVm &&
    facts.newItem &&
    PROTECTING.has(facts.newItem.protectionState.toLowerCase())
  ) {
    next = newVmProtected(next, { vaultId: facts.newItem.vaultId, at: facts.now }, facts.hold);
  }
  if (next.stage === 'newProtected' && old && STOPPED_KEEPING_DATA.has(old.protectionState.toLowerCase())) {
    next = oldVmStopped(next, facts.now, facts.hold);
  }
  return next;
}
