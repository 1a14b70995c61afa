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
import type {
  AccessPolicyEntry,
  BackupJob,
  BackupPolicyInfo,
  BackupStatus,
  ItemPlace,
  KeyVaultInfo,
  ProtectionInfo,
  RecoveryPointInfo,
  RecoveryVaultInfo,
  RestoreRequest,
  RoleAssignmentInfo,
  RoleDefinitionInfo,
  VmDetails,
  VmRef,
} from './models';

/** The port's models live in `models.ts`; importers name them from here, with the port. */
export * from './models';

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

  /**
   * Role assignments for `principalId` that apply at `scope` (inherited ones included). Needs
   * `Microsoft.Authorization/roleAssignments/read`.
   */
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
  createRoleAssignment(
    scope: string,
    roleDefinitionId: string,
    principalId: string,
  ): Promise<{ assignment: RoleAssignmentInfo; requestId?: string }>;

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
   * Needs Backup Contributor on the vault and `Microsoft.Compute/virtualMachines/write` on the VM (Virtual Machine
   * Contributor).
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

  /**
   * Starts a restore; returns the job id. Needs `.../recoveryPoints/restore/action` (Backup Operator) and write on the
   * target RG/storage.
   */
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

  /**
   * Protects a stopped item again with `policyId`; returns the ConfigureBackup job. Needs `.../protectedItems/write`.
   */
  resumeProtection(protection: ItemPlace, vm: VmRef, policyId: string): Promise<{ jobId?: string }>;

  /**
   * Brings a soft-deleted item back as stopped-with-data (`isRehydrate`); returns the Undelete job. Same permission.
   */
  undelete(protection: ItemPlace, vm: VmRef): Promise<{ jobId?: string }>;

  /** The vault's soft-deleted VM items, soonest purge first. Needs `.../protectedItems/read` (Backup Reader). */
  listSoftDeleted(vaultId: string): Promise<SoftDeletedItem[]>;
}
