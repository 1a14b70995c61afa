/**
 * Follows backup/restore jobs and shows them in their thread: one card per job, updated in place, and a final
 * message when the job ends.
 *
 * Cost scales with vaults, not jobs: each tick reads each vault's job list once (jobs since the oldest tracked one);
 * a job's details (current step, errors) are read only when its status changes. A card is written only when what it
 * shows changes. Everything is in the state store, so a restarted bot picks up where it stopped.
 *
 * Several instances on one shared store (scale-out) split the jobs by lease (`src/state/lease.ts`): each tick an
 * instance takes or renews the lease of every open job nobody else holds, with a write guarded by the job's eTag, and
 * follows only those. Every later write of the job is guarded the same way and renews the lease, and one is made just
 * before each message to the thread, so an instance that lost a job (it was too slow, and another took it) finds out
 * before it posts. A job whose instance died is taken by another once the lease runs out (3 poll intervals).
 * What remains: a crash between a post and the write that records it repeats that post once (Bot Framework sends
 * carry no idempotency key); the window is one store write wide.
 */
import { randomUUID } from 'node:crypto';
import type { AzurePort, BackupJob } from '../azure/port';
import type { Clock } from '../clock';
import type { Logger } from '../log';
import { giveBackLeases, holdLease, leaseFor, releaseLease, takeLeases } from '../state/lease';
import { StateConflictError, type StateStore } from '../state/store';
import type { Messenger } from '../teams/messenger';
import { finalMessage, jobCard } from './job-card';
import { isTerminal, jobKey, signature, viewOf, type TrackedJob } from './tracked-job';

export interface TrackerOptions {
  azure: AzurePort;
  store: StateStore;
  messenger: Messenger;
  clock: Clock;
  log: Logger;
  intervalMs: number;
  /** Extra lines for the final card of a job (e.g. ADE restore next steps). */
  nextSteps?: (job: TrackedJob) => string[];
  /**
   * Others that want each vault's job list (the failure watch): it rides on the same read, one per vault per tick.
   * With several instances, only the one holding the observers' lease calls them.
   */
  observers?: VaultObserver[];
  /** This instance, as job leases name it (`Config.instanceId`); default: a random id. */
  instanceId?: string;
  /** How long a job stays with the instance that last renewed its lease; default 3 poll intervals. */
  leaseMs?: number;
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
  /** Stops polling and gives this instance's leases back, so another instance takes its jobs at once. */
  stop(): Promise<void>;
}

/** A job whose lease this instance holds, with the eTag its next write must match. */
interface Held {
  job: TrackedJob;
  etag: string;
}

const OBSERVERS_LEASE = 'lease/vault-observers';

export function createJobTracker(options: TrackerOptions): JobTracker {
  const { azure, store, messenger, clock, log } = options;
  const nextSteps = options.nextSteps ?? (() => []);
  const observers = options.observers ?? [];
  const me = options.instanceId ?? randomUUID();
  const leaseMs = options.leaseMs ?? 3 * options.intervalMs;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  // Jobs this process is working on now (a `track` still posting its card, or this tick's): the lease tells
  // instances apart, not two tasks of one instance, so a tick leaves these alone.
  const busy = new Set<string>();

  /** Writes the job if nobody has since, renewing its lease (`renew: false` drops it); else `StateConflictError`. */
  async function save(held: Held, renew = true): Promise<void> {
    held.job.lease = renew ? leaseFor(me, clock.now(), leaseMs) : undefined;
    held.etag = await store.put(jobKey(held.job.jobId), held.job, { ifMatch: held.etag });
  }

  /** Writes the card (first post or update) when what it would show differs from what it shows. */
  async function show(held: Held): Promise<void> {
    const { job } = held;
    const steps = job.view && isTerminal(job.view.status) ? nextSteps(job) : [];
    const wanted = job.view ? signature(job.view) + steps.length : 'starting';
    if (job.cardActivityId && job.shown === wanted) return;
    await save(held); // still ours, for a whole lease from now: only then write to the thread
    const card = jobCard(job, steps);
    if (!job.cardActivityId) job.cardActivityId = await messenger.send(job.conversationId, { card });
    else await messenger.update(job.conversationId, job.cardActivityId, { card });
    job.shown = wanted;
    await save(held);
  }

  async function finish(held: Held): Promise<void> {
    const { job } = held;
    const text = finalMessage(job);
    await save(held);
    if (text) await messenger.send(job.conversationId, { text, mentions: job.startedBy.id ? [job.startedBy] : undefined });
    job.finishedAt = clock.now();
    await save(held, false);
  }

  async function advance(held: Held, listed: BackupJob | undefined): Promise<void> {
    const { job } = held;
    if (listed && (!job.view || listed.status !== job.view.status)) {
      // Status changed (or first sight): read the details once for the current step and errors.
      job.view = viewOf(await azure.getJob(job.vaultId, job.jobId));
      await save(held);
    } else if (listed?.currentTask && job.view && listed.currentTask !== job.view.task) {
      // Where the job list carries the current step, a new step shows without any extra read.
      job.view = { ...job.view, task: listed.currentTask };
      await save(held);
    }
    await show(held);
    if (job.view && isTerminal(job.view.status)) await finish(held);
  }

  async function pollVault(vaultId: string, jobs: Held[], watch?: { since: Date }): Promise<void> {
    const starts = jobs.map(({ job: j }) => (j.view ? Date.parse(j.view.startTime) : j.createdAt) - 5 * 60_000);
    const since = new Date(Math.min(...starts, watch?.since.getTime() ?? Infinity));
    const listed = await azure.listJobs(vaultId, since);
    if (watch) {
      for (const observer of observers) {
        await observer.seen(vaultId, listed).catch((error) => log.warn('vault observer failed', { vaultId, error }));
      }
    }
    const byId = new Map(listed.map((j) => [j.jobId.toLowerCase(), j]));
    for (const held of jobs) {
      try {
        await advance(held, byId.get(held.job.jobId.toLowerCase()));
      } catch (error) {
        if (error instanceof StateConflictError) log.info('job taken over by another instance', { jobId: held.job.jobId, instanceId: me });
        else log.warn('job update failed; will retry next tick', { jobId: held.job.jobId, error });
      }
    }
  }

  /** Takes or renews the lease of every open job nobody else holds; returns those now held by this instance. */
  async function claimJobs(): Promise<Held[]> {
    const open = (await store.list<TrackedJob>('job/')).filter((v) => !v.value.finishedAt && !busy.has(v.key));
    const before = new Map(open.map((v) => [v.key, v.value.lease?.owner]));
    const taken = await takeLeases(store, open, me, clock.now(), leaseMs, (key, error) => log.warn('job lease not taken; will retry next tick', { key, error }));
    for (const { key, value: job } of taken) {
      const from = before.get(key);
      if (from && from !== me) log.info('taking over a job whose lease ran out', { jobId: job.jobId, from, instanceId: me });
    }
    return taken.map(({ value: job, etag }) => ({ job, etag }));
  }

  async function tickOnce(): Promise<void> {
    const held = await claimJobs();
    const keys = held.map((h) => jobKey(h.job.jobId));
    keys.forEach((key) => busy.add(key));
    try {
      await pollAll(held);
    } finally {
      keys.forEach((key) => busy.delete(key));
    }
  }

  async function pollAll(held: Held[]): Promise<void> {
    const byVault = new Map<string, { vaultId: string; jobs: Held[]; since?: Date }>();
    const entry = (vaultId: string) => {
      const key = vaultId.toLowerCase();
      if (!byVault.has(key)) byVault.set(key, { vaultId, jobs: [] });
      return byVault.get(key)!;
    };
    for (const h of held) entry(h.job.vaultId).jobs.push(h);
    const watching = observers.length > 0 && (await holdLease(store, OBSERVERS_LEASE, me, clock.now(), leaseMs).catch(() => false));
    if (watching) {
      for (const observer of observers) {
        const { vaultIds, since } = await observer.wanted();
        for (const id of vaultIds) {
          const e = entry(id);
          e.since = e.since && e.since < since ? e.since : since;
        }
      }
    }
    // One vault at a time: a tick holds one vault's job list in memory, not all of them.
    for (const { vaultId, jobs, since } of byVault.values()) {
      await pollVault(vaultId, jobs, watching ? { since: since ?? new Date(clock.now()) } : undefined).catch((error) =>
        log.warn('job list failed; will retry next tick', { vaultId, error }),
      );
    }
  }

  /** Gives back the leases this instance holds (graceful stop). */
  async function releaseAll(): Promise<void> {
    await giveBackLeases(store, (await store.list<TrackedJob>('job/')).filter((v) => !v.value.finishedAt), me);
    if (observers.length) await releaseLease(store, OBSERVERS_LEASE, me);
  }

  const tracker: JobTracker = {
    async track(job) {
      // First sight: one details read, so the card shows the real state from the start.
      job.view = await azure.getJob(job.vaultId, job.jobId).then(viewOf, () => undefined);
      // Created with this instance's lease, so no other instance posts a card for it meanwhile.
      job.lease = leaseFor(me, clock.now(), leaseMs);
      const key = jobKey(job.jobId);
      busy.add(key);
      try {
        const etag = await store.put(key, job, { ifNoneMatch: '*' });
        await show({ job, etag }).catch((error) => log.warn('job card not posted yet; the next tick retries', { jobId: job.jobId, error }));
      } catch (error) {
        if (!(error instanceof StateConflictError)) throw error;
        log.warn('job is already tracked', { jobId: job.jobId });
      } finally {
        busy.delete(key);
      }
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
      await releaseAll().catch((error) => log.warn('job leases not given back; they run out by themselves', { error }));
    },
  };
  return tracker;
}
