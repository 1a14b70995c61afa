/**
 * How long an on-demand recovery point is kept: a date, by default today + 30 days (Azure's default), at least
 * tomorrow and at most 99 years ahead (Azure's limit for on-demand backups). Kept through the whole chosen day (UTC).
 */
const DAY = 86_400_000;
export const DEFAULT_RETENTION_DAYS = 30;
const MAX_RETENTION_DAYS = 36_135; // 99 years

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function retainUntilAfter(days: number, now: number): string {
  return isoDay(now + days * DAY);
}

export function retentionBounds(now: number): { min: string; max: string } {
  return { min: retainUntilAfter(1, now), max: retainUntilAfter(MAX_RETENTION_DAYS, now) };
}

/** The expiry to send to Azure for a `YYYY-MM-DD` date, or `undefined` when it is not a valid day in range. */
export function expiryFor(date: unknown, now: number): Date | undefined {
  if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const expiry = new Date(`${date}T23:59:59Z`);
  if (Number.isNaN(expiry.getTime()) || isoDay(expiry.getTime()) !== date) return undefined;
  const { min, max } = retentionBounds(now);
  return date >= min && date <= max ? expiry : undefined;
}

/** From command words: `keep 10 days` / `10日保持` or `until 2026-12-31` / `2026-12-31まで`. */
export function requestedRetainUntil(args: { days?: string; until?: string }, now: number): string | undefined {
  if (args.days) return retainUntilAfter(Number(args.days), now);
  return args.until?.replace(/\//g, '-');
}
