/**
 * Which way an ADE VM leaves ADE (ADE-MIGRATION-FACTS §2). No ADE VM can be migrated in place; the path depends on
 * what is encrypted and how:
 * - **A**: Windows (every volume), or Linux with data disks only: disable ADE, copy to new Upload disks, new VM with
 *   encryption at host.
 * - **B**: Linux with an encrypted OS disk: no volume can be decrypted; a new VM from an image, the data copied over.
 * - **aad**: ADE with an Entra (AAD) app (`encryptionSettingsVersion` "1.0"): migrate to single pass first, then A or
 * B.
 * - **unmanaged**: unmanaged (VHD) disks, retired since 31 Mar 2026: convert to managed disks first, then A or B.
 * Pure: it reads the fleet lists' plain types, so unit tests pass plain objects.
 */
import type { AdeKeyRef, FleetDisk, FleetVm } from '../azure/fleet';

export type MigrationPath = 'A' | 'B' | 'aad' | 'unmanaged';

export interface AdeVm {
  vm: FleetVm;
  /** The first thing to do: A or B, or what must come before them. */
  path: MigrationPath;
  /** What follows `aad` and `unmanaged`: A or B. */
  then: 'A' | 'B';
  /** The disable's `VolumeType`: All for Windows and Linux OS volumes, Data for Linux data-only. */
  volumeType: 'All' | 'Data';
  osEncrypted: boolean;
  /** The VM's managed disks, OS disk first. */
  disks: FleetDisk[];
  /** Every distinct key location of its ADE disks. */
  keys: AdeKeyRef[];
  /** Key Vaults holding its BEKs and KEKs (resource ids, as the disks name them). */
  keyVaultIds: string[];
}

const lower = (s: string | undefined) => (s ?? '').toLowerCase();

/** The VM's managed disks, by the ids its model names (OS disk first), from a subscription disk list. */
export function disksOf(vm: FleetVm, byId: ReadonlyMap<string, FleetDisk>): FleetDisk[] {
  return [vm.osDisk, ...vm.dataDisks]
    .map((d) => byId.get(lower(d.managedDiskId)))
    .filter((d): d is FleetDisk => d !== undefined);
}

export function keyVaultIdsOf(keys: AdeKeyRef[]): string[] {
  const ids = new Map<string, string>();
  for (const k of keys)
    for (const id of [k.secretVaultId, k.kekVaultId]) if (id) ids.set(lower(id), ids.get(lower(id)) ?? id);
  return [...ids.values()];
}

/** The VM's ADE facts, or `undefined` when none of its disks is ADE-encrypted. */
export function classifyAde(vm: FleetVm, disks: FleetDisk[]): AdeVm | undefined {
  const os = disks.find((d) => lower(d.id) === lower(vm.osDisk.managedDiskId));
  const unmanaged = vm.osDisk.vhdUri !== undefined && vm.osDisk.managedDiskId === undefined;
  const osEncrypted = !!os?.ade || !!vm.modelAde;
  const keys = [...(vm.modelAde ? [vm.modelAde] : []), ...disks.flatMap((d) => (d.ade ? [d.ade] : []))];
  if (!keys.length) return undefined;
  const distinct = [...new Map(keys.map((k) => [`${lower(k.secretUrl)}|${lower(k.kekUrl)}`, k])).values()];
  const then: 'A' | 'B' = vm.osType === 'Linux' && osEncrypted ? 'B' : 'A';
  // The Entra-app version shows as encryptionSettingsVersion 1.0 on a disk, or as settings on a managed VM's model.
  const aad = disks.some((d) => d.adeVersion === '1.0') || (!unmanaged && !!vm.modelAde);
  return {
    vm,
    path: unmanaged ? 'unmanaged' : aad ? 'aad' : then,
    then,
    volumeType: vm.osType === 'Linux' && !osEncrypted ? 'Data' : 'All',
    osEncrypted,
    disks,
    keys: distinct,
    keyVaultIds: keyVaultIdsOf(distinct),
  };
}
