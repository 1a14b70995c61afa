/**
 * AzureIaaSVMJob payloads as Azure sends them. Recorded traffic (azure-cli backup recordings, see test/recorded/) wins
 * over the spec examples ListJobs.json / GetJobDetails.json where they differ:
 * - list items already carry `errorDetails`, `actionsInfo` and `containerName` (without `IaasVMContainer;`);
 * - a failed job's `errorCode` is a number, the code text is in `errorTitle`, the message in `errorString`;
 * - backup jobs have no `progressPercentage` (restores do); tasks not started (or not ended) carry
 *   `0001-01-01T00:00:00`; the property bag's expiry is `Recovery Point Expiry Time in UTC`, `M/D/YYYY h:mm:ss AM`.
 * The job's steps (`extendedInfo`) come only from its details, as with Get-AzRecoveryServicesBackupJob.
 * The error numbers in jobs/effects.ts are placeholders: no recording of those two errors was found.
 */
import { isoDuration, isoTime } from '../arm';
import type { SimJob, SimRecoveryVault } from '../estate/model';
import { jobView, type JobView } from '../jobs/progress';
import type { SimTimings } from '../types';

/** A job as jobDetails.get gives it (GetJobDetails.json): its list item, plus steps, progress and the property bag. */
export function jobPayload(
  vault: SimRecoveryVault,
  job: SimJob,
  now: number,
  timings: SimTimings,
): Record<string, unknown> {
  const view = jobView(job, now, timings);
  const item = jobListItem(vault, job, view);
  const remainingMs = view.status === 'InProgress' ? Math.max(0, totalMs(job, timings) - view.durationMs) : undefined;
  // Only restores report a progress percentage; backup jobs carry none (azure-cli test_backup_job.yaml).
  const progress = job.operation === 'Restore' ? view.progressPercentage : undefined;
  return {
    ...item,
    properties: {
      ...item.properties,
      extendedInfo: {
        tasksList: view.tasks.map((t) => ({
          taskId: t.taskId,
          startTime: t.startTime !== undefined ? isoTime(t.startTime) : NOT_YET,
          endTime: t.endTime !== undefined ? isoTime(t.endTime) : NOT_YET,
          duration: isoDuration(t.durationMs),
          status: t.status,
          ...(t.progress !== undefined && job.operation === 'Restore' ? { progressPercentage: t.progress } : {}),
        })),
        propertyBag: { 'VM Name': job.entityFriendlyName, ...propertyBagFor(job), ...job.propertyBag },
        ...(progress !== undefined ? { progressPercentage: progress } : {}),
        ...(remainingMs !== undefined && job.operation === 'Restore'
          ? { estimatedRemainingDuration: isoDuration(remainingMs) }
          : {}),
        ...(view.error ? { dynamicErrorMessage: view.error.message } : {}),
      },
    },
  };
}

/**
 * A job as backupJobs.list gives it, as of `view` (`jobView` of the job now). Azure's list items carry the job's
 * errors, its container (without the `IaasVMContainer;` prefix) and what can be done with it (`actionsInfo`), as
 * azure-cli's recordings show; the spec example ListJobs.json has none of these.
 */
export function jobListItem(vault: SimRecoveryVault, job: SimJob, view: JobView) {
  return {
    id: `${vault.id}/backupJobs/${job.name}`,
    name: job.name,
    type: 'Microsoft.RecoveryServices/vaults/backupJobs',
    properties: {
      jobType: 'AzureIaaSVMJob',
      duration: isoDuration(view.durationMs),
      actionsInfo:
        view.status === 'InProgress' && (job.operation === 'Backup' || job.operation === 'Restore')
          ? ['Cancellable']
          : [],
      errorDetails: view.error
        ? [
            {
              errorCode: view.error.number,
              errorTitle: view.error.code,
              errorString: view.error.message,
              recommendations: view.error.recommendations,
            },
          ]
        : [],
      virtualMachineVersion: 'Compute',
      isUserTriggered: job.isUserTriggered,
      entityFriendlyName: job.entityFriendlyName,
      backupManagementType: 'AzureIaasVM',
      operation: job.operation,
      status: view.status,
      startTime: isoTime(job.startTime),
      ...(view.endTime !== undefined ? { endTime: isoTime(view.endTime) } : {}),
      activityId: job.name,
      containerName: job.containerKey,
    },
  };
}

/** A task not started (or not ended) yet: .NET's DateTime.MinValue, as Azure writes it. */
const NOT_YET = '0001-01-01T00:00:00';

function propertyBagFor(job: SimJob): Record<string, string> {
  if (job.operation !== 'Backup') return {};
  return {
    'Backup Size': job.outcome?.status === 'Completed' ? '10240 MB' : '0 MB',
    ...(job.expiry !== undefined ? { 'Recovery Point Expiry Time in UTC': usDateTime(job.expiry) } : {}),
  };
}

/** `M/D/YYYY h:mm:ss AM` in UTC, as the property bag writes times. */
export function usDateTime(ms: number): string {
  const d = new Date(ms);
  const h = d.getUTCHours();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${h % 12 || 12}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`;
}

function totalMs(job: SimJob, timings: SimTimings): number {
  if (job.operation === 'Backup') return timings.snapshotMs + timings.transferMs;
  return job.operation === 'Restore' ? timings.restoreMs : timings.configureMs;
}
