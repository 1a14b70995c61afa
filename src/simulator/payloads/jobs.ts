/**
 * AzureIaaSVMJob payloads shaped like ListJobs.json and GetJobDetails.json (tasksList, propertyBag, duration).
 *
 * Errors: no public payload of a failed IaaS VM job was found. AzureIaaSVMErrorInfo types `errorCode` as a number, so
 * it carries a placeholder number, `errorTitle` carries the code text Azure shows (e.g.
 * "UserErrorKeyVaultPermissionsNotConfigured"), `errorString` the message, and `extendedInfo.dynamicErrorMessage`
 * repeats the message. The SDK port reads the code text from `errorTitle`.
 *
 * The list answer (`jobListItem`) is shaped like ListJobs.json: the job's status and times, no `extendedInfo` (tasks,
 * progress, property bag) and no `errorDetails`. As with Get-AzRecoveryServicesBackupJob, the current step and the
 * errors of a job come only from its details (`jobPayload`, GetJobDetails.json).
 */
import { isoDuration, isoTime } from '../arm';
import type { SimJob, SimRecoveryVault } from '../estate/model';
import { jobView, type JobView } from '../jobs/progress';
import type { SimTimings } from '../types';
import { containerName } from './backup';

/** A job as jobDetails.get gives it (GetJobDetails.json): its list item, plus steps, progress and errors. */
export function jobPayload(vault: SimRecoveryVault, job: SimJob, now: number, timings: SimTimings): Record<string, unknown> {
  const view = jobView(job, now, timings);
  const item = jobListItem(vault, job, view);
  const remainingMs = view.status === 'InProgress' ? Math.max(0, totalMs(job, timings) - view.durationMs) : undefined;
  return {
    ...item,
    properties: {
      ...item.properties,
      actionsInfo: view.status === 'InProgress' && job.operation !== 'ConfigureBackup' ? ['Cancellable'] : [],
      ...(view.error
        ? { errorDetails: [{ errorCode: view.error.number, errorTitle: view.error.code, errorString: view.error.message, recommendations: view.error.recommendations }] }
        : {}),
      extendedInfo: {
        tasksList: view.tasks.map((t) => ({
          taskId: t.taskId,
          ...(t.startTime !== undefined ? { startTime: isoTime(t.startTime) } : {}),
          ...(t.endTime !== undefined ? { endTime: isoTime(t.endTime) } : {}),
          duration: isoDuration(t.durationMs),
          status: t.status,
          ...(t.progress !== undefined ? { progressPercentage: t.progress } : {}),
        })),
        propertyBag: { 'VM Name': job.entityFriendlyName, ...propertyBagFor(job), ...job.propertyBag },
        ...(view.progressPercentage !== undefined ? { progressPercentage: view.progressPercentage } : {}),
        ...(remainingMs !== undefined ? { estimatedRemainingDuration: isoDuration(remainingMs) } : {}),
        ...(view.error ? { dynamicErrorMessage: view.error.message } : {}),
      },
      containerName: containerName(job.containerKey),
      isUserTriggered: job.isUserTriggered,
    },
  };
}

/** A job as backupJobs.list gives it (ListJobs.json): its status and times, as of `view` (`jobView` of the job now). */
export function jobListItem(vault: SimRecoveryVault, job: SimJob, view: JobView) {
  return {
    id: `${vault.id}/backupJobs/${job.name}`,
    name: job.name,
    type: 'Microsoft.RecoveryServices/vaults/backupJobs',
    properties: {
      jobType: 'AzureIaaSVMJob',
      duration: isoDuration(view.durationMs),
      virtualMachineVersion: 'Compute',
      entityFriendlyName: job.entityFriendlyName,
      backupManagementType: 'AzureIaasVM',
      operation: job.operation,
      status: view.status,
      startTime: isoTime(job.startTime),
      ...(view.endTime !== undefined ? { endTime: isoTime(view.endTime) } : {}),
      activityId: job.name,
    },
  };
}

function propertyBagFor(job: SimJob): Record<string, string> {
  if (job.operation !== 'Backup') return {};
  return {
    'Backup Size': job.outcome?.status === 'Completed' ? '10240 MB' : '0 MB',
    ...(job.expiry !== undefined ? { 'Recovery point expiry time in UTC': isoTime(job.expiry) } : {}),
  };
}

function totalMs(job: SimJob, timings: SimTimings): number {
  if (job.operation === 'Backup') return timings.snapshotMs + timings.transferMs;
  return job.operation === 'Restore' ? timings.restoreMs : timings.configureMs;
}
