/**
 * ADE retires on 15 September 2028: after that ADE disks do not unlock after a reboot, ADE backups are blocked and
 * restores "might not work as expected" (ADE-MIGRATION-FACTS §1). Dates here are UTC, as Azure shows them.
 */
export const ADE_RETIREMENT = Date.UTC(2028, 8, 15);

const DAY = 86_400_000;

/** Whole days from `now` until the retirement (0 on the day and after). */
export function daysLeft(now: number): number {
  return Math.max(0, Math.ceil((ADE_RETIREMENT - now) / DAY));
}

export type RetentionUnit = 'Days' | 'Weeks' | 'Months' | 'Years';

/**
 * `time` plus `count` units, by the calendar for months and years (a point kept 5 years from 5 Jan 2026 goes 5 Jan
 * 2031).
 */
export function addRetention(time: number, count: number, unit: RetentionUnit): number {
  if (unit === 'Days') return time + count * DAY;
  if (unit === 'Weeks') return time + count * 7 * DAY;
  const d = new Date(time);
  if (unit === 'Months') d.setUTCMonth(d.getUTCMonth() + count);
  else d.setUTCFullYear(d.getUTCFullYear() + count);
  return d.getTime();
}
