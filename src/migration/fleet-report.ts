/**
 * "Where do we stand?" for the subscription, from the fleet lists (read-fleet.ts) and the plans in state: how many
 * VMs still use ADE and by which path, what blocks encryption at host, which backups are exposed, which Key Vaults must
 * be kept and whether they are safe, and how far each plan got. Pure: the lists in, the report (and the plans that
 * moved forward) out.
 */
import type { FleetDisk, FleetKeyVault, FleetPolicy, FleetProtectedItem, FleetVm, VmSku } from '../azure/fleet';
import { classifyAde, disksOf, type AdeVm, type MigrationPath } from './classify';
import { keyHolds, type HoldClaim, type KeyHold } from './key-holds';
import { estimatePoints, laterExpiry, type Expiry, type PointsEstimate } from './point-expiry';
import { STAGES, type MigrationPlan, type PlanStage } from './plan';
import { reconcile } from './progress';
import { daysLeft } from './retirement';
import { nearestSupported, supportsEah } from './sizes';

export interface FleetSnapshot {
  /** The VMs the report looks at: all of them, or (from read-fleet.ts) those with ADE or encryption at host. */
  vms: FleetVm[];
  /** Every VM's id, lower case, when `vms` holds only some: how many there are, and which items lost their VM. */
  vmIds?: ReadonlySet<string>;
  /** Managed disks; those with ADE settings are all that decide anything here. */
  disks: FleetDisk[];
  items: FleetProtectedItem[];
  policies: FleetPolicy[];
  keyVaults: FleetKeyVault[];
  /** VM sizes by region (lower case), for the regions of ADE VMs. */
  skus: Record<string, VmSku[]>;
  featureState: string;
}

export type ProtectionShown = 'protected' | 'failed' | 'stopped' | 'none';

/** One ADE VM as the report lists it. */
export interface VmRow {
  name: string;
  resourceGroup: string;
  location: string;
  path: MigrationPath;
  then: 'A' | 'B';
  size: string;
  sizeSupported: boolean;
  protection: ProtectionShown;
  points: PointsEstimate;
  keyVaults: string[];
  stage?: PlanStage;
}

export interface SizeBlocker {
  size: string;
  region: string;
  vms: string[];
  nearest?: string;
}

export interface FleetReport {
  now: number;
  daysLeft: number;
  vmCount: number;
  adeCount: number;
  /** VMs with encryption at host on. */
  eahCount: number;
  byPath: Record<MigrationPath, number>;
  feature: { state: string; registered: boolean };
  sizeBlockers: SizeBlocker[];
  notProtected: string[];
  lastFailed: string[];
  /** ADE points estimated to outlive the retirement. */
  atRisk: { vms: string[]; points: number; latestExpiry?: Expiry };
  keyHolds: KeyHold[];
  plans: Record<PlanStage, number>;
  /** Protected items whose VM is gone and that no plan accounts for: their keys cannot be told from lists. */
  orphanItems: string[];
  rows: VmRow[];
}

const lower = (s: string | undefined) => (s ?? '').toLowerCase();
const KEEPING_DATA = new Set(['protectionstopped', 'backupssuspended']);

function protectionOf(item: FleetProtectedItem | undefined): ProtectionShown {
  if (!item) return 'none';
  if (KEEPING_DATA.has(lower(item.protectionState))) return 'stopped';
  return lower(item.lastBackupStatus) === 'failed' ? 'failed' : 'protected';
}

export function buildReport(
  fleet: FleetSnapshot,
  plans: MigrationPlan[],
  now: number,
): { report: FleetReport; moved: MigrationPlan[] } {
  const diskById = new Map(fleet.disks.map((d) => [lower(d.id), d]));
  const itemByVm = new Map<string, FleetProtectedItem>();
  // A VM protected in two vaults (moved between them) shows the item that still protects it.
  for (const item of fleet.items)
    if (!itemByVm.has(lower(item.vmId)) || !KEEPING_DATA.has(lower(item.protectionState)))
      itemByVm.set(lower(item.vmId), item);
  const policyById = new Map(fleet.policies.map((p) => [lower(p.id), p]));
  const ade: AdeVm[] = fleet.vms
    .map((vm) => classifyAde(vm, disksOf(vm, diskById)))
    .filter((a): a is AdeVm => a !== undefined);

  const estimate = (vmId: string, createdAt?: Date): PointsEstimate => {
    const item = itemByVm.get(lower(vmId));
    return item
      ? estimatePoints(item, policyById.get(lower(item.policyId)), createdAt?.getTime())
      : { atRisk: 0, basis: 'none' };
  };

  // Plans move forward from what the lists show; the moved ones are written back by the caller.
  const moved: MigrationPlan[] = [];
  const adeById = new Map(ade.map((a) => [lower(a.vm.id), a]));
  const current = plans.map((plan) => {
    const known = adeById.get(lower(plan.vm.id));
    const keyVaultIds = known?.keyVaultIds ?? plan.keyHold?.keyVaultIds ?? [];
    const until = estimate(plan.vm.id, known?.vm.createdAt).latestExpiry ?? plan.keyHold?.until ?? now;
    const next = reconcile(plan, {
      oldItem: itemByVm.get(lower(plan.vm.id)),
      newItem: plan.newVm ? itemByVm.get(lower(plan.newVm.id)) : undefined,
      hold: { keyVaultIds, until },
      now,
    });
    if (next !== plan) moved.push(next);
    return next;
  });
  const stageOf = new Map(current.map((p) => [lower(p.vm.id), p.stage]));

  const rows: VmRow[] = ade.map((a) => {
    const region = lower(a.vm.location);
    const skus = fleet.skus[region] ?? [];
    return {
      name: a.vm.name,
      resourceGroup: a.vm.resourceGroup,
      location: a.vm.location,
      path: a.path,
      then: a.then,
      size: a.vm.vmSize,
      sizeSupported: supportsEah(a.vm.vmSize, skus),
      protection: protectionOf(itemByVm.get(lower(a.vm.id))),
      points: estimate(a.vm.id, a.vm.createdAt),
      keyVaults: a.keyVaultIds.map((id) => id.split('/').pop() ?? id),
      ...(stageOf.has(lower(a.vm.id)) ? { stage: stageOf.get(lower(a.vm.id)) } : {}),
    };
  });
  rows.sort((x, y) => x.name.localeCompare(y.name) || x.resourceGroup.localeCompare(y.resourceGroup));

  const sizes = new Map<string, SizeBlocker>();
  for (const a of ade) {
    const skus = fleet.skus[lower(a.vm.location)] ?? [];
    if (supportsEah(a.vm.vmSize, skus)) continue;
    const key = `${lower(a.vm.vmSize)}|${lower(a.vm.location)}`;
    const nearest = nearestSupported(a.vm.vmSize, skus);
    const entry = sizes.get(key) ?? {
      size: a.vm.vmSize,
      region: a.vm.location,
      vms: [],
      ...(nearest ? { nearest } : {}),
    };
    entry.vms.push(a.vm.name);
    sizes.set(key, entry);
  }

  const claims: HoldClaim[] = [];
  for (const a of ade) {
    const until = estimate(a.vm.id, a.vm.createdAt).latestExpiry;
    if (until !== undefined)
      for (const keyVaultId of a.keyVaultIds) claims.push({ keyVaultId, vmName: a.vm.name, until });
  }
  for (const p of current) {
    if (p.keyHold && !adeById.has(lower(p.vm.id)))
      for (const keyVaultId of p.keyHold.keyVaultIds)
        claims.push({ keyVaultId, vmName: p.vm.name, until: p.keyHold.until });
  }

  const vmIds = fleet.vmIds ?? new Set(fleet.vms.map((v) => lower(v.id)));
  const atRiskRows = rows.filter((r) => r.points.atRisk > 0);
  const planned = new Set(plans.map((p) => lower(p.vm.id)));
  const stageDone = (r: VmRow) => r.stage === 'oldStopped';
  const byPath: Record<MigrationPath, number> = { A: 0, B: 0, aad: 0, unmanaged: 0 };
  for (const a of ade) byPath[a.path]++;
  const planCounts = Object.fromEntries(STAGES.map((s) => [s, current.filter((p) => p.stage === s).length])) as Record<
    PlanStage,
    number
  >;
  return {
    moved,
    report: {
      now,
      daysLeft: daysLeft(now),
      vmCount: vmIds.size,
      adeCount: ade.length,
      eahCount: fleet.vms.filter((v) => v.encryptionAtHost).length,
      byPath,
      feature: { state: fleet.featureState, registered: lower(fleet.featureState) === 'registered' },
      sizeBlockers: [...sizes.values()].sort((x, y) => y.vms.length - x.vms.length || x.size.localeCompare(y.size)),
      notProtected: rows
        .filter((r) => (r.protection === 'none' || r.protection === 'stopped') && !stageDone(r))
        .map((r) => r.name),
      lastFailed: rows.filter((r) => r.protection === 'failed').map((r) => r.name),
      atRisk: {
        vms: atRiskRows.map((r) => r.name),
        points: atRiskRows.reduce((n, r) => n + r.points.atRisk, 0),
        latestExpiry: atRiskRows.reduce<Expiry | undefined>((e, r) => laterExpiry(e, r.points.latestExpiry), undefined),
      },
      keyHolds: keyHolds(claims, fleet.keyVaults, now),
      plans: planCounts,
      orphanItems: fleet.items
        .filter((i) => !vmIds.has(lower(i.vmId)) && !planned.has(lower(i.vmId)) && i.lastRecoveryPoint)
        .map((i) => i.friendlyName),
      rows,
    },
  };
}
