/**
 * Seeds the simulator's estate and the bot's state for the bench: backup jobs spread over bench vaults (in the
 * simulator), and the same jobs as the bot tracks them (in its state store) — as if each had been started from a
 * thread, its card posted, and nothing had changed since.
 */
import { randomUUID } from 'node:crypto';
import type { Estate } from '../../src/simulator';
import type { SimRecoveryVault } from '../../src/simulator/estate/model';
import { jobKey, registerVault, signature, type JobView, type TrackedJob } from '../../src/jobs/tracked-job';
import type { StateStore } from '../../src/state/store';

export interface SeededJob {
  vaultId: string;
  jobId: string;
  vmName: string;
  startTime: number;
}

export function benchVaultIds(subscriptionId: string, count: number): string[] {
  return Array.from(
    { length: count },
    (_, i) =>
      `/subscriptions/${subscriptionId}/resourceGroups/rg-bench/providers/Microsoft.RecoveryServices/vaults/rsv-bench-${i + 1}`,
  );
}

/** Adds `count` vaults (once) and `jobs` running backup jobs spread evenly over them, started at `now`. */
export function seedJobs(
  estate: Estate,
  options: { vaults: number; jobs: number; now: number; prefix?: string },
): SeededJob[] {
  const ids = benchVaultIds(estate.subscriptionId, options.vaults);
  if (!estate.resourceGroups.some((g) => g.name === 'rg-bench'))
    estate.resourceGroups.push({ name: 'rg-bench', location: 'japaneast' });
  const vaults = ids.map((id) => {
    let vault = estate.recoveryVaults.find((v) => v.id === id);
    if (!vault) {
      vault = {
        id,
        name: id.split('/').pop()!,
        resourceGroup: 'rg-bench',
        location: 'japaneast',
        crossRegionRestore: false,
        policies: [],
        items: [],
        jobs: [],
        discovered: [],
      } satisfies SimRecoveryVault;
      estate.recoveryVaults.push(vault);
    }
    return vault;
  });
  const seeded: SeededJob[] = [];
  for (let i = 0; i < options.jobs; i++) {
    const vault = vaults[i % vaults.length];
    const vmName = `${options.prefix ?? 'bench-vm'}-${String(i).padStart(5, '0')}`;
    const jobId = randomUUID();
    vault.jobs.push({
      name: jobId,
      operation: 'Backup',
      vmId: `/subscriptions/${estate.subscriptionId}/resourceGroups/rg-bench/providers/Microsoft.Compute/virtualMachines/${vmName}`,
      entityFriendlyName: vmName,
      containerKey: `iaasvmcontainerv2;rg-bench;${vmName}`,
      startTime: options.now,
      isUserTriggered: true,
    });
    seeded.push({ vaultId: vault.id, jobId, vmName, startTime: options.now });
  }
  return seeded;
}

/** What the bot stores for a job it follows, card already posted, still running (InProgress, taking the snapshot). */
export function trackedJob(job: SeededJob, conversationId: string): TrackedJob {
  const view: JobView = {
    status: 'InProgress',
    task: 'Take Snapshot',
    startTime: new Date(job.startTime).toISOString(),
    errors: [],
  };
  return {
    jobId: job.jobId,
    vaultId: job.vaultId,
    operation: 'Backup',
    vm: {
      id: `/subscriptions/x/resourceGroups/rg-bench/providers/Microsoft.Compute/virtualMachines/${job.vmName}`,
      name: job.vmName,
      resourceGroup: 'rg-bench',
    },
    conversationId,
    locale: 'en',
    startedBy: { id: 'a11ce000-0000-4000-8000-000000000001', name: 'Aiko Sato' },
    createdAt: job.startTime,
    cardActivityId: `seeded-${job.jobId}`,
    view,
    // What the tracker records after showing this view (`signature + next-step count`): nothing left to write.
    shown: signature(view) + 0,
  };
}

export async function storeTrackedJobs(
  store: StateStore,
  jobs: SeededJob[],
  conversationOf: (i: number) => string,
): Promise<void> {
  for (const vaultId of new Set(jobs.map((j) => j.vaultId))) await registerVault(store, vaultId);
  for (let i = 0; i < jobs.length; i++)
    await store.put(jobKey(jobs[i].vaultId, jobs[i].jobId), trackedJob(jobs[i], conversationOf(i)));
}
