/**
 * The simulated world. Plain data so tests can read and seed it; the routes turn it into ARM payloads shaped like
 * `../shared/azure-rest-examples`. Ids keep Azure's casing; every lookup compares case-insensitively like ARM does.
 */

/** Where a disk's ADE key material lives (BEK secret, optional KEK). */
export interface AdeRef {
  secretUrl: string;
  secretVaultId: string;
  keyUrl?: string;
  keyVaultId?: string;
}

export interface VmDiskRef {
  name: string;
  /** Absent for the OS disk. */
  lun?: number;
  /** Managed disk resource id. */
  managedDiskId?: string;
  /** Unmanaged disk: page blob URI. */
  vhdUri?: string;
  /** CMK: the disk encryption set the VM model references. */
  diskEncryptionSetId?: string;
  /** Unmanaged ADE: `storageProfile.osDisk.encryptionSettings`. */
  encryptionSettings?: AdeRef;
  sizeGb: number;
}

export interface SimVm {
  id: string;
  name: string;
  resourceGroup: string;
  location: string;
  vmId: string;
  osType: 'Windows' | 'Linux';
  vmSize: string;
  osDisk: VmDiskRef;
  dataDisks: VmDiskRef[];
  agent: { ready: boolean; version: string };
  powerState: 'running' | 'deallocated' | 'stopped';
  timeCreated: string;
  /** `securityProfile.encryptionAtHost` (a VM moved off ADE). */
  encryptionAtHost?: boolean;
  /** `securityProfile.securityType`. */
  securityType?: 'TrustedLaunch';
}

export interface SimDisk {
  id: string;
  name: string;
  resourceGroup: string;
  location: string;
  osType?: 'Windows' | 'Linux';
  sizeGb: number;
  managedBy?: string;
  /** ADE on a managed disk: `properties.encryptionSettingsCollection`. */
  ade?: AdeRef;
  /** CMK: `properties.encryption.diskEncryptionSetId`. */
  diskEncryptionSetId?: string;
  timeCreated: string;
  /**
   * `encryptionSettingsCollection.encryptionSettingsVersion`: "1.0" ADE with an Entra app, "1.1" single pass (default).
   */
  adeVersion?: '1.0' | '1.1';
}

export interface SimDiskEncryptionSet {
  id: string;
  name: string;
  resourceGroup: string;
  location: string;
  keyUrl: string;
  keyVaultId: string;
}

export interface SimAccessPolicy {
  tenantId: string;
  objectId: string;
  permissions: { keys: string[]; secrets: string[]; certificates: string[] };
}

export interface SimKeyVault {
  id: string;
  name: string;
  resourceGroup: string;
  location: string;
  tenantId: string;
  enableRbacAuthorization: boolean;
  enabledForDiskEncryption: boolean;
  accessPolicies: SimAccessPolicy[];
  /** `enableSoftDelete` (default true) and `enablePurgeProtection` (sent only when on, as recorded vaults show). */
  enableSoftDelete?: boolean;
  enablePurgeProtection?: boolean;
}

export interface SimRoleDefinition {
  /** GUID. */
  name: string;
  roleName: string;
  type: 'BuiltInRole' | 'CustomRole';
  description: string;
  assignableScopes: string[];
  actions: string[];
  notActions: string[];
  dataActions: string[];
  notDataActions: string[];
}

export interface SimRoleAssignment {
  /** GUID. */
  name: string;
  scope: string;
  roleDefinitionId: string;
  principalId: string;
  principalType: string;
  createdOn: string;
}

/** Policy `properties`, kept in the ARM shape of BackupPolicies_List.json / ProtectionPolicies_Get.json. */
export interface SimPolicy {
  name: string;
  properties: Record<string, unknown>;
}

export interface SimRecoveryPoint {
  /** Numeric string, like Azure's. */
  name: string;
  time: number;
  /** As real recovery points say it: `AppConsistent` (not the spec's `ApplicationConsistent`; azure-cli recordings). */
  consistency: 'AppConsistent' | 'CrashConsistent' | 'FileSystemConsistent';
  /** InstantRP = snapshot tier, HardenedRP = vault tier. */
  tiers: Array<'InstantRP' | 'HardenedRP'>;
  encrypted: boolean;
  keyAndSecret?: AdeRef;
  vmSize: string;
  osType: 'Windows' | 'Linux';
  managed: boolean;
  /** When the point expires (`recoveryPointProperties.expiryTime`); absent: kept by its policy's retention. */
  expiry?: number;
}

export interface SimProtectedItem {
  vmId: string;
  friendlyName: string;
  /** `iaasvmcontainerv2;{rg};{vm}` (without the `IaasVMContainer;` prefix). */
  containerKey: string;
  policyName: string;
  protectionState: string;
  lastBackupStatus?: string;
  lastBackupTime?: number;
  recoveryPoints: SimRecoveryPoint[];
  protectedItemDataId: string;
  /** Soft-deleted: purged at this time unless undeleted. */
  deferredDeleteAt?: number;
}

export type SimJobOperation =
  'Backup' | 'ConfigureBackup' | 'Restore' | 'DisableBackup' | 'DeleteBackupData' | 'Undelete';

/**
 * A vault's guards (CRITICAL-OPS-FACTS §2–4). Absent: soft delete Enabled for 14 days, not immutable, no Resource
 * Guard.
 */
export interface SimVaultSecurity {
  softDeleteState: 'Enabled' | 'Disabled' | 'AlwaysON';
  softDeleteDays: number;
  immutability: 'Disabled' | 'Unlocked' | 'Locked';
  /** Multi-user authorization: the Resource Guard's id, the critical operations it protects, and whether the bot's
   *  identity holds Backup MUA Operator on it now (granted just in time through PIM, or not). */
  guard?: { id: string; operations: string[]; muaOperator: boolean };
}

/** A job's fate, fixed when its deciding phase ends (see jobs/progress.ts). */
export interface SimJobError {
  /** The code text Azure shows, e.g. `UserErrorKeyVaultPermissionsNotConfigured`. */
  code: string;
  /** Numeric `errorCode` of AzureIaaSVMErrorInfo (see payloads/jobs.ts for why both exist). */
  number: number;
  message: string;
  recommendations: string[];
}

export interface SimJob {
  /** GUID. */
  name: string;
  operation: SimJobOperation;
  vmId: string;
  entityFriendlyName: string;
  containerKey: string;
  startTime: number;
  isUserTriggered: boolean;
  /** Backup: requested expiry of the recovery point. */
  expiry?: number;
  /** Restore: what the job writes to its property bag. */
  propertyBag?: Record<string, string>;
  /** Backup: the snapshot phase ended and passed its checks (Key Vault access, VM agent). */
  snapshotChecked?: boolean;
  /** Set once the job has reached a terminal state. */
  outcome?: { status: 'Completed' | 'Failed'; endTime: number; error?: SimJobError; failedTask?: string };
}

export interface SimRecoveryVault {
  id: string;
  name: string;
  resourceGroup: string;
  location: string;
  crossRegionRestore: boolean;
  policies: SimPolicy[];
  items: SimProtectedItem[];
  jobs: SimJob[];
  /** Lower-cased VM ids the vault has discovered (visible as protectable items). */
  discovered: string[];
  security?: SimVaultSecurity;
  /** Lower-cased item ids a Resource Guard unlocked for deletion, and until when (`unlockDelete`). */
  unlockedDeletes?: Record<string, number>;
}

/** An async operation behind an `Azure-AsyncOperation` / `Location` pair. */
export interface SimOperation {
  id: string;
  kind: 'backup' | 'configure' | 'restore' | 'refresh';
  vaultId: string;
  startTime: number;
  /** Polls that still answer "InProgress" before the result shows. */
  pendingPolls: number;
  jobName?: string;
  error?: { code: string; message: string };
}

export interface Estate {
  subscriptionId: string;
  tenantId: string;
  /** Object id of Backup Management Service in this tenant. */
  backupManagementObjectId: string;
  resourceGroups: Array<{ name: string; location: string }>;
  vms: SimVm[];
  disks: SimDisk[];
  diskEncryptionSets: SimDiskEncryptionSet[];
  keyVaults: SimKeyVault[];
  roleDefinitions: SimRoleDefinition[];
  roleAssignments: SimRoleAssignment[];
  recoveryVaults: SimRecoveryVault[];
  operations: SimOperation[];
  /** Subscription features (`Microsoft.Features`), e.g. Microsoft.Compute/EncryptionAtHost. */
  features: SimFeature[];
  /** VM sizes per region (`Microsoft.Compute/skus`). */
  vmSkus: SimVmSku[];
}

export interface SimFeature {
  namespace: string;
  name: string;
  /** NotRegistered, Registering, Registered, Unregistering, Unregistered. */
  state: string;
}

/** A VM size as `resourceSkus.list` shows it in one region. */
export interface SimVmSku {
  name: string;
  family: string;
  size: string;
  location: string;
  vCpus: number;
  memoryGb: number;
  encryptionAtHost: boolean;
}
