/**
 * Job progress computed from the clock, lazily: `jobView` is a pure function of the job and `now`, and `settle`
 * (run before every request) records outcomes and their effects once a deciding moment has passed. A paused test
 * clock therefore means a frozen job, and the Key Vault check of a backup sees the estate as it was when the
 * snapshot phase ended (every grant arrives as a request, which settles first).
 */
import type { Estate, SimJob, SimJobError, SimRecoveryVault } from '../estate/model';
import type { SimTimings } from '../types';
import { applyBackupFailure, applyBackupSuccess, backupPrecheck } from './effects';

export type TaskStatus = 'NotStarted' | 'InProgress' | 'Completed' | 'Failed';

export interface TaskView {
  taskId: string;
  status: TaskStatus;
  startTime?: number;
  endTime?: number;
  durationMs: number;
  progress?: number;
}

export interface JobView {
  status: 'InProgress' | 'Completed' | 'Failed';
  endTime?: number;
  durationMs: number;
  tasks: TaskView[];
  progressPercentage?: number;
  error?: SimJobError;
}

interface Phase {
  taskId?: string;
  ms: number;
}

export function phasesOf(job: SimJob, timings: SimTimings): Phase[] {
  switch (job.operation) {
    case 'Backup':
      return [
        { taskId: 'Take Snapshot', ms: timings.snapshotMs },
        { taskId: 'Transfer data to vault', ms: timings.transferMs },
      ];
    case 'Restore':
      return [{ taskId: 'Transfer data', ms: timings.restoreMs }];
    case 'ConfigureBackup':
    case 'DisableBackup':
    case 'DeleteBackupData':
    case 'Undelete':
      return [{ ms: timings.configureMs }];
  }
}

export function jobView(job: SimJob, now: number, timings: SimTimings): JobView {
  const outcome = job.outcome;
  const t = Math.max(job.startTime, Math.min(now, outcome?.endTime ?? Number.POSITIVE_INFINITY));
  const phases = phasesOf(job, timings);
  const total = phases.reduce((sum, p) => sum + p.ms, 0);
  const tasks: TaskView[] = [];
  let cursor = job.startTime;
  for (const phase of phases) {
    const start = cursor;
    const finish = cursor + phase.ms;
    cursor = finish;
    if (!phase.taskId) continue;
    if (outcome?.status === 'Failed' && outcome.failedTask === phase.taskId) {
      tasks.push({
        taskId: phase.taskId,
        status: 'Failed',
        startTime: start,
        endTime: outcome.endTime,
        durationMs: outcome.endTime - start,
      });
    } else if (t >= finish) {
      tasks.push({
        taskId: phase.taskId,
        status: 'Completed',
        startTime: start,
        endTime: finish,
        durationMs: phase.ms,
      });
    } else if (t >= start && !outcome) {
      const progress = phase.ms > 0 ? Math.floor(((t - start) / phase.ms) * 100) : 100;
      tasks.push({ taskId: phase.taskId, status: 'InProgress', startTime: start, durationMs: t - start, progress });
    } else {
      tasks.push({ taskId: phase.taskId, status: 'NotStarted', durationMs: 0 });
    }
  }
  return {
    status: outcome?.status ?? 'InProgress',
    endTime: outcome?.endTime,
    durationMs: t - job.startTime,
    tasks,
    progressPercentage: outcome ? undefined : total > 0 ? Math.floor(((t - job.startTime) / total) * 100) : 0,
    error: outcome?.error,
  };
}

/** Records every outcome whose moment has come, with its effects on items and recovery points. */
export function settle(estate: Estate, now: number, timings: SimTimings): void {
  for (const vault of estate.recoveryVaults) {
    for (const job of vault.jobs) {
      if (!job.outcome) advance(estate, vault, job, now, timings);
    }
  }
}

function advance(estate: Estate, vault: SimRecoveryVault, job: SimJob, now: number, timings: SimTimings): void {
  const phases = phasesOf(job, timings);
  const end = job.startTime + phases.reduce((sum, p) => sum + p.ms, 0);
  if (job.operation === 'Backup') {
    const snapshotEnd = job.startTime + timings.snapshotMs;
    if (now < snapshotEnd) return;
    if (!job.snapshotChecked) {
      const error = backupPrecheck(estate, job);
      if (error) {
        job.outcome = { status: 'Failed', endTime: snapshotEnd, error, failedTask: 'Take Snapshot' };
        applyBackupFailure(vault, job);
        return;
      }
      job.snapshotChecked = true;
    }
    if (now >= end) {
      job.outcome = { status: 'Completed', endTime: end };
      applyBackupSuccess(estate, vault, job, snapshotEnd);
    }
    return;
  }
  if (now >= end) job.outcome = { status: 'Completed', endTime: end };
}
