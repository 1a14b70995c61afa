/**
 * Follows backup/restore jobs and shows them in their thread: one card per job, updated in place, and a final
 * message when the job ends.
 *
 * Cost scales with vaults, not jobs: each tick reads each vault's job list once (jobs since the oldest tracked one);
 * a job's details (current step, errors) are read only when its status changes; a card is written only when what it
 * shows changes, and a job is written only when something about it changed. Everything is in the state store, so a
 * restarted bot picks up where it stopped. A tick reads only running jobs: an ended one moves to `done/`.
 *
 * Several instances on one shared store (scale-out) split the work by vault, with a lease per vault
 * (`src/state/lease.ts`): each tick an instance takes or renews the lease of each vault with running jobs (or that an
 * observer wants) unless another instance holds it, and polls only those vaults, so each vault's job list is read
 * once per tick across all instances. The lease is renewed just before each message to the thread (and every job
 * write is guarded by the job's eTag), so an instance that lost a vault (it was too slow, and another took it) finds
 * out before it posts. A vault whose instance died is taken by another once its lease runs out (3 poll intervals).
 * The first card of a job is posted by the instance that started following it, whoever holds the vault: the job
 * carries that instance's lease until the card is out.
 * What remains: a crash between a post and the write that records it repeats that post once (Bot Framework sends
 * carry no idempotency key); the window is one store write wide.
 */
import { randomUUID } from 'node:crypto';
import type { AzurePort, BackupJob } from '../azure/port';
import type { Clock } from '../clock';
import type { Logger } from '../log';
import { holdLease, leaseFor, mayTake, releaseLease } from '../state/lease';
import { StateConflictError, type StateStore } from '../state/store';
import type { Poster } from '../core/poster';
import { jobThread, type Guard, type Held } from './job-thread';
import {
  forgetEndedJobs,
  jobKey,
  registerVault,
  vaultJobsPrefix,
  vaultKey,
  viewOf,
  type TrackedJob,
  type VaultEntry,
} from './tracked-job';

const FORGET_EVERY_MS = 3_600_000;

export interface TrackerOptions {
  azure: AzurePort;
  store: StateStore;
  poster: Poster;
  clock: Clock;
  log: Logger;
  intervalMs: number;
  /** Extra lines for the final card of a job (e.g. ADE restore next steps). */
  nextSteps?: (job: TrackedJob) => string[];
  /**
   * Others that want each vault's job list (the failure watch): it rides on the same read, one per vault per tick.
   * With several instances, a vault's list is shown to the observers of the instance holding that vault's lease.
   */
  observers?: VaultObserver[];
  /** This instance, as leases name it (`Config.instanceId`); default: a random id. */
  instanceId?: string;
  /** How long a vault stays with the instance that last renewed its lease; default 3 poll intervals. */
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
  /** Stops polling and gives this instance's vault leases back, so another instance takes its vaults at once. */
  stop(): Promise<void>;
}

export function createJobTracker(options: TrackerOptions): JobTracker {
  const { azure, store, poster, clock, log } = options;
  const nextSteps = options.nextSteps ?? (() => []);
  const observers = options.observers ?? [];
  const me = options.instanceId ?? randomUUID();
  const leaseMs = options.leaseMs ?? 3 * options.intervalMs;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  // Jobs this process is working on now (a `track` still posting its card, or this tick's): leases tell instances
  // apart, not two tasks of one instance, so a tick leaves these alone.
  const busy = new Set<string>();
  /** Vault leases this instance has taken (given back on stop). */
  const heldVaults = new Set<string>();

  const { save, show, retire, advance } = jobThread({ azure, store, poster, clock, nextSteps });

  /** `observed`: how far back the observers want this vault's list (now, when only tracked jobs matter). */
  async function pollVault(vaultId: string, jobs: Held[], observed: Date): Promise<void> {
    const starts = jobs.map(({ job: j }) => (j.view ? Date.parse(j.view.startTime) : j.createdAt) - 5 * 60_000);
    const since = new Date(Math.min(...starts, observed.getTime()));
    const listed = await azure.listJobs(vaultId, since);
    for (const observer of observers) {
      await observer.seen(vaultId, listed).catch((error) => log.warn('vault observer failed', { vaultId, error }));
    }
    const byId = new Map(listed.map((j) => [j.jobId.toLowerCase(), j]));
    // Before each post: the vault's lease, renewed for a whole lease from now, or this instance lost the vault.
    let lost = false;
    const guard: Guard = async () => {
      if ((await holdLease(store, vaultKey(vaultId), me, clock.now(), leaseMs)).held) return;
      lost = true;
      throw new StateConflictError(vaultKey(vaultId));
    };
    for (const held of jobs) {
      try {
        await advance(held, byId.get(held.job.jobId.toLowerCase()), guard);
      } catch (error) {
        if (lost) return log.info('vault taken over by another instance', { vaultId, instanceId: me });
        if (error instanceof StateConflictError)
          log.info('job changed by another instance', { jobId: held.job.jobId, instanceId: me });
        else log.warn('job update failed; will retry next tick', { jobId: held.job.jobId, error });
      }
    }
  }

  /** A vault's running jobs, less those another task or instance is posting the first card of. */
  async function runningJobs(vaultId: string, now: number): Promise<Held[]> {
    const held: Held[] = [];
    for (const { key, value: job, etag } of await store.list<TrackedJob>(vaultJobsPrefix(vaultId))) {
      if (busy.has(key)) continue;
      if (job.finishedAt)
        await retire({ job, etag }).catch((error) =>
          log.warn('ended job not moved yet; next tick retries', { jobId: job.jobId, error }),
        );
      else if (mayTake(job.lease, me, now)) held.push({ job, etag });
    }
    return held;
  }

  /** When this process last forgot old ended jobs (at most hourly; with several instances, each does, harmlessly). */
  let forgotAt = Number.NEGATIVE_INFINITY;

  async function tickOnce(): Promise<void> {
    const now = clock.now();
    const vaults = new Map<string, { vaultId: string; lease?: VaultEntry; since?: Date }>();
    for (const { value } of await store.list<VaultEntry>('vault/'))
      vaults.set(value.vaultId.toLowerCase(), { vaultId: value.vaultId, lease: value });
    for (const observer of observers) {
      const { vaultIds, since } = await observer.wanted();
      for (const vaultId of vaultIds) {
        const v = vaults.get(vaultId.toLowerCase()) ?? { vaultId };
        v.since = v.since && v.since < since ? v.since : since;
        vaults.set(vaultId.toLowerCase(), v);
      }
    }
    // One vault at a time, and only the vaults this instance holds: a tick holds one vault's jobs and job list.
    for (const { vaultId, lease, since } of vaults.values()) {
      const key = vaultKey(vaultId);
      if (!mayTake(lease, me, now)) {
        heldVaults.delete(key); // another instance polls it
        continue;
      }
      const jobs = await runningJobs(vaultId, now);
      if (!jobs.length && !since) continue; // nothing to follow there
      const taken = await holdLease(store, key, me, now, leaseMs, { keepFresh: true, fields: { vaultId } }).catch(
        (error) => {
          log.warn('vault lease not taken; will retry next tick', { vaultId, error });
          return { held: false, takenFrom: undefined };
        },
      );
      if (taken.takenFrom)
        log.info('taking over a vault whose lease ran out', { vaultId, from: taken.takenFrom, instanceId: me });
      if (!taken.held) {
        heldVaults.delete(key);
        continue;
      }
      heldVaults.add(key);
      const keys = jobs.map((h) => jobKey(vaultId, h.job.jobId));
      keys.forEach((k) => busy.add(k));
      await pollVault(vaultId, jobs, since ?? new Date(now))
        .catch((error) => log.warn('job list failed; will retry next tick', { vaultId, error }))
        .finally(() => keys.forEach((k) => busy.delete(k)));
    }
    if (now - forgotAt >= FORGET_EVERY_MS) {
      forgotAt = now;
      const forgotten = await forgetEndedJobs(store, now).catch(
        (error) => void log.warn('old ended jobs not forgotten yet; next hour retries', { error }),
      );
      if (forgotten) log.info('forgot jobs that ended more than a week ago', { forgotten });
    }
  }

  /** Gives back the vault leases this instance holds (graceful stop). */
  async function releaseAll(): Promise<void> {
    await Promise.all([...heldVaults].map((key) => releaseLease(store, key, me)));
    heldVaults.clear();
  }

  const tracker: JobTracker = {
    async track(job) {
      // First sight: one details read, so the card shows the real state from the start.
      job.view = await azure.getJob(job.vaultId, job.jobId).then(
        (details) => viewOf(details, clock.now()),
        () => undefined,
      );
      // Created with this instance's lease: whoever polls the vault leaves the job alone until its card is out.
      job.lease = leaseFor(me, clock.now(), leaseMs);
      const key = jobKey(job.vaultId, job.jobId);
      busy.add(key);
      try {
        await registerVault(store, job.vaultId);
        const held = { job, etag: await store.put(key, job, { ifNoneMatch: '*' }) };
        await show(held, async () => undefined).catch((error) =>
          log.warn('job card not posted yet; the next tick retries', { jobId: job.jobId, error }),
        );
        job.lease = undefined;
        await save(held).catch((error) =>
          log.warn('job lease not given back; it runs out by itself', { jobId: job.jobId, error }),
        );
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
      await releaseAll().catch((error) =>
        log.warn('vault leases not given back; they run out by themselves', { error }),
      );
    },
  };
  return tracker;
}
