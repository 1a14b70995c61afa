/**
 * What `ade plan <vm>` reads and keeps: the VM with its disks and ADE extension, the feature, its region's sizes, the
 * Key Vaults, its protection and its policy (for until when its points live), the linked new VM's protection; the
 * plan made or moved forward from them (written with eTag retries: every change is a forward-only transition, applied
 * again to whatever is stored), and the jobs it now waits for. About ten reads for one VM.
 */
import type { FleetPolicy, MigrationVm } from '../azure/fleet';
import type { AzurePort, ProtectionInfo, VmRef } from '../azure/port';
import type { User } from '../core/types';
import type { Locale } from '../i18n';
import { update, type StateStore } from '../state/store';
import { awaitJob, stopAwaiting } from './await-jobs';
import { classifyAde, type AdeVm } from './classify';
import { estimatePoints, type Expiry } from './point-expiry';
import { linkNewVm, newPlan, planKey, type MigrationPlan, type PlanVm } from './plan';
import { planView, type OldProtection, type PlanView } from './plan-view';
import { reconcile } from './progress';

export interface PlanRequest {
  ref: VmRef;
  user: User;
  conversationId: string;
  locale: Locale;
  now: number;
  /** A checked new VM to link. */
  link?: PlanVm;
}

export type PlanOutcome = { kind: 'notAde' } | { kind: 'shown'; view: PlanView; plan: MigrationPlan; linked: boolean };

const planVm = (ref: VmRef): PlanVm => ({
  id: ref.id,
  name: ref.name,
  resourceGroup: ref.resourceGroup,
  subscriptionId: ref.subscriptionId,
  location: ref.location,
});

/** The VM's ADE facts, or, once ADE no longer shows on it (disabled during path A), as its plan recorded them. */
function adeOf(read: MigrationVm, plan: MigrationPlan | undefined): AdeVm | undefined {
  const found = classifyAde(read.vm, read.disks);
  if (found || !plan) return found;
  return {
    vm: read.vm,
    path: plan.path,
    then: plan.then,
    volumeType: plan.volumeType,
    osEncrypted: plan.then === 'B',
    disks: read.disks,
    keys: [],
    keyVaultIds: plan.keyVaultIds,
  };
}

async function holdUntil(
  azure: AzurePort,
  protection: ProtectionInfo | undefined,
  createdAt?: Date,
): Promise<Expiry | undefined> {
  if (!protection) return undefined;
  const policies: FleetPolicy[] = protection.policyId ? await azure.listVaultPolicies(protection.vaultId) : [];
  const policy = policies.find((p) => p.id.toLowerCase() === protection.policyId?.toLowerCase());
  return estimatePoints({ ...protection, vmId: '', friendlyName: '' }, policy, createdAt?.getTime()).latestExpiry;
}

const oldProtection = (p: ProtectionInfo | undefined): OldProtection | undefined =>
  p && {
    vaultId: p.vaultId,
    protectionState: p.protectionState,
    ...(p.policyName ? { policyName: p.policyName } : {}),
    ...(p.lastBackupStatus ? { lastBackupStatus: p.lastBackupStatus } : {}),
    ...(p.lastBackupTime ? { lastBackupTime: p.lastBackupTime } : {}),
  };

export async function readPlan(azure: AzurePort, store: StateStore, req: PlanRequest): Promise<PlanOutcome> {
  const read = await azure.getMigrationVm(req.ref);
  const existing = (await store.get<MigrationPlan>(planKey(req.ref.id)))?.value;
  const ade = adeOf(read, existing);
  if (!ade) return { kind: 'notAde' };
  const [featureState, skus, keyVaults, protection] = await Promise.all([
    azure.getEncryptionAtHostFeature(),
    azure.listVmSkus(ade.vm.location),
    azure.listFleetKeyVaults(),
    azure.getProtection(req.ref),
  ]);
  const until = await holdUntil(azure, protection, ade.vm.createdAt);
  const newVm = req.link ?? existing?.newVm;
  const newProtection = newVm ? await azure.getProtection({ ...newVm }) : undefined;
  const fresh = newPlan({
    vm: planVm(req.ref),
    osType: ade.vm.osType,
    path: ade.path,
    then: ade.then,
    volumeType: ade.volumeType,
    keyVaultIds: ade.keyVaultIds,
    createdAt: req.now,
    createdBy: req.user,
    conversationId: req.conversationId,
    locale: req.locale,
    ...(protection
      ? { oldVaultId: protection.vaultId, ...(protection.policyName ? { oldPolicyName: protection.policyName } : {}) }
      : {}),
  });
  let linked = false;
  const stored = await update<MigrationPlan>(store, planKey(req.ref.id), (current) => {
    let plan: MigrationPlan = {
      ...(current ?? fresh),
      keyVaultIds: ade.keyVaultIds.length ? ade.keyVaultIds : (current ?? fresh).keyVaultIds,
    };
    if (until !== undefined) plan = { ...plan, holdUntil: until };
    if (!plan.oldVaultId && protection)
      plan = {
        ...plan,
        oldVaultId: protection.vaultId,
        ...(protection.policyName ? { oldPolicyName: protection.policyName } : {}),
      };
    if (req.link) {
      const next = linkNewVm(plan, req.link, req.user.name, req.now);
      linked = next !== plan;
      plan = next;
    }
    return reconcile(plan, {
      oldItem: protection && { ...protection, vaultId: protection.vaultId },
      newItem: newProtection,
      hold: { keyVaultIds: plan.keyVaultIds, until: until ?? plan.holdUntil ?? req.now },
      now: req.now,
    });
  });
  const plan = stored.value as MigrationPlan;
  // What it waits for now, in the old VM's vault: the pre-migration backup while planned, its stop once the new VM is
  // protected (the new VM's ConfigureBackup is awaited when its protection is offered).
  const wait = async (operation: 'Backup' | 'DisableBackup', when: boolean, since: number) =>
    when && plan.oldVaultId
      ? awaitJob(store, { planVmId: plan.vm.id, jobVmName: plan.vm.name, vaultId: plan.oldVaultId, operation, since })
      : stopAwaiting(store, plan.vm.id, operation);
  await wait('Backup', plan.stage === 'planned', plan.createdAt);
  await wait('DisableBackup', plan.stage === 'newProtected', plan.newProtection?.at ?? req.now);
  const view = planView({
    plan,
    ade,
    read,
    featureState,
    skus,
    keyVaults,
    protection: oldProtection(protection),
    ...(plan.holdUntil !== undefined ? { holdUntil: plan.holdUntil } : {}),
  });
  return { kind: 'shown', view, plan, linked };
}
