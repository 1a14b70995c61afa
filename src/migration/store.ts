/** The migration plans in state: one per VM under `ade/plan/<vm>`. */
import type { StateStore, Versioned } from '../state/store';
import { PLAN_PREFIX, planKey, STAGES, type MigrationPlan } from './plan';

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
export async function saveMoved(
  store: StateStore,
  read: Versioned<MigrationPlan>[],
  moved: MigrationPlan[],
): Promise<number> {
  const etags = new Map(read.map((r) => [planKey(r.value.vm.id), r]));
  let written = 0;
  for (const plan of moved) {
    const before = etags.get(planKey(plan.vm.id));
    if (!before || rank(plan) < rank(before.value)) continue;
    await store.put(planKey(plan.vm.id), plan, { ifMatch: before.etag }).then(
      () => written++,
      () => undefined,
    );
  }
  return written;
}
