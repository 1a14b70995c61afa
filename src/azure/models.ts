/**
 * The plain types the Azure port speaks (`port.ts`): what commands, cards and the job tracker see of Azure. Generated
 * SDK types never leave the Azure edge; the `translate-*.ts` files turn them into these.
 */

/** How a VM's disks are encrypted, as far as Azure Backup is concerned. */
export type EncryptionKind = 'PMK' | 'CMK' | 'ADE_BEK' | 'ADE_BEK_KEK';

export function isAde(kind: EncryptionKind): boolean {
  return kind === 'ADE_BEK' || kind === 'ADE_BEK_KEK';
}

/** The last segment of a resource id: the name people recognise (`…/vaults/rsv-prod` → `rsv-prod`). */
export function resourceName(id: string): string {
  return id.split('/').filter(Boolean).pop() ?? id;
}

/** A VM found by name; `id` is the ARM resource id. */
export interface VmRef {
  id: string;
  name: string;
  resourceGroup: string;
  subscriptionId: string;
  location: string;
}

export interface AdeSettings {
  /** Key Vault resource id holding the BEK secret. */
  secretVaultId: string;
  secretUrl: string;
  /** Present for BEK+KEK. */
  kekUrl?: string;
  kekVaultId?: string;
}

export interface DiskSummary {
  name: string;
  role: 'os' | 'data';
  managed: boolean;
  /** Disk encryption set id when the disk uses a customer-managed key. */
  diskEncryptionSetId?: string;
  ade?: AdeSettings;
}

export type AgentState = 'Ready' | 'NotReady' | 'Unknown';

export interface VmDetails extends VmRef {
  osType: 'Windows' | 'Linux';
  managedDisks: boolean;
  disks: DiskSummary[];
  encryption: EncryptionKind;
  /** ADE settings of the OS disk (or the first ADE disk), when `encryption` is ADE. */
  ade?: AdeSettings;
  agent: { state: AgentState; version?: string; message?: string };
  powerState?: string;
}

export interface AccessPolicyEntry {
  tenantId: string;
  objectId: string;
  keys: string[];
  secrets: string[];
  certificates: string[];
}

export interface KeyVaultInfo {
  id: string;
  name: string;
  resourceGroup: string;
  subscriptionId: string;
  location: string;
  tenantId: string;
  permissionModel: 'accessPolicy' | 'rbac';
  accessPolicies: AccessPolicyEntry[];
  enabledForDiskEncryption: boolean;
}

export interface RoleAssignmentInfo {
  id: string;
  name: string;
  scope: string;
  principalId: string;
  roleDefinitionId: string;
}

export interface RoleDefinitionInfo {
  id: string;
  roleName: string;
  actions: string[];
  dataActions: string[];
}

/** A Recovery Services vault from RECOVERY_VAULT_IDS. */
export interface RecoveryVaultInfo {
  id: string;
  name: string;
  resourceGroup: string;
  subscriptionId: string;
  location: string;
  /** `backupResourceStorageConfigsNonCRR.get(...).properties.crossRegionRestoreFlag`. */
  crossRegionRestore: boolean;
}

/** Where a VM's backups are: its vault, container and protected item, as Azure names them. */
export type ItemPlace = Pick<ProtectionInfo, 'vaultId' | 'containerName' | 'protectedItemName'>;

export interface ProtectionInfo {
  vaultId: string;
  containerName: string;
  protectedItemName: string;
  policyId?: string;
  policyName?: string;
  /** e.g. Protected, IRPending, ProtectionStopped, ProtectionError. */
  protectionState: string;
  healthStatus?: string;
  lastBackupStatus?: string;
  lastBackupTime?: Date;
  lastRecoveryPoint?: Date;
  /** Soft-deleted: the data is purged at `at` unless undeleted (`isScheduledForDeferredDelete`). */
  deferredDelete?: { at: Date };
}

export interface BackupStatus {
  protection: ProtectionInfo;
  points: RecoveryPointInfo[];
  /** The vault's running jobs (all VMs). */
  running: BackupJob[];
}

export type JobStatus = 'InProgress' | 'Completed' | 'Failed' | 'CompletedWithWarnings' | 'Cancelled' | 'Cancelling';

export interface JobError {
  /** The error code as Azure spells it (compare case-insensitively). */
  code: string;
  message: string;
  recommendations: string[];
}

export interface BackupJob {
  /** Job name (a GUID) — the id `jobs.get` takes. */
  jobId: string;
  vaultId: string;
  /** Backup, Restore, ConfigureBackup, CrossRegionRestore, ... */
  operation: string;
  status: JobStatus;
  /** The VM name Azure shows for the job. */
  entityFriendlyName: string;
  startTime: Date;
  endTime?: Date;
  durationMs?: number;
  /** Name of the task in progress (e.g. "Take Snapshot", "Transfer data to vault"). */
  currentTask?: string;
  progressPercentage?: number;
  errors: JobError[];
  /** Job-specific extra output (e.g. restore: `Config Blob Uri`, target storage account). */
  propertyBag?: Record<string, string>;
}

export interface BackupPolicyInfo {
  id: string;
  name: string;
  /** "Daily" | "Weekly" | "Hourly" */
  scheduleFrequency: string;
  /** Run times as ISO strings (none for hourly policies: their window is in `hourly`). */
  scheduleTimes: string[];
  /**
   * Enhanced (V2) hourly policies: every `intervalHours` within a window from `windowStart` (ISO) lasting
   * `windowHours`.
   */
  hourly?: { intervalHours: number; windowStart: string; windowHours: number };
  scheduleWeekdays?: string[];
  timeZone?: string;
  dailyRetentionDays?: number;
  weeklyRetentionWeeks?: number;
  monthlyRetentionMonths?: number;
  yearlyRetentionYears?: number;
  instantRpRetentionDays?: number;
  protectedItemsCount?: number;
}

export interface RecoveryPointInfo {
  id: string;
  name: string;
  time: Date;
  /**
   * As Azure writes it: AppConsistent (ApplicationConsistent in spec examples), CrashConsistent, FileSystemConsistent.
   */
  consistency: string;
  /** e.g. ["Snapshot", "Vault"] from recoveryPointTierDetails (InstantRP → Snapshot, HardenedRP → Vault). */
  tiers: string[];
  isSourceVmEncrypted: boolean;
  /** BEK/KEK captured with the point (ADE VMs). */
  keyAndSecret?: { secretUrl?: string; secretVaultId?: string; kekUrl?: string; kekVaultId?: string };
  /**
   * When the point expires (`recoveryPointProperties.expiryTime`), when Azure says: an immutable vault refuses to
   * delete
   * a point before then. Absent: kept by its policy (or forever, once protection stopped keeping the data).
   */
  expiry?: Date;
}

export type RestoreKind = 'RestoreDisks' | 'AlternateLocation' | 'OriginalLocation';

export interface RestoreRequest {
  vm: VmDetails;
  protection: ProtectionInfo;
  recoveryPoint: RecoveryPointInfo;
  kind: RestoreKind;
  /** Resource id of the target resource group. */
  targetResourceGroupId: string;
  /** Resource id of the staging storage account. */
  storageAccountId: string;
  /** Region the restore runs in: the vault's region, or the paired region for cross-region restore. */
  region: string;
  crossRegion: boolean;
  /** For AlternateLocation: new VM name, and target subnet id. */
  targetVmName?: string;
  targetSubnetId?: string;
}
