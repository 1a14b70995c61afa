/**
 * The failure watch: rides on the job tracker's one job-list read per vault per tick (a `VaultObserver`), and posts
 * one alert card per failed VM per day in the alert channel — scheduled backups included. Repeated failures update
 * the same card; a later successful backup marks it resolved. Seen job ids are stored, so a restart re-posts nothing.
 */
import type { AzurePort, BackupJob } from '../azure/port';
import type { Clock } from '../clock';
import type { Config } from '../config';
import type { VaultObserver } from '../jobs/tracker';
import { isTracked } from '../jobs/tracked-job';
import type { Logger } from '../log';
import { forgetStale, update, type StateStore } from '../state/store';
import type { Poster } from '../core/poster';
import { alertKey, WATCH_KEY, type Alert, type WatchConfig } from './alert';
import { alertCard } from '../cards/alert-card';

const LOOKBACK_MS = 24 * 3600_000;
const RESOLVED_KEEP_MS = 7 * 86_400_000;

export interface WatcherOptions {
  azure: AzurePort;
  store: StateStore;
  poster: Poster;
  clock: Clock;
  log: Logger;
  config: Readonly<Config>;
}

export function createWatcher({ azure, store, poster, clock, log, config }: WatcherOptions): VaultObserver {
  let watch: WatchConfig | undefined;
  /** Posts the card the first time, updates it afterwards; the activity id is kept with the alert. */
  async function show(key: string, alert: Alert): Promise<void> {
    const card = alertCard(alert);
    if (alert.activityId) return poster.update(alert.conversationId, alert.activityId, { card });
    const activityId = await poster.send(alert.conversationId, { card });
    await update<Alert>(store, key, (a) => a && { ...a, activityId });
  }

  async function vmKeyFor(name: string, vaultLocation?: string): Promise<string | undefined> {
    const found = await azure.findVms(name).catch(() => []);
    const vm = found.length === 1 ? found[0] : found.find((v) => v.location === vaultLocation);
    return vm ? `${vm.resourceGroup}/${vm.name}` : undefined;
  }

  async function failure(watch: WatchConfig, job: BackupJob): Promise<void> {
    const day = job.startTime.toISOString().slice(0, 10);
    const key = alertKey(job.vaultId, job.entityFriendlyName, day);
    const existing = (await store.get<Alert>(key))?.value;
    if (existing?.jobIds.includes(job.jobId.toLowerCase())) return;
    const details = await azure.getJob(job.vaultId, job.jobId);
    const error = details.errors[0]
      ? { code: details.errors[0].code, message: details.errors[0].message }
      : { code: '', message: '' };
    const scheduled = !(await isTracked(store, job.vaultId, job.jobId));
    const vmKey = existing?.vmKey ?? (await vmKeyFor(job.entityFriendlyName));
    const policyName = existing?.policyName ?? (vmKey ? await policyOf(vmKey) : undefined);
    const at = (job.endTime ?? job.startTime).getTime();
    const { value } = await update<Alert>(store, key, (a) => {
      if (a?.jobIds.includes(job.jobId.toLowerCase())) return undefined;
      const base: Alert = a ?? {
        vmName: job.entityFriendlyName,
        vmKey,
        vaultId: job.vaultId,
        day,
        kind: job.status === 'Failed' ? 'failed' : 'warning',
        status: 'open',
        jobIds: [],
        count: 0,
        lastAt: 0,
        error,
        policyName,
        scheduled,
        conversationId: watch.conversationId,
        locale: watch.locale,
      };
      return {
        ...base,
        kind: job.status === 'Failed' || base.kind === 'failed' ? 'failed' : 'warning',
        status: 'open',
        resolvedAt: undefined,
        jobIds: [...base.jobIds, job.jobId.toLowerCase()],
        count: base.count + 1,
        lastAt: Math.max(base.lastAt, at),
        error: error.code ? error : base.error,
        scheduled,
      };
    });
    if (value) await show(key, value);
  }

  async function policyOf(vmKey: string): Promise<string | undefined> {
    const [rg, name] = vmKey.split('/');
    const [vm] = await azure.findVms(name, rg).catch(() => []);
    return vm ? (await azure.getProtection(vm).catch(() => undefined))?.policyName : undefined;
  }

  /** A later successful backup of the VM resolves its open alerts in that vault. */
  async function success(job: BackupJob, open: { key: string; value: Alert }[]): Promise<void> {
    const vault = job.vaultId.toLowerCase();
    for (const { key, value } of open) {
      if (value.vmName.toLowerCase() !== job.entityFriendlyName.toLowerCase() || value.vaultId.toLowerCase() !== vault)
        continue;
      if (job.startTime.getTime() <= value.lastAt && !(job.endTime && job.endTime.getTime() > value.lastAt)) continue;
      const { value: resolved, changed } = await update<Alert>(store, key, (a) =>
        a && a.status === 'open'
          ? { ...a, status: 'resolved', resolvedAt: (job.endTime ?? job.startTime).getTime() }
          : undefined,
      );
      if (changed && resolved) await show(key, resolved);
    }
  }

  return {
    async wanted() {
      watch = (await store.get<WatchConfig>(WATCH_KEY))?.value; // read once a tick, used by every vault's seen()
      return { vaultIds: watch ? config.recoveryVaultIds : [], since: new Date(clock.now() - LOOKBACK_MS) };
    },
    async seen(_vaultId, jobs) {
      if (!watch) return;
      const backups = jobs
        .filter((j) => j.operation === 'Backup')
        .sort((a, b) => a.startTime.getTime() - b.startTime.getTime());
      for (const job of backups) {
        try {
          if (job.status === 'Failed' || job.status === 'CompletedWithWarnings') await failure(watch, job);
        } catch (error) {
          log.warn('could not post a failure alert; next tick retries', { jobId: job.jobId, error });
        }
      }
      const alerts = await store.list<Alert>('alert/');
      // Resolved alerts are kept a week (their cards stay in the channel), so state does not grow with every failure.
      await forgetStale(
        store,
        alerts,
        (a) => a.status === 'resolved' && (a.resolvedAt ?? a.lastAt) < clock.now() - RESOLVED_KEEP_MS,
      );
      const open = alerts.filter((a) => a.value.status === 'open');
      if (!open.length) return;
      for (const job of backups.filter((j) => j.status === 'Completed')) await success(job, open);
    },
  };
}
