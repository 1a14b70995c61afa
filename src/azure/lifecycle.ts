/**
 * The rest of a VM's backup life cycle: stop protection (keeping or deleting the data), resume, undelete, and the
 * vault's own guards that decide what may be asked (soft delete, immutability, multi-user authorization).
 *
 * Request bodies as azure-cli sends them and its recordings show (CRITICAL-OPS-FACTS §1): stop = PUT of the item with
 * `policyId: ""` and `protectionState: "ProtectionStopped"`; delete = DELETE of the item; resume = PUT with a policy;
 * undelete = PUT with `isRehydrate: true`. None is a long-running operation in the SDK: the 202's operation is
 * followed at the vault's `backupOperations/{id}` for its job. The port's methods for them are in `port.ts`.
 */
/** Critical operations a Resource Guard can protect (`vaultCriticalOperation`, azure-cli custom_help.py). */
export const GUARDED_OPERATIONS = {
  deleteData: 'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems/delete',
  stopKeepData:
    'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems/write#stopProtectionWithRetainData',
  modifyProtection: 'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems/write',
  modifyPolicy: 'Microsoft.RecoveryServices/vaults/backupPolicies/write',
} as const;

export type GuardedOperation = keyof typeof GUARDED_OPERATIONS;

/** What a vault does to keep backups from being lost, read before any critical operation is offered. */
export interface VaultGuards {
  vaultId: string;
  /** `Enabled`, `Disabled` or `AlwaysON` (cannot be turned off); deleted data is kept `retentionDays` (14–180). */
  softDelete: { state: string; retentionDays: number };
  /** `Disabled`, `Unlocked` (enabled) or `Locked` (enabled, irreversibly). */
  immutability: string;
  /** The Resource Guard (multi-user authorization) the vault is mapped to, and the operations it protects. */
  resourceGuard?: { id: string; name: string; operations: { operation: string; request: string }[] };
}

/** A soft-deleted VM backup: restorable by `undelete` until `purgeAt`. Where it is, as an `ItemPlace` names it. */
export interface SoftDeletedItem {
  vaultId: string;
  containerName: string;
  protectedItemName: string;
  vmId: string;
  vmName: string;
  purgeAt: Date;
}

/** The Resource Guard request Azure's own clients send for `operation`, when the vault's guard protects it. */
export function guardRequestFor(guards: VaultGuards, operation: GuardedOperation): string | undefined {
  const wanted = GUARDED_OPERATIONS[operation].toLowerCase();
  return guards.resourceGuard?.operations.find((o) => o.operation.toLowerCase() === wanted)?.request;
}

/** Whether a protection is soft-deleted (its data purged at `deferredDelete.at` unless undeleted). */
export function isSoftDeleted(p: { deferredDelete?: { at: Date } }): boolean {
  return p.deferredDelete !== undefined;
}
