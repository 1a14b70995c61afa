/**
 * One ADE VM's migration plan, kept in state (`ade/plan/<vm>`) so the team sees the migration as a whole and an
 * auditor sees, VM by VM, the evidence of each step: the backup taken before anything else, the new VM and when it was
 * protected, when the old VM's protection was stopped keeping its points, and which Key Vaults must be kept until when.
 *
 * Stages only move forward: planned → backedUp (pre-migration backup done) → newProtected (new VM protected; the key
 * hold is recorded) → oldStopped (old VM stopped, points kept, keys held). Transitions are pure functions of the plan
 * and what was observed; each appends to the plan's history.
 */
import { createHash } from 'node:crypto';
import type { User } from '../core/types';
import type { Locale } from '../i18n';
import type { MigrationPath } from './classify';
import type { Expiry } from './point-expiry';

export type PlanStage = 'planned' | 'backedUp' | 'newProtected' | 'oldStopped';

export const STAGES: readonly PlanStage[] = ['planned', 'backedUp', 'newProtected', 'oldStopped'];

export interface PlanVm {
  id: string;
  name: string;
  resourceGroup: string;
  subscriptionId: string;
  location: string;
}

export interface KeyHoldRecord {
  /** Key Vault resource ids holding the old VM's BEKs and KEKs. */
  keyVaultIds: string[];
  /** Until when (estimated from the policy, or 'indefinite' for points kept until deleted). */
  until: Expiry;
  recordedAt: number;
}

export interface PlanEvent {
  what: PlanStage | 'linked' | 'keyHold' | 'oldItemGone';
  at: number;
  by?: string;
  detail?: string;
}

export interface MigrationPlan {
  vm: PlanVm;
  osType: 'Windows' | 'Linux';
  path: MigrationPath;
  /**
   * What follows an Entra-app or unmanaged first step, and the disable's VolumeType (kept: ADE stops showing once
   * disabled).
   */
  then: 'A' | 'B';
  volumeType: 'All' | 'Data';
  /** The old VM's Key Vaults (BEKs and KEKs), as its disks named them when the plan was made or last shown. */
  keyVaultIds: string[];
  /** Until when the old VM's points live, as last estimated: the key hold's end. */
  holdUntil?: Expiry;
  createdAt: number;
  createdBy: User;
  conversationId: string;
  locale: Locale;
  stage: PlanStage;
  /** Where the old VM's points are, and its policy (the new VM's, unless Trusted Launch needs an Enhanced one). */
  oldVaultId?: string;
  oldPolicyName?: string;
  /** Step 1's evidence: the completed backup (its job when known) and when it ran. */
  backup?: { at: number; jobId?: string };
  newVm?: PlanVm & { linkedAt: number; linkedBy: string };
  /** Step 2's evidence. */
  newProtection?: { vaultId: string; at: number; jobId?: string };
  keyHold?: KeyHoldRecord;
  /** Step 3's evidence: when the old VM's protection was seen stopped with its points kept. */
  stoppedAt?: number;
  history: PlanEvent[];
}

const hash = (s: string) => createHash('sha256').update(s.toLowerCase()).digest('hex').slice(0, 32);

export const PLAN_PREFIX = 'ade/plan/';
export const planKey = (vmId: string) => `${PLAN_PREFIX}${hash(vmId)}`;

const at = (stage: PlanStage) => STAGES.indexOf(stage);

export function newPlan(input: Omit<MigrationPlan, 'stage' | 'history'>): MigrationPlan {
  return { ...input, stage: 'planned', history: [{ what: 'planned', at: input.createdAt, by: input.createdBy.name }] };
}

/** Step 1 done: a backup of the old VM completed at or after the plan was made. Unchanged otherwise. */
export function backupDone(plan: MigrationPlan, evidence: { at: number; jobId?: string }): MigrationPlan {
  if (plan.stage !== 'planned' || evidence.at < plan.createdAt) return plan;
  return {
    ...plan,
    stage: 'backedUp',
    backup: evidence,
    history: [
      ...plan.history,
      { what: 'backedUp', at: evidence.at, ...(evidence.jobId ? { detail: `job ${evidence.jobId}` } : {}) },
    ],
  };
}

/** Links the new VM (checked by the caller); a later link replaces an earlier one until the new VM is protected. */
export function linkNewVm(plan: MigrationPlan, newVm: PlanVm, by: string, now: number): MigrationPlan {
  if (at(plan.stage) >= at('newProtected')) return plan;
  return {
    ...plan,
    newVm: { ...newVm, linkedAt: now, linkedBy: by },
    history: [...plan.history, { what: 'linked', at: now, by, detail: newVm.id }],
  };
}

/** Step 2 done: the linked new VM is protected, after step 1; the key hold for the old VM's points is recorded. */
export function newVmProtected(
  plan: MigrationPlan,
  evidence: { vaultId: string; at: number; jobId?: string },
  hold: Omit<KeyHoldRecord, 'recordedAt'>,
): MigrationPlan {
  if (plan.stage !== 'backedUp' || !plan.newVm) return plan;
  return {
    ...plan,
    stage: 'newProtected',
    newProtection: evidence,
    keyHold: { ...hold, recordedAt: evidence.at },
    history: [
      ...plan.history,
      { what: 'newProtected', at: evidence.at, detail: evidence.jobId ? `job ${evidence.jobId}` : evidence.vaultId },
      { what: 'keyHold', at: evidence.at, detail: hold.keyVaultIds.join(', ') },
    ],
  };
}

/** Step 3 seen: the old VM's protection stopped with its points kept (`ProtectionStopped` or `BackupsSuspended`). */
export function oldVmStopped(
  plan: MigrationPlan,
  when: number,
  hold?: Omit<KeyHoldRecord, 'recordedAt'>,
): MigrationPlan {
  if (plan.stage !== 'newProtected') return plan;
  return {
    ...plan,
    stage: 'oldStopped',
    stoppedAt: when,
    ...(hold ? { keyHold: { ...hold, recordedAt: when } } : {}),
    history: [...plan.history, { what: 'oldStopped', at: when }],
  };
}
