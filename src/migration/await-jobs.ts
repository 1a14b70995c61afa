/**
 * The jobs a plan waits for, one record each under `ade/await/<vm>/<operation>`: the old VM's pre-migration backup,
 * the new VM's ConfigureBackup, then the old VM's DisableBackup (its protection stopped keeping the points). The plan
 * observer reads these (a handful), not every plan, on each poll tick.
 */
import { createHash } from 'node:crypto';
import type { StateStore } from '../state/store';

export const AWAIT_PREFIX = 'ade/await/';

export interface AwaitedJob {
  /** The plan's (old) VM. */
  planVmId: string;
  /** The VM the job is of, as Azure names it in the job list (`entityFriendlyName`). */
  jobVmName: string;
  vaultId: string;
  operation: 'Backup' | 'ConfigureBackup' | 'DisableBackup';
  /** Only a job started at or after this counts. */
  since: number;
}

const hash = (s: string) => createHash('sha256').update(s.toLowerCase()).digest('hex').slice(0, 32);
export const awaitKey = (planVmId: string, operation: AwaitedJob['operation']) =>
  `${AWAIT_PREFIX}${hash(planVmId)}/${operation}`;

export async function awaitJob(store: StateStore, job: AwaitedJob): Promise<void> {
  await store.put(awaitKey(job.planVmId, job.operation), job);
}

export async function awaitedJobs(store: StateStore): Promise<AwaitedJob[]> {
  return (await store.list<AwaitedJob>(AWAIT_PREFIX)).map((r) => r.value);
}

export async function stopAwaiting(
  store: StateStore,
  planVmId: string,
  operation: AwaitedJob['operation'],
): Promise<void> {
  await store.delete(awaitKey(planVmId, operation));
}
