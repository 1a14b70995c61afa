/**
 * The Azure port: everything the bot needs from Azure, named for what the bot does with it.
 *
 * Implemented once with the official SDK clients (`sdk-port.ts`). Generated SDK types never leave the Azure edge;
 * these plain types are what commands, cards and the job tracker see. Every method documents the Azure RBAC
 * permission the bot's own identity needs, so the README's least-privilege table can be checked against it.
 *
 * Errors: every method throws `AzureError` (see `errors.ts`) with the ARM error `code`, HTTP `statusCode` and the
 * `x-ms-request-id`, never a raw `RestError`.
 */

import type { SoftDeletedItem, VaultGuards } from './lifecycle';
import type { FleetPort } from './fleet';

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
  /** Enhanced (V2) hourly policies: every `intervalHours` within a window from `windowStart` (ISO) lasting `windowHours`. */
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
  /** As Azure writes it: AppConsistent (ApplicationConsistent in spec examples), CrashConsistent, FileSystemConsistent. */
  consistency: string;
  /** e.g. ["Snapshot", "Vault"] from recoveryPointTierDetails (InstantRP → Snapshot, HardenedRP → Vault). */
  tiers: string[];
  isSourceVmEncrypted: boolean;
  /** BEK/KEK captured with the point (ADE VMs). */
  keyAndSecret?: { secretUrl?: string; secretVaultId?: string; kekUrl?: string; kekVaultId?: string };
  /**
   * When the point expires (`recoveryPointProperties.expiryTime`), when Azure says: an immutable vault refuses to delete
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

/**
 * What the bot asks of Azure. Subscription comes from configuration; vault ids from RECOVERY_VAULT_IDS.
 */
export interface AzurePort extends FleetPort {
  /**
   * VMs named `name` (case-insensitive) in the subscription; with `resourceGroup`, only there.
   * Needs `Microsoft.Compute/virtualMachines/read` (Reader).
   */
  findVms(name: string, resourceGroup?: string): Promise<VmRef[]>;

  /** Every VM in the subscription (one paged list). Needs `Microsoft.Compute/virtualMachines/read` (Reader). */
  listVms(): Promise<VmRef[]>;

  /**
   * The VM with its disks, encryption kind and agent state (model + instance view + managed disks).
   * Needs `Microsoft.Compute/virtualMachines/read`, `Microsoft.Compute/disks/read`.
   */
  getVm(vm: VmRef): Promise<VmDetails>;

  /** Needs `Microsoft.KeyVault/vaults/read`. */
  getKeyVault(keyVaultId: string): Promise<KeyVaultInfo>;

  /** Key Vaults named `name` in the subscription (case-insensitive). Needs `Microsoft.KeyVault/vaults/read`. */
  findKeyVaults(name: string): Promise<KeyVaultInfo[]>;

  /** Role assignments for `principalId` that apply at `scope` (inherited ones included). Needs `Microsoft.Authorization/roleAssignments/read`. */
  listRoleAssignments(scope: string, principalId: string): Promise<RoleAssignmentInfo[]>;

  /** Needs `Microsoft.Authorization/roleDefinitions/read`. */
  getRoleDefinition(roleDefinitionId: string): Promise<RoleDefinitionInfo>;

  /**
   * Adds (merges) an access policy with the access-policy `add` operation; never rewrites the vault.
   * Needs `Microsoft.KeyVault/vaults/accessPolicies/write`. Returns the vault as read back afterwards.
   */
  addAccessPolicy(keyVaultId: string, entry: AccessPolicyEntry): Promise<{ vault: KeyVaultInfo; requestId?: string }>;

  /**
   * Creates a role assignment with a new GUID name. Needs `Microsoft.Authorization/roleAssignments/write`
   * (User Access Administrator or RBAC Administrator on the vault).
   */
  createRoleAssignment(scope: string, roleDefinitionId: string, principalId: string): Promise<{ assignment: RoleAssignmentInfo; requestId?: string }>;

  /** Needs `Microsoft.RecoveryServices/vaults/read`. */
  getRecoveryVault(vaultId: string): Promise<RecoveryVaultInfo>;

  /**
   * Whether and where the VM is protected (`backupStatus.get` in the VM's region, then `protectedItems.get`).
   * `undefined` when not protected. Needs `Microsoft.RecoveryServices/locations/backupStatus/action` and
   * `.../protectedItems/read` (Backup Reader).
   */
  getProtection(vm: VmRef): Promise<ProtectionInfo | undefined>;

  /**
   * What `status` shows, in one go: the VM's protection, its recovery points (newest first) and the vault's jobs
   * started since `since` that are still running. When where the VM is protected is remembered (see getProtection),
   * the three reads go out at once. `undefined` when not protected. Needs what getProtection, listRecoveryPoints and
   * listJobs need.
   */
  getBackupStatus(vm: VmRef, since: Date): Promise<BackupStatus | undefined>;

  /** IaaS VM policies of a vault. Needs `.../backupPolicies/read`. */
  listPolicies(vaultId: string): Promise<BackupPolicyInfo[]>;

  /**
   * Enables protection the way the portal does: refresh containers if the VM is not discoverable, find the
   * protectable item, create the protected item. Returns the ConfigureBackup job id when Azure reports one.
   * Needs Backup Contributor on the vault and `Microsoft.Compute/virtualMachines/write` on the VM (Virtual Machine Contributor).
   */
  enableProtection(vm: VmRef, vaultId: string, policyId: string): Promise<{ jobId?: string }>;

  /**
   * Backup now (`backups.trigger`, then the operation status for the job id).
   * Needs `.../protectedItems/backup/action` (Backup Operator).
   */
  triggerBackup(protection: ProtectionInfo, vm: VmRef, expiry: Date): Promise<{ jobId: string; requestId?: string }>;

  /** Jobs of a vault that started at or after `since` (one list call, paged). Needs `.../backupJobs/read`. */
  listJobs(vaultId: string, since: Date): Promise<BackupJob[]>;

  /** One job with its tasks and errors (`jobDetails.get`). Needs `.../backupJobs/read`. */
  getJob(vaultId: string, jobId: string): Promise<BackupJob>;

  /** Newest first. Needs `.../recoveryPoints/read`. */
  listRecoveryPoints(protection: ItemPlace): Promise<RecoveryPointInfo[]>;

  /**
   * One recovery point, read on its own (as azure-cli does before a restore): an ADE point's BEK/KEK (`keyAndSecret`)
   * come from here. `undefined` when the point is gone. Needs `.../recoveryPoints/read`.
   */
  getRecoveryPoint(protection: ItemPlace, name: string): Promise<RecoveryPointInfo | undefined>;

  /** Starts a restore; returns the job id. Needs `.../recoveryPoints/restore/action` (Backup Operator) and write on the target RG/storage. */
  triggerRestore(request: RestoreRequest): Promise<{ jobId: string; requestId?: string }>;

  /**
   * The vault's soft-delete, immutability and Resource Guard settings (`vaults.get` and
   * `resourceGuardProxies.list`). Needs `Microsoft.RecoveryServices/vaults/read` and
   * `.../backupResourceGuardProxies/read` (Backup Reader).
   */
  getVaultGuards(vaultId: string): Promise<VaultGuards>;

  /**
   * Stops protection and keeps every recovery point (`protectionState: ProtectionStopped`, no policy); returns the
   * DisableBackup job. `guardRequest`: the Resource Guard request when the guard protects this operation. Needs
   * `.../protectedItems/write` (Backup Operator), and with a guard the Backup MUA Operator role on it.
   */
  stopProtection(protection: ItemPlace, vm: VmRef, guardRequest?: string): Promise<{ jobId?: string }>;

  /**
   * Stops protection and deletes the backup data (DELETE of the item; the vault's soft delete then keeps it for its
   * retention). With a guard, the delete is unlocked first (`unlockDelete`), as azure-cli does. Returns the
   * DeleteBackupData job. Needs `.../protectedItems/delete` (Backup Contributor), and with a guard Backup MUA Operator.
   */
  deleteBackupData(protection: ItemPlace, guardRequest?: string): Promise<{ jobId?: string }>;

  /** Protects a stopped item again with `policyId`; returns the ConfigureBackup job. Needs `.../protectedItems/write`. */
  resumeProtection(protection: ItemPlace, vm: VmRef, policyId: string): Promise<{ jobId?: string }>;

  /** Brings a soft-deleted item back as stopped-with-data (`isRehydrate`); returns the Undelete job. Same permission. */
  undelete(protection: ItemPlace, vm: VmRef): Promise<{ jobId?: string }>;

  /** The vault's soft-deleted VM items, soonest purge first. Needs `.../protectedItems/read` (Backup Reader). */
  listSoftDeleted(vaultId: string): Promise<SoftDeletedItem[]>;
}
