/**
 * The `$filter` grammar of BackupJobs_List (ListJobsWithAllSupportedFilters.json):
 *   startTime eq '2016-01-01 00:00:00 AM' and endTime eq '2017-11-29 00:00:00 AM' and operation eq 'Backup'
 *   and backupManagementType eq 'AzureIaasVM' and status eq 'InProgress'
 * Clauses are `field eq 'value'` joined by `and`; times are UTC `yyyy-MM-dd hh:mm:ss AM|PM`. Anything else is
 * rejected the way the service does, with 400.
 */
import { badRequest } from '../arm';

export interface JobFilter {
  startTime?: number;
  endTime?: number;
  operation?: string;
  status?: string;
  backupManagementType?: string;
}

/**
 * Chosen code: BMSUserErrorInvalidInput. The message follows the text users have reported for this API
 * (azure-docs issue #42973); the exact code of that answer was not found.
 */
const INVALID = 'BMSUserErrorInvalidInput';
const GUIDANCE =
  'The inputs specified for Get jobs API are incorrect. Please check your inputs and try again. Make sure your filter ' +
  "parameters follow these guidelines: startTime eq 'yyyy-MM-dd hh:mm:ss AM' and endTime eq 'yyyy-MM-dd hh:mm:ss PM', " +
  'status eq {InProgress, Completed, Failed, CompletedWithWarnings, Cancelled, Cancelling}, backupManagementType eq ' +
  '{AzureIaasVM, MAB, DPM, AzureBackupServer, AzureSql, AzureStorage, AzureWorkload}, operation eq {ConfigureBackup, ' +
  'Backup, Restore, DisableBackup, DeleteBackupData, CrossRegionRestore}.';

const ALLOWED: Record<string, readonly string[]> = {
  status: ['InProgress', 'Completed', 'Failed', 'CompletedWithWarnings', 'Cancelled', 'Cancelling'],
  operation: [
    'ConfigureBackup',
    'Backup',
    'Restore',
    'DisableBackup',
    'DeleteBackupData',
    'CrossRegionRestore',
    'Register',
    'UnRegister',
    'UpdateCustomerManagedKey',
  ],
  backupManagementType: ['AzureIaasVM', 'MAB', 'DPM', 'AzureBackupServer', 'AzureSql', 'AzureStorage', 'AzureWorkload'],
};

/** `yyyy-MM-dd hh:mm:ss AM|PM` (the example's `00:00:00 AM` is midnight too). */
export function parseFilterTime(value: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{1,2}):(\d{2}):(\d{2}) (AM|PM)$/i.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, ampm] = m as unknown as [string, string, string, string, string, string, string, string];
  let hour = Number(h);
  if (hour > 12) return undefined;
  if (ampm.toUpperCase() === 'AM' && hour === 12) hour = 0;
  if (ampm.toUpperCase() === 'PM' && hour < 12) hour += 12;
  const t = Date.UTC(Number(y), Number(mo) - 1, Number(d), hour, Number(mi), Number(s));
  return Number.isNaN(t) ? undefined : t;
}

export function parseJobFilter(filter: string | undefined): JobFilter {
  const out: JobFilter = {};
  if (!filter?.trim()) return out;
  for (const clause of filter.trim().split(/\s+and\s+/i)) {
    const m = /^(\w+)\s+eq\s+'([^']*)'$/i.exec(clause.trim());
    if (!m) throw badRequest(INVALID, GUIDANCE);
    const field = m[1].toLowerCase();
    const value = m[2];
    if (field === 'starttime' || field === 'endtime') {
      const t = parseFilterTime(value);
      if (t === undefined) throw badRequest(INVALID, GUIDANCE);
      if (field === 'starttime') out.startTime = t;
      else out.endTime = t;
      continue;
    }
    const key = Object.keys(ALLOWED).find((k) => k.toLowerCase() === field);
    const canonical = key ? ALLOWED[key]?.find((v) => v.toLowerCase() === value.toLowerCase()) : undefined;
    if (!key || !canonical) throw badRequest(INVALID, GUIDANCE);
    (out as Record<string, string>)[key] = canonical;
  }
  if (out.startTime !== undefined && out.endTime !== undefined && out.endTime < out.startTime)
    throw badRequest(INVALID, GUIDANCE);
  return out;
}
