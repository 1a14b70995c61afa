/**
 * Follows backup/restore jobs and shows them in their thread: one card per job, updated in place, and a final
 * message when the job ends.
 *
 * Cost scales with vaults, not jobs: each tick reads each vault's job list once (jobs since the oldest tracked one);
 * a job's details (current step, errors) are read only when its status changes. A card is written only when what it
 * shows changes. Everything is in the state store, so a restarted bot picks up where it stopped.
 */
import type { AzurePort, BackupJob } from '../azure/port';
import type { Clock } from '../clock';
import type { Logger } from '../log';
import type { StateStore } from '../state/store';
import type { Messenger } from '../teams/messenger';
import { finalMessage, jobCard } from './job-card';
import { isTerminal, jobKey, signature, type JobView, type TrackedJob } from './tracked-job';

export interface TrackerOptions {
  azure: AzurePort;
  store: StateStore;
  messenger: Messenger;
  clock: Clock;
  log: Logger;
  intervalMs: number;
  /** Extra lines for the final card of a job (e.g. ADE restore next steps). */
  nextSteps?: (job: TrackedJob) => string[];
  /** Others that want each vault's job list (the failure watch): it rides on the same read, one per vault per tick. */
  observers?: VaultObserver[];
}

export interface VaultObserver {
  /** Vaults to read even without tracked jobs, and how far back. */
  wanted(): Promise<{ vaultIds: string[]; since: Date }>;
  seen(vaultId: string, jobs: BackupJob[]): Promise<void>;
}

export interface JobTracker {
  /** Starts following a job (durably) and posts its card. */
  track(job: TrackedJob): Promise<void>;
  /** One polling round over every vault with unfinished jobs. */
  tick(): Promise<void>;
  start(): void;
  stop(): Promise<void>;
}

function toView(job: BackupJob): JobView {
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

export function createJobTracker(options: TrackerOptions): JobTracker {
  const { azure, store, messenger, clock, log } = options;
  const nextSteps = options.nextSteps ?? (() => []);
  const observers = options.observers ?? [];
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  async function save(job: TrackedJob): Promise<void> {
    await store.put(jobKey(job.jobId), job);
  }

  /** Writes the card (first post or update) when what it would show differs from what it shows. */
  async function show(job: TrackedJob): Promise<void> {
    const steps = job.view && isTerminal(job.view.status) ? nextSteps(job) : [];
    const wanted = job.view ? signature(job.view) + steps.length : 'starting';
    if (job.cardActivityId && job.shown === wanted) return;
    const card = jobCard(job, steps);
    if (!job.cardActivityId) job.cardActivityId = await messenger.send(job.conversationId, { card });
    else await messenger.update(job.conversationId, job.cardActivityId, { card });
    job.shown = wanted;
    await save(job);
  }

  async function finish(job: TrackedJob): Promise<void> {
    const text = finalMessage(job);
    if (text) await messenger.send(job.conversationId, { text, mentions: job.startedBy.id ? [job.startedBy] : undefined });
    job.finishedAt = clock.now();
    await save(job);
  }

  async function advance(job: TrackedJob, listed: BackupJob | undefined): Promise<void> {
    if (listed && (!job.view || listed.status !== job.view.status)) {
      // Status changed (or first sight): read the details once for the current step and errors.
      job.view = toView(await azure.getJob(job.vaultId, job.jobId));
      await save(job);
    }
    await show(job);
    if (job.view && isTerminal(job.view.status)) await finish(job);
  }

  async function pollVault(vaultId: string, jobs: TrackedJob[], watchedSince?: Date): Promise<void> {
    const starts = jobs.map((j) => (j.view ? Date.parse(j.view.startTime) : j.createdAt) - 5 * 60_000);
    const since = new Date(Math.min(...starts, watchedSince?.getTime() ?? Infinity));
    const listed = await azure.listJobs(vaultId, since);
    for (const observer of observers) {
      await observer.seen(vaultId, listed).catch((error) => log.warn('vault observer failed', { vaultId, error }));
    }
    const byId = new Map(listed.map((j) => [j.jobId.toLowerCase(), j]));
    for (const job of jobs) {
      try {
        await advance(job, byId.get(job.jobId.toLowerCase()));
      } catch (error) {
        log.warn('job update failed; will retry next tick', { jobId: job.jobId, error });
      }
    }
  }

  async function tickOnce(): Promise<void> {
    const open = (await store.list<TrackedJob>('job/')).map((v) => v.value).filter((j) => !j.finishedAt);
    const byVault = new Map<string, { vaultId: string; jobs: TrackedJob[]; since?: Date }>();
    const entry = (vaultId: string) => {
      const key = vaultId.toLowerCase();
      if (!byVault.has(key)) byVault.set(key, { vaultId, jobs: [] });
      return byVault.get(key)!;
    };
    for (const job of open) entry(job.vaultId).jobs.push(job);
    for (const observer of observers) {
      const { vaultIds, since } = await observer.wanted();
      for (const id of vaultIds) {
        const e = entry(id);
        e.since = e.since && e.since < since ? e.since : since;
      }
    }
    await Promise.all(
      [...byVault.values()].map(({ vaultId, jobs, since }) =>
        pollVault(vaultId, jobs, since).catch((error) => log.warn('job list failed; will retry next tick', { vaultId, error })),
      ),
    );
  }

  const tracker: JobTracker = {
    async track(job) {
      // First sight: one details read, so the card shows the real state from the start.
      job.view = await azure.getJob(job.vaultId, job.jobId).then(toView, () => undefined);
      await save(job);
      await show(job).catch((error) => log.warn('job card not posted yet; the next tick retries', { jobId: job.jobId, error }));
    },
    tick() {
      // Ticks never overlap: a slow round makes the next one wait, not run twice.
      running ??= tickOnce().finally(() => (running = undefined));
      return running;
    },
    start() {
      timer ??= setInterval(() => void tracker.tick(), options.intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
  return tracker;
}
