/**
 * The guard on key holds, for one VM (`check`) and for every recorded hold (the watch): a Key Vault that holds the
 * BEK or KEK of ADE points that must be kept is at risk when it is gone, its purge protection or soft delete is off,
 * or `enabledForDiskEncryption` was turned off while the points still need it. The holds are the plans' recorded
 * ones, and for `check`, the VM's own Key Vaults while its ADE points live (until when: its policy's retention).
 */
import { isAde, type AzurePort, type ProtectionInfo, type VmDetails } from '../azure/port';
import type { Messages } from '../i18n';
import type { StateStore } from '../state/store';
import { keyHolds, type HoldClaim, type KeyHold } from './key-holds';
import { estimatePoints } from './point-expiry';
import type { MigrationPlan } from './plan';
import { getPlan } from './store';

/** The VM's key holds that are at risk (no read beyond the VM's plan when it holds nothing). */
export async function vmHoldsAtRisk(
  azure: AzurePort,
  store: StateStore,
  vm: VmDetails,
  protection: ProtectionInfo | undefined,
  now: number,
): Promise<KeyHold[]> {
  const claims: HoldClaim[] = [];
  const plan = (await getPlan(store, vm.id))?.value;
  for (const keyVaultId of plan?.keyHold?.keyVaultIds ?? [])
    claims.push({ keyVaultId, vmName: vm.name, until: plan!.keyHold!.until });
  if (isAde(vm.encryption) && protection?.lastRecoveryPoint) {
    const policy = protection.policyId
      ? (await azure.listVaultPolicies(protection.vaultId)).find(
          (p) => p.id.toLowerCase() === protection.policyId?.toLowerCase(),
        )
      : undefined;
    const until = estimatePoints({ ...protection, vmId: vm.id, friendlyName: vm.name }, policy).latestExpiry;
    const ids = new Set(
      vm.disks.flatMap((d) => [d.ade?.secretVaultId, d.ade?.kekVaultId]).filter((id): id is string => !!id),
    );
    if (until !== undefined) for (const keyVaultId of ids) claims.push({ keyVaultId, vmName: vm.name, until });
  }
  if (!claims.length) return [];
  return keyHolds(claims, await azure.listFleetKeyVaults(), now).filter((h) => h.risks.length > 0);
}

/** Every hold the plans recorded that is at risk: one Key Vault list read. */
export async function recordedHoldsAtRisk(azure: AzurePort, plans: MigrationPlan[], now: number): Promise<KeyHold[]> {
  const claims = plans.flatMap((p) =>
    p.keyHold
      ? p.keyHold.keyVaultIds.map((keyVaultId) => ({ keyVaultId, vmName: p.vm.name, until: p.keyHold!.until }))
      : [],
  );
  if (!claims.length) return [];
  return keyHolds(claims, await azure.listFleetKeyVaults(), now).filter((h) => h.risks.length > 0);
}

export function holdRiskText(m: Messages, hold: KeyHold): string {
  return m.ade.guard.atRisk(
    hold.name,
    hold.vms,
    m.ade.until(hold.until),
    hold.risks.map((r) => m.ade.guard.risks[r] ?? r).join(', '),
  );
}
