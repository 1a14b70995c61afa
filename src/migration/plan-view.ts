/**
 * What a plan card shows for one VM, decided from what was read: each prerequisite with its state, the downtime to
 * expect, the steps with their state, the runbook, whether a candidate new VM may be linked, and which policy protects
 * it. Pure; words are the card builder's.
 */
import type { FleetKeyVault, FleetPolicy, MigrationVm, VmSku } from '../azure/fleet';
import { classifyAde, type AdeVm } from './classify';
import type { HoldRisk } from './key-holds';
import type { Expiry } from './point-expiry';
import { STAGES, type MigrationPlan } from './plan';
import { runbook, type RunbookStep } from './runbook';
import { nearestSupported, supportsEah } from './sizes';

export type Prereq =
  | { id: 'feature'; ok: boolean; state: string }
  | { id: 'size'; ok: boolean; size: string; region: string; nearest?: string }
  | { id: 'protected'; ok: boolean }
  | { id: 'keyVault'; ok: boolean; name: string; risks: HoldRisk[] }
  | { id: 'singlePass'; ok: false }
  | { id: 'convert'; ok: false };

export type StepId = 'backup' | 'runbook' | 'link' | 'protectNew' | 'stopOld';

export interface Step {
  id: StepId;
  state: 'done' | 'next' | 'later';
  at?: number;
}

export type LinkFailure = 'same' | 'noEah' | 'ade' | 'region' | 'subscription';

/** The old VM's protection as `getProtection` tells it. */
export interface OldProtection {
  vaultId: string;
  policyName?: string;
  protectionState: string;
  lastBackupStatus?: string;
  lastBackupTime?: Date;
}

export interface PolicyChoice {
  policy?: Pick<FleetPolicy, 'id' | 'name' | 'enhanced'>;
  /** `same`: the old VM's policy; `enhanced`: an Enhanced one, as Trusted Launch needs; `none`: none fits. */
  why: 'same' | 'enhanced' | 'default' | 'noEnhanced' | 'none';
}

export interface PlanView {
  plan: MigrationPlan;
  ade: AdeVm;
  read: MigrationVm;
  prereqs: Prereq[];
  /** GB of disks a path A copy moves while the VM is deallocated. */
  diskGb: number;
  steps: Step[];
  runbook: RunbookStep[];
  protection?: OldProtection;
  /** Until when the old VM's points live (and its Key Vaults must stay). */
  holdUntil?: Expiry;
  /** The size the new VM should have. */
  size: string;
}

const lower = (s: string | undefined) => (s ?? '').toLowerCase();

/** Whether `candidate` may be the new VM of `old`: encryption at host on, no ADE, same region and subscription. */
export function checkNewVm(
  old: Pick<AdeVm['vm'], 'id' | 'location' | 'subscriptionId'>,
  candidate: MigrationVm,
): LinkFailure[] {
  const v = candidate.vm;
  return [
    ...(lower(v.id) === lower(old.id) ? (['same'] as const) : []),
    ...(v.encryptionAtHost ? [] : (['noEah'] as const)),
    ...(classifyAde(v, candidate.disks) || candidate.adeExtension ? (['ade'] as const) : []),
    ...(lower(v.location) === lower(old.location) ? [] : (['region'] as const)),
    ...(lower(v.subscriptionId) === lower(old.subscriptionId) ? [] : (['subscription'] as const)),
  ];
}

/**
 * The new VM's policy: the old VM's (by name, in the new VM's vault); for a Trusted Launch VM an Enhanced one is
 * required (Backup support matrix), so a standard policy gives way to the Enhanced policy keeping points longest.
 */
export function choosePolicy(
  oldPolicyName: string | undefined,
  policies: FleetPolicy[],
  trustedLaunch: boolean,
): PolicyChoice {
  const same = policies.find((p) => lower(p.name) === lower(oldPolicyName));
  if (same && (!trustedLaunch || same.enhanced)) return { policy: same, why: 'same' };
  if (trustedLaunch) {
    const enhanced = policies
      .filter((p) => p.enhanced)
      .sort((a, b) => longest(b) - longest(a) || a.name.localeCompare(b.name))[0];
    return enhanced ? { policy: enhanced, why: 'enhanced' } : { why: 'noEnhanced' };
  }
  const fallback = policies.find((p) => p.name === 'DefaultPolicy') ?? policies[0];
  return fallback ? { policy: fallback, why: 'default' } : { why: 'none' };
}

const DAYS = { Days: 1, Weeks: 7, Months: 30.44, Years: 365.25 } as const;
const longest = (p: FleetPolicy) => Math.max(0, ...p.retention.map((t) => t.count * DAYS[t.unit]));

export interface PlanViewInput {
  plan: MigrationPlan;
  ade: AdeVm;
  read: MigrationVm;
  featureState: string;
  skus: VmSku[];
  keyVaults: FleetKeyVault[];
  protection?: OldProtection;
  holdUntil?: Expiry;
}

function steps(plan: MigrationPlan): Step[] {
  const at = STAGES.indexOf(plan.stage);
  const linked = !!plan.newVm;
  const state = (done: boolean, next: boolean): Step['state'] => (done ? 'done' : next ? 'next' : 'later');
  return [
    { id: 'backup', state: state(at >= 1, at === 0), ...(plan.backup ? { at: plan.backup.at } : {}) },
    { id: 'runbook', state: state(linked, at === 1 && !linked) },
    { id: 'link', state: state(linked, at === 1 && !linked), ...(plan.newVm ? { at: plan.newVm.linkedAt } : {}) },
    {
      id: 'protectNew',
      state: state(at >= 2, at === 1 && linked),
      ...(plan.newProtection ? { at: plan.newProtection.at } : {}),
    },
    { id: 'stopOld', state: state(at >= 3, at === 2), ...(plan.stoppedAt ? { at: plan.stoppedAt } : {}) },
  ];
}

export function planView(input: PlanViewInput): PlanView {
  const { plan, ade, read, skus } = input;
  const supported = supportsEah(ade.vm.vmSize, skus);
  const nearest = supported ? undefined : nearestSupported(ade.vm.vmSize, skus);
  const vaults = new Map(input.keyVaults.map((v) => [lower(v.id), v]));
  const keyVaultPrereqs: Prereq[] = ade.keyVaultIds.map((id) => {
    const v = vaults.get(lower(id));
    const risks: HoldRisk[] = v
      ? [
          ...(v.softDelete ? [] : (['softDeleteOff'] as const)),
          ...(v.purgeProtection ? [] : (['purgeProtectionOff'] as const)),
          ...(v.enabledForDiskEncryption ? [] : (['diskEncryptionOff'] as const)),
        ]
      : ['deleted'];
    return { id: 'keyVault', ok: risks.length === 0, name: v?.name ?? id.split('/').pop() ?? id, risks };
  });
  const prereqs: Prereq[] = [
    ...(ade.path === 'aad' ? [{ id: 'singlePass', ok: false } as const] : []),
    ...(ade.path === 'unmanaged' ? [{ id: 'convert', ok: false } as const] : []),
    { id: 'feature', ok: lower(input.featureState) === 'registered', state: input.featureState },
    { id: 'size', ok: supported, size: ade.vm.vmSize, region: ade.vm.location, ...(nearest ? { nearest } : {}) },
    { id: 'protected', ok: !!input.protection && !/stopped|suspended/i.test(input.protection.protectionState) },
    ...keyVaultPrereqs,
  ];
  const size = supported ? ade.vm.vmSize : (nearest ?? ade.vm.vmSize);
  const newVmName = plan.newVm?.name ?? `${ade.vm.name}-eah`.slice(0, 64);
  return {
    plan,
    ade,
    read,
    prereqs,
    diskGb: read.disks.reduce((n, d) => n + (d.sizeGb ?? 0), 0),
    steps: steps(plan),
    runbook: runbook({ ade, read, newVmName, size }),
    ...(input.protection ? { protection: input.protection } : {}),
    ...(input.holdUntil !== undefined ? { holdUntil: input.holdUntil } : {}),
    size,
  };
}
