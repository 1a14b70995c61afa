/**
 * Confirmations that were claimed but never got as far as a tracked job — the bot died between the click and
 * `track()`. Riding on the tracker's one job-list read per vault, this finds the job Azure did start for such a click
 * (same VM and operation, started after the click) and follows it in the thread; when Azure shows none after a grace
 * period, the click is recorded as interrupted and the thread is told that nothing was started. Nothing is left
 * half-done without a record.
 */
import type { BackupJob } from '../azure/port';
import type { BackupPayload, ProtectPayload, RestorePayload } from '../confirmations/payloads';
import { recordOutcome, type PendingAction } from '../confirmations/pending';
import type { VmSummary } from '../core/vm';
import type { Clock } from '../clock';
import { messages } from '../i18n';
import type { Logger } from '../log';
import { forgetStale, type StateStore } from '../state/store';
import type { Poster } from '../core/poster';
import type { JobTracker, VaultObserver } from './tracker';

/** A click younger than this may still be on its way to Azure in another process. */
const SETTLE_MS = 2 * 60_000;
/** Closed pending actions older than this are deleted: a click on such an old card is answered as no longer valid. */
const PRUNE_AFTER_MS = 7 * 86_400_000;
/** After this, a click with no job in Azure is recorded as interrupted. */
const GIVE_UP_MS = 15 * 60_000;
const OPERATIONS: Record<PendingAction['kind'], string[]> = {
  backup: ['Backup'],
  protect: ['ConfigureBackup'],
  restore: ['Restore', 'CrossRegionRestore'],
};

type AnyPayload = BackupPayload | ProtectPayload | RestorePayload;

function target(p: PendingAction<AnyPayload>): { vaultId: string; vm: VmSummary } {
  const payload = p.payload as Partial<BackupPayload & ProtectPayload & RestorePayload>;
  const vaultId = payload.protection?.vaultId ?? payload.vault?.id ?? payload.vaultId ?? '';
  return { vaultId, vm: payload.vm! };
}

export function createOrphanAdopter(options: {
  store: StateStore;
  poster: Poster;
  clock: Clock;
  log: Logger;
  tracker: () => JobTracker;
}): VaultObserver {
  const { store, poster, clock, log } = options;

  /** This tick's candidates: read once in `wanted()`, used by every vault's `seen()`. */
  let candidates: PendingAction<AnyPayload>[] = [];

  /** Reads the pending actions once a tick; those long closed are removed on the way, so the read stays small. */
  async function orphans(): Promise<PendingAction<AnyPayload>[]> {
    const now = clock.now();
    const all = await store.list<PendingAction<AnyPayload>>('pending/');
    const closed = (p: PendingAction<AnyPayload>) =>
      p.status !== 'pending' ? p.settled || p.status !== 'used' : now > p.expiresAt;
    await forgetStale(store, all, (p) => closed(p) && now - p.createdAt > PRUNE_AFTER_MS);
    // A click still open (used, not settled) is never closed, so none of these was just deleted.
    return all
      .map((v) => v.value)
      .filter(
        (p) =>
          p.status === 'used' &&
          !p.settled &&
          !p.jobId &&
          !p.error &&
          p.decidedAt !== undefined &&
          now - p.decidedAt > SETTLE_MS,
      );
  }

  return {
    async wanted() {
      candidates = await orphans();
      const since = Math.min(clock.now(), ...candidates.map((p) => p.decidedAt! - 60_000));
      return {
        vaultIds: [...new Set(candidates.map((p) => target(p).vaultId).filter(Boolean))],
        since: new Date(since),
      };
    },
    async seen(vaultId, jobs: BackupJob[]) {
      for (const p of candidates) {
        const { vaultId: v, vm } = target(p);
        if (v.toLowerCase() !== vaultId.toLowerCase()) continue;
        const job = jobs.find(
          (j) =>
            OPERATIONS[p.kind].includes(j.operation) &&
            j.entityFriendlyName.toLowerCase() === vm.name.toLowerCase() &&
            j.startTime.getTime() >= p.decidedAt! - 60_000,
        );
        if (job) {
          await recordOutcome(store, p.id, { jobId: job.jobId });
          log.info('following a job whose click was interrupted', { pendingId: p.id, jobId: job.jobId });
          await options.tracker().track({
            jobId: job.jobId,
            vaultId: v,
            operation: job.operation,
            vm,
            conversationId: p.conversationId,
            locale: p.locale ?? 'en',
            startedBy: p.decidedBy ?? p.requestedBy,
            createdAt: clock.now(),
          });
        } else if (clock.now() - p.decidedAt! > GIVE_UP_MS) {
          await recordOutcome(store, p.id, { error: 'Interrupted' });
          const m = messages(p.locale ?? 'en');
          await poster
            .send(p.conversationId, { text: m.common.interrupted(vm.name, p.decidedBy?.name ?? '') })
            .catch((error) => log.warn('could not report an interrupted click', { pendingId: p.id, error }));
        }
      }
    },
  };
}
