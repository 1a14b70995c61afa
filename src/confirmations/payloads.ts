/**
 * What each confirmation keeps on the server until it is clicked (the card carries only the pending id): the VM as a
 * `VmSummary`, and where and how the write is to be done — read from Azure when the card was made, so a click cannot
 * change it.
 */
import type { ItemPlace, ProtectionInfo, VmDetails } from '../azure/port';
import { vmSummary, type VmSummary } from '../core/vm';
import type { RestoreChoices, RestoreSelection } from '../rules/restore-options';

/** `backup <vm> now`: the VM and where it is protected, as the preflight read them. */
export interface BackupPayload {
  vm: VmSummary;
  protection: Pick<
    ProtectionInfo,
    'vaultId' | 'containerName' | 'protectedItemName' | 'policyName' | 'protectionState'
  >;
}

export function backupPayload(vm: VmDetails, protection: ProtectionInfo): BackupPayload {
  const { vaultId, containerName, protectedItemName, policyName, protectionState } = protection;
  return { vm: vmSummary(vm), protection: { vaultId, containerName, protectedItemName, policyName, protectionState } };
}

/**
 * `protect <vm>`: the vault of the VM's region and the policies offered there (a click may pick only one of these).
 * Confirmations made before the VM summary lack the VM's `encryption` and `osType`, which nothing reading this uses.
 */
export interface ProtectPayload {
  vm: VmSummary;
  vaultId: string;
  policies: { id: string; name: string }[];
}

/** `restore <vm>`: the VM, the vault, and exactly what was offered (and, once reviewed, chosen). */
export interface RestorePayload {
  vm: VmSummary;
  vault: { id: string; name: string; location: string };
  /** The protected item the points belong to (its names as Azure gave them when the form was made). */
  item?: ItemPlace;
  points: { name: string; time: string; consistency: string; tiers: string[] }[];
  choices: RestoreChoices;
  selection?: RestoreSelection;
}
