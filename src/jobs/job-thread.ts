/**
 * One followed job in its thread: its card written only when what it shows changes, its final message posted once,
 * then the job moved to `done/`. Every write of the job is guarded by its eTag, and `guard` is asked just before each
 * message (the tracker's vault lease), so an instance that lost the vault finds out before it posts.
 */
import type { AzurePort, BackupJob } from '../azure/port';
import { jobCard } from '../cards/job-card';
import type { Clock } from '../clock';
import type { Poster } from '../core/poster';
import type { StateStore } from '../state/store';
import { finalMessage } from './final-message';
import { doneKey, isTerminal, jobKey, signature, viewOf, type TrackedJob } from './tracked-job';

/** A job this instance works on, with the eTag its next write must match. */
export interface Held {
  job: TrackedJob;
  etag: string;
}

/** Called just before each message to the thread: throws `StateConflictError` when this instance may not post. */
export type Guard = () => Promise<void>;

export interface JobThreadDeps {
  azure: AzurePort;
  store: StateStore;
  poster: Poster;
  clock: Clock;
  /** Extra lines for the final card of a job (e.g. ADE restore next steps). */
  nextSteps: (job: TrackedJob) => string[];
}

export interface JobThread {
  save: (held: Held) => Promise<void>;
  /** Writes the card (first post or update) when what it would show differs from what it shows; true if it did. */
  show: (held: Held, guard: Guard) => Promise<boolean>;
  /** An ended job leaves the running set: copied to `done/`, then removed from `job/` (a crash between: next tick). */
  retire: (held: Held) => Promise<void>;
  /** Moves the job on from what the vault's job list says of it (`listed`), reading its details on a new status. */
  advance: (held: Held, listed: BackupJob | undefined, guard: Guard) => Promise<void>;
}

export function jobThread({ azure, store, poster, clock, nextSteps }: JobThreadDeps): JobThread {
  async function save(held: Held): Promise<void> {
    held.etag = await store.put(jobKey(held.job.vaultId, held.job.jobId), held.job, { ifMatch: held.etag });
  }

  async function show(held: Held, guard: Guard): Promise<boolean> {
    const { job } = held;
    const steps = job.view && isTerminal(job.view.status) ? nextSteps(job) : [];
    const wanted = job.view ? signature(job.view) + steps.length : 'starting';
    if (job.cardActivityId && job.shown === wanted) return false;
    await guard();
    const card = jobCard(job, steps);
    if (!job.cardActivityId) job.cardActivityId = await poster.send(job.conversationId, { card });
    else await poster.update(job.conversationId, job.cardActivityId, { card });
    job.shown = wanted;
    await save(held);
    return true;
  }

  /** Posts the final message, records that it is out, and moves the job to `done/`. */
  async function finish(held: Held, guard: Guard): Promise<void> {
    const { job } = held;
    const text = finalMessage(job);
    if (text) {
      await guard();
      await poster.send(job.conversationId, { text, mentions: job.startedBy.id ? [job.startedBy] : undefined });
    }
    job.finishedAt = clock.now();
    await save(held);
    await retire(held);
  }

  async function retire({ job, etag }: Held): Promise<void> {
    await store.put(doneKey(job.jobId), job);
    await store.delete(jobKey(job.vaultId, job.jobId), { ifMatch: etag });
  }

  async function advance(held: Held, listed: BackupJob | undefined, guard: Guard): Promise<void> {
    const { job } = held;
    let changed = false;
    if (listed && (!job.view || listed.status !== job.view.status)) {
      // Status changed (or first sight): read the details once for the current step and errors.
      job.view = viewOf(await azure.getJob(job.vaultId, job.jobId), clock.now());
      changed = true;
    } else if (listed?.currentTask && job.view && listed.currentTask !== job.view.task) {
      // Where the job list carries the current step, a new step shows without any extra read.
      job.view = { ...job.view, task: listed.currentTask, taskAt: undefined };
      changed = true;
    }
    const shown = await show(held, guard);
    if (changed && !shown) await save(held);
    if (job.view && isTerminal(job.view.status)) await finish(held, guard);
  }

  return { save, show, retire, advance };
}
