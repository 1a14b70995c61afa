/** A backup policy in plain words: when it runs and how long it keeps what. */
import type { BackupPolicyInfo } from '../azure/port';
import type { Messages } from '.';

export function describePolicy(m: Messages, p: BackupPolicyInfo): string {
  const w = m.protect;
  const clock = (t: string) => /T(\d{2}:\d{2})/.exec(t)?.[1] ?? t;
  const times = p.scheduleTimes.map(clock).join(', ') || '—';
  const tz = p.timeZone ?? '';
  const when = p.hourly
    ? w.schedule.Hourly(p.hourly.intervalHours, clock(p.hourly.windowStart), p.hourly.windowHours, tz)
    : p.scheduleFrequency === 'Weekly'
      ? w.schedule.Weekly((p.scheduleWeekdays ?? []).join(', '), times, tz)
      : w.schedule.Daily(times, tz);
  const keep = [
    p.dailyRetentionDays && w.retention.daily(p.dailyRetentionDays),
    p.weeklyRetentionWeeks && w.retention.weekly(p.weeklyRetentionWeeks),
    p.monthlyRetentionMonths && w.retention.monthly(p.monthlyRetentionMonths),
    p.yearlyRetentionYears && w.retention.yearly(p.yearlyRetentionYears),
    p.instantRpRetentionDays && w.retention.instant(p.instantRpRetentionDays),
  ].filter(Boolean);
  return `${p.name}: ${when}; ${keep.join(', ')}`;
}
