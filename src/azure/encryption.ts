/**
 * How a VM's disks are encrypted, as far as Azure Backup cares (AZURE-FACTS, "Encryption kinds"). Pure: it reads the
 * VM model, its instance view and its managed disks in ARM's shape (which the SDK's flattened models also have), so
 * unit tests pass plain objects.
 *
 * Where ADE shows: on a managed disk's `encryptionSettingsCollection` (while `encryption.type` still says platform
 * key), on an unmanaged `storageProfile.osDisk.encryptionSettings`, and in the instance view's
 * `disks[].encryptionSettings`. CMK shows as a disk encryption set on the model's `managedDisk` or the disk's
 * `encryption`. Anything else is PMK.
 */
import type { AdeSettings, DiskSummary, EncryptionKind } from './port';

export interface EncryptionSettingsLike {
  enabled?: boolean;
  diskEncryptionKey?: { secretUrl?: string; sourceVault?: { id?: string } };
  keyEncryptionKey?: { keyUrl?: string; sourceVault?: { id?: string } };
}

interface ModelDiskLike {
  name?: string;
  vhd?: { uri?: string };
  managedDisk?: { id?: string; diskEncryptionSet?: { id?: string } };
}

export interface VmModelLike {
  storageProfile?: {
    osDisk?: ModelDiskLike & { encryptionSettings?: EncryptionSettingsLike };
    dataDisks?: ModelDiskLike[];
  };
  instanceView?: { disks?: Array<{ name?: string; encryptionSettings?: EncryptionSettingsLike[] }> };
}

export interface ManagedDiskLike {
  id?: string;
  name?: string;
  encryptionSettingsCollection?: { enabled?: boolean; encryptionSettings?: EncryptionSettingsLike[] };
  encryption?: { type?: string; diskEncryptionSetId?: string };
}

export interface EncryptionClassification {
  kind: EncryptionKind;
  ade?: AdeSettings;
  disks: DiskSummary[];
}

export function adeFromSettings(s: EncryptionSettingsLike | undefined): AdeSettings | undefined {
  const secretUrl = s?.diskEncryptionKey?.secretUrl;
  const secretVaultId = s?.diskEncryptionKey?.sourceVault?.id;
  if (!s || s.enabled === false || !secretUrl || !secretVaultId) return undefined;
  const kekUrl = s.keyEncryptionKey?.keyUrl;
  return kekUrl
    ? { secretVaultId, secretUrl, kekUrl, kekVaultId: s.keyEncryptionKey?.sourceVault?.id ?? secretVaultId }
    : { secretVaultId, secretUrl };
}

const sameId = (a?: string, b?: string): boolean => !!a && !!b && a.toLowerCase() === b.toLowerCase();

function summarise(
  model: ModelDiskLike,
  role: 'os' | 'data',
  vm: VmModelLike,
  disks: ManagedDiskLike[],
  own?: EncryptionSettingsLike,
): DiskSummary {
  const managedId = model.managedDisk?.id;
  const disk = managedId ? disks.find((d) => sameId(d.id, managedId)) : undefined;
  const name = model.name ?? disk?.name ?? '';
  const fromDisk = disk?.encryptionSettingsCollection?.enabled
    ? adeFromSettings(disk.encryptionSettingsCollection.encryptionSettings?.[0])
    : undefined;
  const fromView = adeFromSettings(vm.instanceView?.disks?.find((d) => sameId(d.name, name))?.encryptionSettings?.[0]);
  const ade = fromDisk ?? adeFromSettings(own) ?? fromView;
  const cmk = model.managedDisk?.diskEncryptionSet?.id ?? disk?.encryption?.diskEncryptionSetId;
  return {
    name,
    role,
    managed: model.managedDisk !== undefined || model.vhd === undefined,
    ...(cmk ? { diskEncryptionSetId: cmk } : {}),
    ...(ade ? { ade } : {}),
  };
}

export function classifyEncryption(vm: VmModelLike, disks: ManagedDiskLike[]): EncryptionClassification {
  const os = vm.storageProfile?.osDisk;
  const summaries: DiskSummary[] = [
    ...(os ? [summarise(os, 'os', vm, disks, os.encryptionSettings)] : []),
    ...(vm.storageProfile?.dataDisks ?? []).map((d) => summarise(d, 'data', vm, disks)),
  ];
  const ade = summaries.find((d) => d.role === 'os' && d.ade)?.ade ?? summaries.find((d) => d.ade)?.ade;
  if (ade) return { kind: ade.kekUrl ? 'ADE_BEK_KEK' : 'ADE_BEK', ade, disks: summaries };
  if (summaries.some((d) => d.diskEncryptionSetId)) return { kind: 'CMK', disks: summaries };
  return { kind: 'PMK', disks: summaries };
}
