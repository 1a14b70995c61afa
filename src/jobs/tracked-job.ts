/**
 * A job the bot follows into a thread. Stored while it runs under `job/<vault>/<jobId>`, so tracking survives
 * restarts: after a crash the same card keeps being updated, and the final message is posted once. Its vault has an
 * entry under `vault/<vault>` (the vault's id, and the lease of its jobs). A polling round reads one vault's running
 * jobs at a time; once a job's final message is out it moves to `done/<jobId>`, out of every round's way.
 */
import { createHash } from 'node:crypto';
import type { BackupJob, JobError, JobStatus } from '../azure/port';
import type { VmSummary } from '../core/vm';
import type { Locale } from '../i18n';
import type { Lease } from '../state/lease';
import { forgetStale, update, type StateStore } from '../state/store';

export interface JobView {
  status: JobStatus;
  task?: string;
  /**
   * When `task` was read from the job's details (ISO time). Job lists do not carry the step (ListJobs.json), so a
   * step read from the details is shown with its time; a step the list keeps current has none.
   */
  taskAt?: string;
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
  /** The VM as its confirmation stored it; jobs followed before the VM summary existed carry only its id and names. */
  vm: Pick<VmSummary, 'id' | 'name' | 'resourceGroup'> & Partial<VmSummary>;
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
  /**
   * Set while the instance that started following the job posts its first card (`track`), so that the instance
   * polling the job's vault does not post one too; cleared once the card is out. See the tracker.
   */
  lease?: Lease;
}

/** A vault with tracked jobs: its id (keys carry only a hash of it), and which instance polls it until when. */
export interface VaultEntry extends Lease {
  vaultId: string;
}

/** Vault ids hold slashes and run long; state keys (blob names) should not. */
const vaultPart = (vaultId: string) => createHash('sha256').update(vaultId.toLowerCase()).digest('hex').slice(0, 32);

export const vaultKey = (vaultId: string) => `vault/${vaultPart(vaultId)}`;
/** Where a vault's running jobs are (list by this prefix). */
export const vaultJobsPrefix = (vaultId: string) => `job/${vaultPart(vaultId)}/`;
export const jobKey = (vaultId: string, jobId: string) => vaultJobsPrefix(vaultId) + jobId.toLowerCase();
export const doneKey = (jobId: string) => `done/${jobId.toLowerCase()}`;

/** Makes sure the vault has its entry (a read, and a write the first time), so polling rounds find its jobs. */
export async function registerVault(store: StateStore, vaultId: string): Promise<void> {
  await update<VaultEntry>(store, vaultKey(vaultId), (entry) => (entry ? undefined : { vaultId, owner: '', until: 0 }));
}

/**
 * How long an ended job stays in `done/`: long enough for the failure watch (which looks back a day) to tell a job the
 * bot started from a scheduled one, short enough that state does not grow with every job ever run.
 */
const DONE_KEEP_MS = 7 * 86_400_000;

/** Forgets the jobs that ended more than `DONE_KEEP_MS` before `now`; returns how many. */
export async function forgetEndedJobs(store: StateStore, now: number): Promise<number> {
  return forgetStale(
    store,
    await store.list<TrackedJob>('done/'),
    (job) => (job.finishedAt ?? job.createdAt) < now - DONE_KEEP_MS,
  );
}

/** Did the bot start following this job (running or ended)? */
export async function isTracked(store: StateStore, vaultId: string, jobId: string): Promise<boolean> {
  return !!(await store.get(jobKey(vaultId, jobId))) || !!(await store.get(doneKey(jobId)));
}

const TERMINAL: readonly JobStatus[] = ['Completed', 'CompletedWithWarnings', 'Failed', 'Cancelled'];

export function isTerminal(status: JobStatus): boolean {
  return TERMINAL.includes(status);
}

/** Only what a person sees changes the signature: status, current task, error codes. */
export function signature(view: JobView): string {
  return JSON.stringify([view.status, view.task ?? '', view.errors.map((e) => e.code)]);
}

/**
 * What the bot keeps of a job's details as Azure reports them at `readAt` (dates as ISO text, so it stores as JSON).
 */
export function viewOf(job: BackupJob, readAt: number): JobView {
  return {
    status: job.status,
    task: job.currentTask,
    taskAt: job.currentTask ? new Date(readAt).toISOString() : undefined,
    startTime: job.startTime.toISOString(),
    endTime: job.endTime?.toISOString(),
    durationMs: job.durationMs,
    errors: job.errors,
    propertyBag: job.propertyBag,
  };
}
