/**
 * SDK models → the fleet types (`fleet.ts`). Pure: unit tests pass plain objects in ARM's shape, which the SDKs'
 * models keep for every field read here.
 */
import type { Disk, ResourceSku, VirtualMachine } from '@azure/arm-compute';
import type { Vault } from '@azure/arm-keyvault';
import type {
  AzureIaaSComputeVMProtectedItem,
  AzureIaaSVMProtectionPolicy,
  LongTermRetentionPolicy,
  ProtectedItemResource,
  ProtectionPolicyResource,
} from '@azure/arm-recoveryservicesbackup';
import type {
  AdeKeyRef,
  FleetDisk,
  FleetKeyVault,
  FleetPolicy,
  FleetProtectedItem,
  FleetVm,
  MigrationVm,
  RetentionTier,
  VmSku,
} from './fleet';
import { realDate } from './translate-backup';
import { parseBackupId } from './validate';
import { placeOf } from './translate-place';

interface SettingsLike {
  enabled?: boolean;
  diskEncryptionKey?: { secretUrl?: string; sourceVault?: { id?: string } };
  keyEncryptionKey?: { keyUrl?: string; sourceVault?: { id?: string } };
}

/** One ADE settings object (a disk's `encryptionSettings[0]` or a model's `osDisk.encryptionSettings`) → its keys. */
export function adeKeys(s: SettingsLike | undefined): AdeKeyRef | undefined {
  const secretUrl = s?.diskEncryptionKey?.secretUrl;
  const secretVaultId = s?.diskEncryptionKey?.sourceVault?.id;
  if (!s || s.enabled === false || !secretUrl || !secretVaultId) return undefined;
  const kekUrl = s.keyEncryptionKey?.keyUrl;
  return kekUrl
    ? { secretUrl, secretVaultId, kekUrl, kekVaultId: s.keyEncryptionKey?.sourceVault?.id ?? secretVaultId }
    : { secretUrl, secretVaultId };
}

function osTypeOf(vm: VirtualMachine): 'Windows' | 'Linux' {
  const os = vm.storageProfile?.osDisk?.osType;
  if (os === 'Windows' || os === 'Linux') return os;
  return vm.osProfile?.windowsConfiguration ? 'Windows' : 'Linux';
}

export function toFleetVm(vm: VirtualMachine): FleetVm {
  const os = vm.storageProfile?.osDisk;
  const security = vm.securityProfile?.securityType;
  const modelAde = adeKeys(os?.encryptionSettings);
  const ref = vm.storageProfile?.imageReference;
  const image =
    ref?.publisher && ref.offer && ref.sku
      ? `${ref.publisher}:${ref.offer}:${ref.sku}:${ref.version ?? 'latest'}`
      : undefined;
  return {
    ...placeOf(vm),
    vmSize: vm.hardwareProfile?.vmSize ?? '',
    osType: osTypeOf(vm),
    // From api-version 2025-11-01 Azure writes "Standard" for a VM without Trusted Launch: that is no security type.
    ...(security && security !== 'Standard' ? { securityType: security } : {}),
    encryptionAtHost: vm.securityProfile?.encryptionAtHost === true,
    ...(vm.timeCreated ? { createdAt: vm.timeCreated } : {}),
    ...(image ? { image } : {}),
    osDisk: {
      name: os?.name ?? '',
      ...(os?.managedDisk?.id ? { managedDiskId: os.managedDisk.id } : {}),
      ...(os?.vhd?.uri ? { vhdUri: os.vhd.uri } : {}),
    },
    dataDisks: (vm.storageProfile?.dataDisks ?? []).map((d) => ({
      name: d.name ?? '',
      lun: d.lun,
      ...(d.managedDisk?.id ? { managedDiskId: d.managedDisk.id } : {}),
      ...(d.vhd?.uri ? { vhdUri: d.vhd.uri } : {}),
    })),
    ...(modelAde ? { modelAde } : {}),
  };
}

export function toFleetDisk(d: Disk): FleetDisk {
  const collection = d.encryptionSettingsCollection;
  const ade = collection?.enabled ? adeKeys(collection.encryptionSettings?.[0]) : undefined;
  const { id, name, resourceGroup, location } = placeOf(d);
  return {
    id,
    name,
    resourceGroup,
    location,
    ...(d.managedBy ? { managedBy: d.managedBy } : {}),
    ...(d.osType === 'Windows' || d.osType === 'Linux' ? { osType: d.osType } : {}),
    ...(d.diskSizeGB !== undefined ? { sizeGb: d.diskSizeGB } : {}),
    ...(d.diskSizeBytes !== undefined ? { sizeBytes: d.diskSizeBytes } : {}),
    ...(d.hyperVGeneration ? { hyperVGeneration: d.hyperVGeneration } : {}),
    ...(ade ? { ade } : {}),
    ...(ade && collection?.encryptionSettingsVersion ? { adeVersion: collection.encryptionSettingsVersion } : {}),
    ...(d.encryption?.type ? { encryptionType: d.encryption.type } : {}),
    ...(d.sku?.name ? { sku: d.sku.name } : {}),
  };
}

/**
 * `extendedInfo` (oldest point, point count) is read when present; the recorded list answers (azure-cli
 * test_backup_rp.yaml 2026, test_backup_protection.yaml 2021) carry none, so nothing may depend on it.
 */
export function toFleetItem(vaultId: string, r: ProtectedItemResource): FleetProtectedItem | undefined {
  const p = r.properties as AzureIaaSComputeVMProtectedItem | undefined;
  const vmId = p?.sourceResourceId ?? p?.virtualMachineId;
  if (!vmId || !r.id) return undefined;
  const { container, item } = parseBackupId(r.id, 'protected item id');
  if (!container || !item) return undefined;
  const lastBackupTime = realDate(p?.lastBackupTime);
  const lastRecoveryPoint = realDate(p?.lastRecoveryPoint);
  const oldest = realDate(p?.extendedInfo?.oldestRecoveryPoint);
  return {
    vaultId,
    vmId,
    friendlyName: p?.friendlyName ?? '',
    containerName: container,
    protectedItemName: item,
    ...(p?.policyId ? { policyId: p.policyId } : {}),
    protectionState: p?.protectionState ?? 'Invalid',
    ...(p?.lastBackupStatus ? { lastBackupStatus: p.lastBackupStatus } : {}),
    ...(lastBackupTime ? { lastBackupTime } : {}),
    ...(lastRecoveryPoint ? { lastRecoveryPoint } : {}),
    ...(oldest ? { oldestRecoveryPoint: oldest } : {}),
    ...(p?.extendedInfo?.recoveryPointCount !== undefined
      ? { recoveryPointCount: p.extendedInfo.recoveryPointCount }
      : {}),
  };
}

const UNITS: readonly RetentionTier['unit'][] = ['Days', 'Weeks', 'Months', 'Years'];

function tier(
  kind: RetentionTier['kind'],
  schedule: { retentionDuration?: { count?: number; durationType?: string } } | undefined,
): RetentionTier[] {
  const count = schedule?.retentionDuration?.count;
  const unit = UNITS.find((u) => u.toLowerCase() === (schedule?.retentionDuration?.durationType ?? '').toLowerCase());
  return count && unit ? [{ kind, count, unit }] : [];
}

export function toFleetPolicy(vaultId: string, r: ProtectionPolicyResource): FleetPolicy | undefined {
  const p = r.properties as AzureIaaSVMProtectionPolicy | undefined;
  if (p?.backupManagementType !== 'AzureIaasVM' || !r.id) return undefined;
  const retention = p.retentionPolicy as LongTermRetentionPolicy | undefined;
  const tiers =
    retention?.retentionPolicyType === 'LongTermRetentionPolicy'
      ? [
          ...tier('daily', retention.dailySchedule),
          ...tier('weekly', retention.weeklySchedule),
          ...tier('monthly', retention.monthlySchedule),
          ...tier('yearly', retention.yearlySchedule),
        ]
      : [];
  return {
    id: r.id,
    name: r.name ?? '',
    vaultId,
    enhanced: (p.policyType ?? '').toUpperCase() === 'V2',
    retention: tiers,
  };
}

export function toFleetKeyVault(v: Vault): FleetKeyVault {
  const p = v.properties;
  const { id, name, resourceGroup, location } = placeOf(v);
  return {
    id,
    name,
    resourceGroup,
    location,
    // Absent means not set: counted as off, so a vault whose protection cannot be confirmed is shown, not trusted.
    softDelete: p.enableSoftDelete === true,
    purgeProtection: p.enablePurgeProtection === true,
    enabledForDiskEncryption: p.enabledForDiskEncryption === true,
  };
}

const capability = (sku: ResourceSku, name: string): string | undefined =>
  sku.capabilities?.find((c) => c.name?.toLowerCase() === name.toLowerCase())?.value;

export function toVmSku(sku: ResourceSku, region: string): VmSku | undefined {
  if (sku.resourceType !== 'virtualMachines' || !sku.name) return undefined;
  const number = (name: string) => {
    const n = Number(capability(sku, name));
    return Number.isFinite(n) && capability(sku, name) !== undefined ? n : undefined;
  };
  const vCpus = number('vCPUs');
  const memoryGb = number('MemoryGB');
  const restricted = (sku.restrictions ?? []).some(
    (r) =>
      r.type === 'Location' &&
      (r.values ?? r.restrictionInfo?.locations ?? []).some((l) => l.toLowerCase() === region.toLowerCase()),
  );
  return {
    name: sku.name,
    ...(sku.family ? { family: sku.family } : {}),
    ...(vCpus !== undefined ? { vCpus } : {}),
    ...(memoryGb !== undefined ? { memoryGb } : {}),
    encryptionAtHost: (capability(sku, 'EncryptionAtHostSupported') ?? '').toLowerCase() === 'true',
    restricted,
  };
}

/** The VM's ADE extension, from its `resources[]` (as `az vm encryption` finds it), else from its instance view. */
export function adeExtensionOf(vm: VirtualMachine): MigrationVm['adeExtension'] {
  const resource = (vm.resources ?? []).find(
    (e) => e.publisher === 'Microsoft.Azure.Security' && (e.typePropertiesType ?? '').startsWith('AzureDiskEncryption'),
  );
  if (resource?.name) {
    const volumeType = (resource.settings as { VolumeType?: unknown } | undefined)?.VolumeType;
    return {
      name: resource.name,
      type: resource.typePropertiesType ?? '',
      ...(typeof volumeType === 'string' ? { volumeType } : {}),
    };
  }
  const viewed = vm.instanceView?.extensions?.find((e) =>
    (e.type ?? '').startsWith('Microsoft.Azure.Security.AzureDiskEncryption'),
  );
  return viewed?.name
    ? { name: viewed.name, type: (viewed.type ?? '').replace(/^Microsoft\.Azure\.Security\./, '') }
    : undefined;
}

export function powerStateOf(vm: VirtualMachine): string | undefined {
  return vm.instanceView?.statuses?.find((s) => s.code?.startsWith('PowerState/'))?.code?.slice('PowerState/'.length);
}
