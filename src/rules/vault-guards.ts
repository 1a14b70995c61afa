/**
 * What a vault's own guards forbid, decided before any request is sent (CRITICAL-OPS-FACTS §2–4): an immutable vault
 * keeps every point until it expires and never lets retention shrink; a soft-deleted item can only be undeleted. The
 * Resource Guard (multi-user authorization) is not refused here: whether the bot's identity holds Backup MUA Operator
 * right now (usually granted just in time through PIM) cannot be seen, so the request is sent with the guard's request
 * and Azure decides. Which operations need an approver (APPROVAL_REQUIRED_FOR) is decided here too. Pure functions.
 */
import type { Config } from '../config';
import { guardRequestFor, isSoftDeleted, type GuardedOperation, type VaultGuards } from '../azure/lifecycle';
import type { BackupPolicyInfo, ProtectionInfo, RecoveryPointInfo } from '../azure/port';

/** The critical operations on a VM's backup item the bot carries out. */
export type ProtectionOperation = 'stop' | 'deleteData' | 'resume' | 'changePolicy' | 'undelete';

/**
 * The Resource Guard operation each one is, when a guard protects it (azure-cli custom_help.py's
 * vaultCriticalOperation).
 */
const GUARDED_AS: Record<ProtectionOperation, GuardedOperation | undefined> = {
  stop: 'stopKeepData',
  deleteData: 'deleteData',
  resume: 'modifyProtection',
  changePolicy: 'modifyProtection',
  undelete: undefined,
};

/** The vault's Resource Guard, when it protects `operation`: the card names it and the role Azure will want. */
export function guardFor(
  guards: VaultGuards,
  operation: ProtectionOperation,
): { id: string; name: string; request?: string } | undefined {
  const as = GUARDED_AS[operation];
  const request = as && guardRequestFor(guards, as);
  return request && guards.resourceGuard
    ? { id: guards.resourceGuard.id, name: guards.resourceGuard.name, request }
    : undefined;
}

/** `Unlocked` (enabled) and `Locked` (enabled for good) both hold points until they expire. */
export const isImmutable = (guards: Pick<VaultGuards, 'immutability'>): boolean =>
  guards.immutability.toLowerCase() !== 'disabled';

/** Soft delete keeps deleted data unless it is `Disabled`; `AlwaysON` cannot be turned off by anyone. */
export const keepsDeletedData = (guards: Pick<VaultGuards, 'softDelete'>): boolean =>
  guards.softDelete.state.toLowerCase() !== 'disabled';

const DAY = 86_400_000;

/**
 * The longest a policy keeps a point, in days (weeks, months, years as 7, 31, 366 days): what "shorter retention"
 * compares.
 */
export function longestRetentionDays(
  p: Pick<
    BackupPolicyInfo,
    'dailyRetentionDays' | 'weeklyRetentionWeeks' | 'monthlyRetentionMonths' | 'yearlyRetentionYears'
  >,
): number {
  return Math.max(
    0,
    p.dailyRetentionDays ?? 0,
    (p.weeklyRetentionWeeks ?? 0) * 7,
    (p.monthlyRetentionMonths ?? 0) * 31,
    (p.yearlyRetentionYears ?? 0) * 366,
  );
}

/**
 * What a delete would lose, in the card's words: how many points, the oldest and newest, and which have not expired.
 */
export interface PointsSummary {
  count: number;
  oldest?: string;
  newest?: string;
  /**
   * Points not expired at `now`; a point with no expiry Azure told of counts as not expired (an immutable vault keeps
   * it).
   */
  unexpired: number;
  /** The latest expiry among the points, when every one has one. */
  lastExpiry?: string;
}

export function summarisePoints(points: readonly RecoveryPointInfo[], now: number): PointsSummary {
  const times = points.map((p) => p.time.getTime()).sort((a, b) => a - b);
  const expiries = points.map((p) => p.expiry?.getTime());
  const known = expiries.every((e) => e !== undefined) && expiries.length > 0;
  return {
    count: points.length,
    ...(times.length
      ? { oldest: new Date(times[0]).toISOString(), newest: new Date(times[times.length - 1]).toISOString() }
      : {}),
    unexpired: expiries.filter((e) => e === undefined || e > now).length,
    ...(known ? { lastExpiry: new Date(Math.max(...expiries)).toISOString() } : {}),
  };
}

/** Why the vault forbids the operation now, in the bot's own codes (shown with their reason; nothing is sent). */
export type GuardRefusal =
  | { code: 'ImmutableVaultUnexpiredPoints'; immutability: string; unexpired: number; lastExpiry?: string }
  | {
      code: 'ImmutableVaultShorterRetention';
      immutability: string;
      from: string;
      fromDays: number;
      to: string;
      toDays: number;
    }
  | { code: 'SoftDeletedItemNeedsUndelete'; purgeAt: string };

export interface GuardCheck {
  guards: VaultGuards;
  protection: Pick<ProtectionInfo, 'deferredDelete'>;
  /** deleteData: the item's points, summarised. */
  points?: PointsSummary;
  /** changePolicy: the item's policy now and the one asked for. */
  from?: BackupPolicyInfo;
  to?: BackupPolicyInfo;
}

export function guardRefusal(operation: ProtectionOperation, c: GuardCheck): GuardRefusal | undefined {
  if (operation !== 'undelete' && isSoftDeleted(c.protection))
    return { code: 'SoftDeletedItemNeedsUndelete', purgeAt: c.protection.deferredDelete!.at.toISOString() };
  if (!isImmutable(c.guards)) return undefined;
  const immutability = c.guards.immutability;
  if (operation === 'deleteData' && c.points && c.points.unexpired > 0) {
    return {
      code: 'ImmutableVaultUnexpiredPoints',
      immutability,
      unexpired: c.points.unexpired,
      ...(c.points.lastExpiry ? { lastExpiry: c.points.lastExpiry } : {}),
    };
  }
  if (operation === 'changePolicy' && c.from && c.to && isShorter(c.from, c.to)) {
    return {
      code: 'ImmutableVaultShorterRetention',
      immutability,
      from: c.from.name,
      fromDays: longestRetentionDays(c.from),
      to: c.to.name,
      toDays: longestRetentionDays(c.to),
    };
  }
  return undefined;
}

/** Whether `to` keeps points for less time than `from`. */
export const isShorter = (from: BackupPolicyInfo, to: BackupPolicyInfo): boolean =>
  longestRetentionDays(to) < longestRetentionDays(from);

/** Days from `now` until `at`, a part day counted whole (13 days and 23 hours are "14 days"), never below 0. */
export const daysUntil = (at: Date | string, now: number): number =>
  Math.max(0, Math.ceil((new Date(at).getTime() - now) / DAY));

/**
 * Whether the operation needs an approver other than the requester under APPROVAL_REQUIRED_FOR: deleting data always
 * does; a policy change only when the new policy keeps points for less time.
 */
export function needsApprover(
  config: Pick<Config, 'approvalRequiredFor'>,
  operation: ProtectionOperation,
  shorterRetention = false,
): boolean {
  const listed = (name: Config['approvalRequiredFor'][number]) => config.approvalRequiredFor.includes(name);
  switch (operation) {
    case 'deleteData':
      return true;
    case 'stop':
      return listed('stop');
    case 'resume':
      return listed('resume');
    case 'changePolicy':
      return shorterRetention && listed('policy-change');
    case 'undelete':
      return listed('undelete');
  }
}
