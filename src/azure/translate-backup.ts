/**
 * Backup SDK models → ProtectionInfo, BackupPolicyInfo, BackupJob, RecoveryPointInfo. Polymorphic models are read
 * through their discriminators (`protectedItemType`, `backupManagementType`, `jobType`, `objectType`).
 */
import type {
  AzureIaaSComputeVMProtectedItem,
  AzureIaaSVMJob,
  AzureIaaSVMProtectionPolicy,
  IaasVMRecoveryPoint,
  JobResource,
  LongTermRetentionPolicy,
  ProtectedItemResource,
  ProtectionPolicyResource,
  RecoveryPointResource,
  SimpleSchedulePolicy,
  SimpleSchedulePolicyV2,
} from '@azure/arm-recoveryservicesbackup';
import type { BackupJob, BackupPolicyInfo, JobError, JobStatus, ProtectionInfo, RecoveryPointInfo } from './port';
import { parseBackupId } from './validate';

const lastSegment = (id: string | undefined): string | undefined => id?.split('/').filter(Boolean).pop();

/** Azure Backup writes "never" as a date: 2001-01-01 on items never backed up, 0001-01-01 on tasks not started. */
const NEVER_MS = Date.UTC(2001, 0, 1);

/**
 * The date, unless it is one of Backup's "never" sentinels (at or before 2001-01-01; azure-cli
 * test_backup_protection.yaml).
 */
export function realDate(d: Date | undefined): Date | undefined {
  return d && Number.isFinite(d.getTime()) && d.getTime() > NEVER_MS ? d : undefined;
}

export function toProtectionInfo(
  vaultId: string,
  containerName: string,
  protectedItemName: string,
  r: ProtectedItemResource,
): ProtectionInfo {
  const p = r.properties as AzureIaaSComputeVMProtectedItem | undefined;
  const policyName = lastSegment(p?.policyId);
  const lastBackupTime = realDate(p?.lastBackupTime);
  const lastRecoveryPoint = realDate(p?.lastRecoveryPoint);
  const purgeAt = p?.isScheduledForDeferredDelete ? realDate(p.deferredDeleteTimeInUTC) : undefined;
  return {
    vaultId,
    containerName,
    protectedItemName,
    ...(p?.policyId ? { policyId: p.policyId } : {}),
    ...(policyName ? { policyName } : {}),
    protectionState: p?.protectionState ?? 'Invalid',
    ...(p?.healthStatus ? { healthStatus: p.healthStatus } : {}),
    ...(p?.lastBackupStatus ? { lastBackupStatus: p.lastBackupStatus } : {}),
    ...(lastBackupTime ? { lastBackupTime } : {}),
    ...(lastRecoveryPoint ? { lastRecoveryPoint } : {}),
    ...(purgeAt ? { deferredDelete: { at: purgeAt } } : {}),
  };
}

export function toPolicyInfo(r: ProtectionPolicyResource): BackupPolicyInfo | undefined {
  const p = r.properties as AzureIaaSVMProtectionPolicy | undefined;
  if (p?.backupManagementType !== 'AzureIaasVM') return undefined;
  const schedule = p.schedulePolicy as SimpleSchedulePolicy | SimpleSchedulePolicyV2 | undefined;
  const runTimes =
    schedule?.schedulePolicyType === 'SimpleSchedulePolicy'
      ? schedule.scheduleRunTimes
      : (schedule?.dailySchedule?.scheduleRunTimes ?? schedule?.weeklySchedule?.scheduleRunTimes);
  const runDays =
    schedule?.schedulePolicyType === 'SimpleSchedulePolicy'
      ? schedule.scheduleRunDays
      : schedule?.weeklySchedule?.scheduleRunDays;
  const hourly = schedule?.schedulePolicyType === 'SimpleSchedulePolicyV2' ? schedule.hourlySchedule : undefined;
  const retention = p.retentionPolicy as LongTermRetentionPolicy | undefined;
  const isLongTerm = retention?.retentionPolicyType === 'LongTermRetentionPolicy';
  return {
    id: r.id ?? '',
    name: r.name ?? '',
    scheduleFrequency: schedule?.scheduleRunFrequency ?? 'Unknown',
    scheduleTimes: (runTimes ?? []).map((d) => d.toISOString()),
    ...(runDays?.length ? { scheduleWeekdays: [...runDays] } : {}),
    ...(hourly?.interval && hourly.scheduleWindowStartTime
      ? {
          hourly: {
            intervalHours: hourly.interval,
            windowStart: hourly.scheduleWindowStartTime.toISOString(),
            windowHours: hourly.scheduleWindowDuration ?? 24,
          },
        }
      : {}),
    ...(p.timeZone ? { timeZone: p.timeZone } : {}),
    ...(isLongTerm && retention.dailySchedule?.retentionDuration?.count !== undefined
      ? { dailyRetentionDays: retention.dailySchedule.retentionDuration.count }
      : {}),
    ...(isLongTerm && retention.weeklySchedule?.retentionDuration?.count !== undefined
      ? { weeklyRetentionWeeks: retention.weeklySchedule.retentionDuration.count }
      : {}),
    ...(isLongTerm && retention.monthlySchedule?.retentionDuration?.count !== undefined
      ? { monthlyRetentionMonths: retention.monthlySchedule.retentionDuration.count }
      : {}),
    ...(isLongTerm && retention.yearlySchedule?.retentionDuration?.count !== undefined
      ? { yearlyRetentionYears: retention.yearlySchedule.retentionDuration.count }
      : {}),
    ...(p.instantRpRetentionRangeInDays !== undefined
      ? { instantRpRetentionDays: p.instantRpRetentionRangeInDays }
      : {}),
    ...(p.protectedItemsCount !== undefined ? { protectedItemsCount: p.protectedItemsCount } : {}),
  };
}

/** `PT1H2M3.5S` → milliseconds. */
export function durationMs(iso: string | undefined): number | undefined {
  const m = /^P(?:(\d+)D)?T?(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(iso ?? '');
  if (!m) return undefined;
  const [, d, h, min, s] = m;
  return Math.round(((Number(d ?? 0) * 24 + Number(h ?? 0)) * 3600 + Number(min ?? 0) * 60 + Number(s ?? 0)) * 1000);
}

const STATUSES: JobStatus[] = ['InProgress', 'Completed', 'Failed', 'CompletedWithWarnings', 'Cancelled', 'Cancelling'];
const CODE_TEXT = /^[A-Za-z][A-Za-z0-9_]{2,}$/;

/** The code text sits in `errorTitle` (the numeric `errorCode` is kept only as a fallback). */
function toJobError(e: NonNullable<AzureIaaSVMJob['errorDetails']>[number], dynamic?: string): JobError {
  const title = e.errorTitle?.trim();
  const code =
    title && CODE_TEXT.test(title) ? title : e.errorCode !== undefined ? String(e.errorCode) : 'UnknownJobError';
  return { code, message: e.errorString ?? dynamic ?? '', recommendations: [...(e.recommendations ?? [])] };
}

export function toBackupJob(vaultId: string, r: JobResource): BackupJob {
  const p = (r.properties ?? { jobType: 'AzureIaaSVMJob' }) as AzureIaaSVMJob;
  const info = p.jobType === 'AzureIaaSVMJob' ? p.extendedInfo : undefined;
  const status = STATUSES.find((s) => s.toLowerCase() === (p.status ?? '').toLowerCase()) ?? 'InProgress';
  const duration = durationMs(p.duration);
  const endTime = realDate(p.endTime);
  const current = info?.tasksList?.find((t) => t.status === 'InProgress')?.taskId;
  return {
    jobId: parseBackupId(r.id, 'job id').job ?? '',
    vaultId,
    operation: p.operation ?? '',
    status,
    entityFriendlyName: p.entityFriendlyName ?? '',
    startTime: p.startTime ?? new Date(0),
    ...(endTime ? { endTime } : {}),
    ...(duration !== undefined ? { durationMs: duration } : {}),
    ...(current ? { currentTask: current } : {}),
    ...(info?.progressPercentage !== undefined ? { progressPercentage: info.progressPercentage } : {}),
    errors: (p.errorDetails ?? []).map((e) => toJobError(e, info?.dynamicErrorMessage)),
    ...(info?.propertyBag ? { propertyBag: { ...info.propertyBag } } : {}),
  };
}

const TIER_NAMES: Record<string, string> = { InstantRP: 'Snapshot', HardenedRP: 'Vault', ArchivedRP: 'Archive' };

/**
 * Tier enums arrive as numbers at some api-versions (`{"type":1,"status":1}`, azure-cli recordings at 2020-10-01) and
 * as names at others (`{"type":"InstantRP","status":"Valid"}`, 2025-02-01): both are read, by the enums' order.
 */
const TIER_TYPES = ['Invalid', 'InstantRP', 'HardenedRP', 'ArchivedRP'];
const TIER_STATUSES = ['Invalid', 'Valid', 'Deleted', 'Disabled', 'Rehydrated'];
const enumName = (value: unknown, names: string[]): string =>
  typeof value === 'number' ? (names[value] ?? String(value)) : typeof value === 'string' ? value : '';

export function toRecoveryPoint(r: RecoveryPointResource): RecoveryPointInfo | undefined {
  const p = r.properties as IaasVMRecoveryPoint | undefined;
  if (p?.objectType !== 'IaasVMRecoveryPoint') return undefined;
  const ks = p.keyAndSecret;
  const expiry = p.recoveryPointProperties?.expiryTime
    ? realDate(new Date(p.recoveryPointProperties.expiryTime))
    : undefined;
  return {
    id: r.id ?? '',
    name: parseBackupId(r.id, 'recovery point id').recoveryPoint ?? '',
    time: p.recoveryPointTime ?? new Date(0),
    consistency: p.recoveryPointType ?? 'Unknown',
    tiers: (p.recoveryPointTierDetails ?? [])
      .map((t) => ({ type: enumName(t.type, TIER_TYPES), status: enumName(t.status, TIER_STATUSES) }))
      .filter((t) => t.status === 'Valid' || t.status === 'Rehydrated')
      .map((t) => TIER_NAMES[t.type] ?? t.type),
    isSourceVmEncrypted: p.isSourceVMEncrypted ?? false,
    ...(ks
      ? {
          keyAndSecret: {
            ...(ks.bekDetails?.secretUrl ? { secretUrl: ks.bekDetails.secretUrl } : {}),
            ...(ks.bekDetails?.secretVaultId ? { secretVaultId: ks.bekDetails.secretVaultId } : {}),
            ...(ks.kekDetails?.keyUrl ? { kekUrl: ks.kekDetails.keyUrl } : {}),
            ...(ks.kekDetails?.keyVaultId ? { kekVaultId: ks.kekDetails.keyVaultId } : {}),
          },
        }
      : {}),
    ...(expiry ? { expiry } : {}),
  };
}
