/**
 * What `ade report` and `ade plan` keep in state: each plan under `ade/plan/<vm>`, and each report a day long under
 * `ade/report/<id>` so its pages read the same snapshot (paging reads no Azure list again).
 */
import { randomUUID } from 'node:crypto';
import { forgetStale, type StateStore, type Versioned } from '../state/store';
import type { FleetReport } from './fleet-report';
import { PLAN_PREFIX, planKey, STAGES, type MigrationPlan } from './plan';

export const REPORT_PREFIX = 'ade/report/';
const REPORT_KEEP_MS = 86_400_000;

export interface StoredReport {
  id: string;
  createdAt: number;
  report: FleetReport;
}

/** Keeps the report for its pages (and forgets reports older than a day); returns its id. */
export async function saveReport(store: StateStore, report: FleetReport, now: number): Promise<string> {
  const id = randomUUID();
  await forgetStale(store, await store.list<StoredReport>(REPORT_PREFIX), (r) => r.createdAt < now - REPORT_KEEP_MS);
  await store.put<StoredReport>(`${REPORT_PREFIX}${id}`, { id, createdAt: now, report });
  return id;
}

export async function loadReport(store: StateStore, id: string, now: number): Promise<StoredReport | undefined> {
  const found = (await store.get<StoredReport>(`${REPORT_PREFIX}${id}`))?.value;
  return found && found.createdAt >= now - REPORT_KEEP_MS ? found : undefined;
}

export function listPlans(store: StateStore): Promise<Versioned<MigrationPlan>[]> {
  return store.list<MigrationPlan>(PLAN_PREFIX);
}

export async function getPlan(store: StateStore, vmId: string): Promise<Versioned<MigrationPlan> | undefined> {
  return store.get<MigrationPlan>(planKey(vmId));
}

const rank = (p: MigrationPlan) => STAGES.indexOf(p.stage);

/**
 * Writes plans that moved forward, each guarded by the eTag it was read with: one changed meanwhile is left for the
 * next read to move (stages only go forward, so nothing is lost). Returns how many were written.
 */
export async function saveMoved(store: StateStore, read: Versioned<MigrationPlan>[], moved: MigrationPlan[]): Promise<number> {
  const etags = new Map(read.map((r) => [planKey(r.value.vm.id), r]));
  let written = 0;
  for (const plan of moved) {
    const before = etags.get(planKey(plan.vm.id));
    if (!before || rank(plan) < rank(before.value)) continue;
    await store.put(planKey(plan.vm.id), plan, { ifMatch: before.etag }).then(() => written++, () => undefined);
  }
  return written;
}
