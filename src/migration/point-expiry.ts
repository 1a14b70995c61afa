/**
 * Until when an item's recovery points live, and how many outlive ADE — estimated from the item's policy, without
 * reading its points: a read per item would make the report grow with VMs. A point kept under a tier (daily, weekly,
 * monthly, yearly) expires its retention after it was taken; the newest point is `lastRecoveryPoint`. So:
 * - latest expiry: at most `lastRecoveryPoint` + the longest retention (an upper bound: the newest yearly point may
 *   be older than the newest point);
 * - points past the retirement: for each tier, the points it took in (retirement − its retention, newest], one per
 *   period (day, week, month, year), those a longer tier already counts left out (a yearly point is also a monthly
 *   one). Without `oldestRecoveryPoint` (list answers carry none) the policy is taken to have run since the VM was
 *   created, which can only overcount.
 * - protection stopped keeping the data ("retain forever", `ProtectionStopped`): the points never expire
 *   (CRITICAL-OPS-FACTS §1); "retain as per policy" (`BackupsSuspended`) keeps the policy's retention.
 * On-demand backups keep their own expiry, which only a read of the point shows; they are not counted.
 */
import type { FleetPolicy, FleetProtectedItem, RetentionTier } from '../azure/fleet';
import { addRetention, ADE_RETIREMENT } from './retirement';

export type Expiry = number | 'indefinite';

export interface PointsEstimate {
  /** Estimated points that expire after the retirement. */
  atRisk: number;
  /** When the item's last point expires, when it has points and that can be told. */
  latestExpiry?: Expiry;
  /** `policy`: from the policy's retention; `stopped`: kept until deleted; `unknown`: no policy to go by. */
  basis: 'policy' | 'stopped' | 'unknown' | 'none';
}

const DAY = 86_400_000;
const PERIOD: Record<RetentionTier['kind'], number> = {
  daily: DAY,
  weekly: 7 * DAY,
  monthly: 30.436875 * DAY,
  yearly: 365.2425 * DAY,
};
const ORDER: RetentionTier['kind'][] = ['yearly', 'monthly', 'weekly', 'daily'];

export function laterExpiry(a: Expiry | undefined, b: Expiry | undefined): Expiry | undefined {
  if (a === 'indefinite' || b === 'indefinite') return 'indefinite';
  if (a === undefined) return b;
  return b === undefined ? a : Math.max(a, b);
}

/** `notBefore`: no point is older (the VM's creation time, when known). */
export function estimatePoints(
  item: FleetProtectedItem,
  policy: FleetPolicy | undefined,
  notBefore?: number,
  retirement = ADE_RETIREMENT,
): PointsEstimate {
  const newest = item.lastRecoveryPoint?.getTime();
  if (newest === undefined) return { atRisk: 0, basis: 'none' };
  if (item.protectionState === 'ProtectionStopped')
    return { atRisk: Math.max(1, item.recoveryPointCount ?? 1), latestExpiry: 'indefinite', basis: 'stopped' };
  if (!policy?.retention.length) return { atRisk: 0, basis: 'unknown' };
  const tiers = ORDER.map((kind) => policy.retention.find((t) => t.kind === kind)).filter(
    (t): t is RetentionTier => t !== undefined,
  );
  const oldest = Math.max(
    item.oldestRecoveryPoint?.getTime() ?? Number.NEGATIVE_INFINITY,
    notBefore ?? Number.NEGATIVE_INFINITY,
  );
  let expected = 0;
  let longer: RetentionTier | undefined;
  for (const tier of tiers) {
    const from = Math.max(oldest, addRetention(retirement, -tier.count, tier.unit));
    const span = Math.max(0, newest - from);
    // Points of this tier in its window, one per period, less the next longer tier's there (counted already).
    if (span > 0) expected += span / PERIOD[tier.kind] - (longer ? span / PERIOD[longer.kind] : 0);
    longer = tier;
  }
  const latest = Math.max(...tiers.map((t) => addRetention(newest, t.count, t.unit)));
  const atRisk = latest > retirement ? Math.max(1, Math.round(expected)) : 0;
  const counted = item.recoveryPointCount !== undefined ? Math.min(atRisk, item.recoveryPointCount) : atRisk;
  return { atRisk: counted, latestExpiry: latest, basis: 'policy' };
}
