/**
 * A job the bot follows into a thread. Stored under `job/<jobId>` so tracking survives restarts: after a crash the
 * same card keeps being updated, and the final message is posted once.
 */
import type { BackupJob, JobError, JobStatus } from '../azure/port';
import type { Locale } from '../i18n';
import type { Lease } from '../state/lease';

export interface JobView {
  status: JobStatus;
  task?: string;
  startTime: string;
  endTime?: string;
  durationMs?: number;
  errors: JobError[];
  propertyBag?: Record<string, string>;
}

export interface TrackedJob {
  jobId: string;
  vaultId: string;
  /** Backup | Restore | ConfigureBackup | CrossRegionRestore … */
  operation: string;
  vm: { id: string; name: string; resourceGroup: string; encryption?: string; osType?: string };
  conversationId: string;
  locale: Locale;
  startedBy: { id: string; name: string };
  createdAt: number;
  /** The job card, once posted. */
  cardActivityId?: string;
  /** What the card shows now; the card is written only when the view's signature changes. */
  shown?: string;
  view?: JobView;
  /** Set once the final message is posted: the job is no longer polled. */
  finishedAt?: number;
  /** Extra facts for the job card and the final message (e.g. retain-until, restore target). */
  details?: { retainUntil?: string };
  /** Which bot instance follows the job now (scale-out: exactly one polls it and posts about it); see the tracker. */
  lease?: Lease;
}

export const jobKey = (jobId: string) => `job/${jobId.toLowerCase()}`;

export const TERMINAL: readonly JobStatus[] = ['Completed', 'CompletedWithWarnings', 'Failed', 'Cancelled'];

export function isTerminal(status: JobStatus): boolean {
  return TERMINAL.includes(status);
}

/** Only what a person sees changes the signature: status, current task, error codes. */
export function signature(view: JobView): string {
  return JSON.stringify([view.status, view.task ?? '', view.errors.map((e) => e.code)]);
}

/** What the bot keeps of a job as Azure reports it (dates as ISO text, so it stores as JSON). */
export function viewOf(job: BackupJob): JobView {
  return {
    status: job.status,
    task: job.currentTask,
    startTime: job.startTime.toISOString(),
    endTime: job.endTime?.toISOString(),
    durationMs: job.durationMs,
    errors: job.errors,
    propertyBag: job.propertyBag,
  };
}
