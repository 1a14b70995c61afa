/**
 * Moves plans forward when the jobs they wait for complete, riding on the job tracker's one job-list read per vault
 * and tick (a `VaultObserver`, like the failure watch): the old VM's backup (step 1), the new VM's ConfigureBackup
 * (step 2, which records the key hold) and the old VM's DisableBackup (protection stopped keeping every point: the
 * keys are then held for as long as the points are kept). Whoever started the job — the bot's card, the portal, a
 * schedule — a completed
 * job of the VM started after the plan asked for it counts. One message in the plan's thread says what was done.
 * Jobs are matched by the VM's name, as job lists name them (they carry no VM id): in a vault, two VMs of one name
 * in different resource groups would be one to this matcher.
 */
import type { BackupJob } from '../azure/port';
import type { Clock } from '../clock';
import type { Poster } from '../core/poster';
import { formatTime, messages } from '../i18n';
import type { VaultObserver } from '../jobs/tracker';
import type { Logger } from '../log';
import { update, type StateStore } from '../state/store';
import { awaitedJobs, awaitJob, stopAwaiting, type AwaitedJob } from './await-jobs';
import { backupDone, newVmProtected, oldVmStopped, planKey, type MigrationPlan } from './plan';

const DONE = new Set(['Completed', 'CompletedWithWarnings']);
const lower = (s: string) => s.toLowerCase();

function advance(plan: MigrationPlan, waited: AwaitedJob, job: BackupJob): MigrationPlan {
  const at = (job.endTime ?? job.startTime).getTime();
  if (waited.operation === 'Backup') return backupDone(plan, { at, jobId: job.jobId });
  if (waited.operation === 'DisableBackup')
    return oldVmStopped(plan, at, { keyVaultIds: plan.keyVaultIds, until: 'indefinite' });
  return newVmProtected(
    plan,
    { vaultId: waited.vaultId, at, jobId: job.jobId },
    { keyVaultIds: plan.keyVaultIds, until: plan.holdUntil ?? at },
  );
}

function progressText(plan: MigrationPlan): string | undefined {
  const m = messages(plan.locale);
  if (plan.stage === 'backedUp' && plan.backup)
    return m.ade.plan.progressBackup(plan.vm.name, formatTime(plan.locale, new Date(plan.backup.at)));
  if (plan.stage === 'newProtected' && plan.newVm && plan.keyHold) {
    const vaults = plan.keyHold.keyVaultIds.map((id) => id.split('/').pop()).join(', ');
    return m.ade.plan.progressProtected(plan.vm.name, plan.newVm.name, vaults, m.ade.until(plan.keyHold.until));
  }
  if (plan.stage === 'oldStopped' && plan.keyHold) {
    const vaults = plan.keyHold.keyVaultIds.map((id) => id.split('/').pop()).join(', ');
    return m.ade.plan.progressStopped(plan.vm.name, vaults, m.ade.until(plan.keyHold.until));
  }
  return undefined;
}

export function createPlanObserver(deps: {
  store: StateStore;
  poster: Poster;
  log: Logger;
  clock: Clock;
}): VaultObserver {
  const { store, poster, log, clock } = deps;
  return {
    async wanted() {
      const waiting = await awaitedJobs(store);
      const since = waiting.length ? Math.min(...waiting.map((w) => w.since)) : clock.now();
      return { vaultIds: [...new Set(waiting.map((w) => w.vaultId))], since: new Date(since) };
    },
    async seen(vaultId, jobs) {
      for (const waited of await awaitedJobs(store)) {
        if (lower(waited.vaultId) !== lower(vaultId)) continue;
        const job = jobs.find(
          (j) =>
            j.operation === waited.operation &&
            DONE.has(j.status) &&
            lower(j.entityFriendlyName) === lower(waited.jobVmName) &&
            j.startTime.getTime() >= waited.since,
        );
        if (!job) continue;
        const result = await update<MigrationPlan>(store, planKey(waited.planVmId), (plan) => {
          const next = plan && advance(plan, waited, job);
          return next && next !== plan ? next : undefined;
        });
        await stopAwaiting(store, waited.planVmId, waited.operation);
        // Protected: what comes next is the old VM's stop, in its own vault.
        const plan = result.value;
        if (plan?.stage === 'newProtected' && plan.oldVaultId)
          await awaitJob(store, {
            planVmId: plan.vm.id,
            jobVmName: plan.vm.name,
            vaultId: plan.oldVaultId,
            operation: 'DisableBackup',
            since: clock.now(),
          });
        const text = result.changed && result.value ? progressText(result.value) : undefined;
        if (text && result.value)
          await poster
            .send(result.value.conversationId, { text })
            .catch((error) => log.warn('plan progress not posted', { error }));
        log.info('ade plan moved by a completed job', {
          vm: waited.planVmId,
          operation: waited.operation,
          jobId: job.jobId,
          moved: result.changed,
        });
      }
    },
  };
}
