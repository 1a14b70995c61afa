/**
 * What the ADE retirement report and the migration plans read from Azure: whole lists (VMs, disks, protected items,
 * policies, Key Vaults, one SKU list per region, one feature), so the report's reads grow with list pages, never with
 * the number of VMs. Plain types, translated at the edge (`translate-fleet.ts`); nothing here imports the SDKs.
 *
 * Self-contained on purpose: `port.ts` extends `FleetPort`, so this file must not import it (no import cycles).
 */

/** Where an ADE disk's keys are: the BEK secret, and the KEK when there is one. */
export interface AdeKeyRef {
  secretUrl: string;
  /** Key Vault resource id holding the BEK. */
  secretVaultId: string;
  kekUrl?: string;
  kekVaultId?: string;
}

/** A disk as the VM model names it (`storageProfile.osDisk` / `dataDisks[]`). */
export interface FleetDiskRef {
  name: string;
  /** Managed disk resource id; absent for an unmanaged (VHD) disk. */
  managedDiskId?: string;
  /** Unmanaged disk page blob. */
  vhdUri?: string;
  lun?: number;
}

/** A VM from `virtualMachines.listAll` (model only, no instance view). */
export interface FleetVm {
  id: string;
  name: string;
  resourceGroup: string;
  subscriptionId: string;
  location: string;
  vmSize: string;
  osType: 'Windows' | 'Linux';
  /** `securityProfile.securityType` (TrustedLaunch, ConfidentialVM), when set. */
  securityType?: string;
  /** `securityProfile.encryptionAtHost`. */
  encryptionAtHost: boolean;
  /** `timeCreated`: no recovery point of the VM is older. */
  createdAt?: Date;
  /**
   * The marketplace image it was made from (`publisher:offer:sku:version`), when it names one: path B rebuilds from it.
   */
  image?: string;
  osDisk: FleetDiskRef;
  dataDisks: FleetDiskRef[];
  /**
   * ADE settings on the model's `osDisk.encryptionSettings`: where unmanaged VMs and ADE with an Entra (AAD) app keep
   * them (ADE-MIGRATION-FACTS §5).
   */
  modelAde?: AdeKeyRef;
}

/** A managed disk from `disks.list` (the subscription). */
export interface FleetDisk {
  id: string;
  name: string;
  resourceGroup: string;
  location: string;
  /** The VM it is attached to. */
  managedBy?: string;
  osType?: 'Windows' | 'Linux';
  sizeGb?: number;
  /** `diskSizeBytes`: the Upload disk of a copy is this + 512 bytes (ADE-MIGRATION-FACTS §2). */
  sizeBytes?: number;
  hyperVGeneration?: string;
  /** `encryptionSettingsCollection` when enabled. */
  ade?: AdeKeyRef;
  /**
   * `encryptionSettingsCollection.encryptionSettingsVersion`: "1.0" = ADE with an Entra (AAD) app, "1.1" = single pass.
   */
  adeVersion?: string;
  /** `encryption.type`, e.g. EncryptionAtRestWithPlatformKey. */
  encryptionType?: string;
  /** `sku.name`, e.g. Premium_LRS: the Upload disk of a copy gets the same. */
  sku?: string;
}

/** A VM's protected item from a vault's `backupProtectedItems.list`. */
export interface FleetProtectedItem {
  vaultId: string;
  /** `sourceResourceId` (or `virtualMachineId`): the VM the points are of, even after the VM is gone. */
  vmId: string;
  friendlyName: string;
  containerName: string;
  protectedItemName: string;
  policyId?: string;
  /** Protected, IRPending, ProtectionStopped, BackupsSuspended, ProtectionError… */
  protectionState: string;
  lastBackupStatus?: string;
  lastBackupTime?: Date;
  lastRecoveryPoint?: Date;
  /** From `extendedInfo`, when Azure sends it (recorded list answers do not; see translate-fleet.ts). */
  oldestRecoveryPoint?: Date;
  recoveryPointCount?: number;
}

/** One kind of point a policy keeps (daily, weekly, monthly, yearly) and for how long. */
export interface RetentionTier {
  kind: 'daily' | 'weekly' | 'monthly' | 'yearly';
  count: number;
  unit: 'Days' | 'Weeks' | 'Months' | 'Years';
}

/** An IaaS VM policy from `backupPolicies.list`. */
export interface FleetPolicy {
  id: string;
  name: string;
  vaultId: string;
  /** Enhanced policy (`policyType: "V2"`): what Trusted Launch VMs need (ADE-MIGRATION-FACTS §4). */
  enhanced: boolean;
  /** The kinds of points it keeps; empty when it keeps none the bot can read. */
  retention: RetentionTier[];
}

/** A Key Vault from `vaults.listBySubscription`, with what decides whether it can be lost. */
export interface FleetKeyVault {
  id: string;
  name: string;
  resourceGroup: string;
  location: string;
  softDelete: boolean;
  purgeProtection: boolean;
  enabledForDiskEncryption: boolean;
}

/** A VM size in one region, from `resourceSkus.list` with a location filter. */
export interface VmSku {
  name: string;
  family?: string;
  vCpus?: number;
  memoryGb?: number;
  /** Capability `EncryptionAtHostSupported` = "True". */
  encryptionAtHost: boolean;
  /** A location restriction for this subscription (`NotAvailableForSubscription`). */
  restricted: boolean;
}

/** One VM read for its plan: the model (with its ADE extension) and its managed disks. */
export interface MigrationVm {
  vm: FleetVm;
  disks: FleetDisk[];
  /** The VM's ADE extension as its `resources[]` name it (to disable and remove it by its own name). */
  adeExtension?: { name: string; type: string; volumeType?: string };
  powerState?: string;
}

/** What the ADE report and plans ask of Azure. Every method reads; none writes. */
export interface FleetPort {
  /**
   * Every VM in the subscription, one paged list; with `keep`, only the VMs it keeps are returned (each VM is still
   * passed to it, so a caller can count them without holding them all). Needs `Microsoft.Compute/virtualMachines/read`
   * (Reader).
   */
  listFleetVms(keep?: (vm: FleetVm) => boolean): Promise<FleetVm[]>;

  /** Every managed disk in the subscription, one paged list. Needs `Microsoft.Compute/disks/read` (Reader). */
  listFleetDisks(): Promise<FleetDisk[]>;

  /**
   * A vault's protected VM items, one paged list. Needs `Microsoft.RecoveryServices/vaults/backupProtectedItems/read`
   * (Backup Reader).
   */
  listProtectedVms(vaultId: string): Promise<FleetProtectedItem[]>;

  /** A vault's IaaS VM policies with their retention. Needs `…/vaults/backupPolicies/read` (Backup Reader). */
  listVaultPolicies(vaultId: string): Promise<FleetPolicy[]>;

  /** Every Key Vault in the subscription, one paged list. Needs `Microsoft.KeyVault/vaults/read` (Reader). */
  listFleetKeyVaults(): Promise<FleetKeyVault[]>;

  /**
   * The VM sizes of one region (`resourceSkus.list` filtered by location): one read per region.
   * Needs `Microsoft.Compute/skus/read` (Reader).
   */
  listVmSkus(region: string): Promise<VmSku[]>;

  /**
   * The subscription's `Microsoft.Compute/EncryptionAtHost` feature state (Registered, NotRegistered, Registering,
   * Unregistered…). Needs `Microsoft.Features/providers/features/read` (Reader).
   */
  getEncryptionAtHostFeature(): Promise<string>;

  /**
   * One VM for its migration plan: `virtualMachines.get` with its instance view and `disks.get` per managed disk.
   * Needs `Microsoft.Compute/virtualMachines/read` and `Microsoft.Compute/disks/read` (Reader).
   */
  getMigrationVm(vm: { resourceGroup: string; name: string }): Promise<MigrationVm>;
}
