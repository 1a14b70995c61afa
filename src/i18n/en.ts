/**
 * English message catalog. Its shape is the `Messages` type every other language must fill in completely,
 * so a missing Japanese string is a compile error, not a blank in chat.
 *
 * A section named for a feature (`backup`, `approval`, `protect`, `restore`, `watch`, `check`, `job`, `help`) is read
 * by that feature only; a string two features show (a button, a fact's title, a refusal) lives in `common`, and the
 * vocabulary sections (`encryption`, `errors`, `advice`, `vmLookup`, `access`, `time`) serve everyone.
 */
import { adeEn } from './ade';
import { approvalEn } from './approval';
import { backupEn } from './backup';
import { lifecycleEn } from './lifecycle';
import { protectEn } from './protect';
import { restoreEn } from './restore';
import { watchEn } from './watch';

export const en = {
  backup: backupEn,
  approval: approvalEn,
  protect: protectEn,
  restore: restoreEn,
  watch: watchEn,
  ade: adeEn,
  lifecycle: lifecycleEn,
  common: {
    cancel: 'Cancel',
    none: 'none',
    unknown: 'unknown',
    simulatorNote:
      'Running on the embedded Azure simulator (no AZURE_SUBSCRIPTION_ID set): nothing here touches real Azure.',
    correlation: (id: string) => `Reference: ${id}`,
    /** A recovery point's consistency in words (Azure writes AppConsistent; spec examples ApplicationConsistent). */
    consistency: {
      AppConsistent: 'application-consistent',
      ApplicationConsistent: 'application-consistent',
      FileSystemConsistent: 'file-system-consistent',
      CrashConsistent: 'crash-consistent',
    } as Record<string, string>,
    never: 'never',
    /** Buttons that start a fix, on the check, backup, protect, job and alert cards alike. */
    buttons: {
      grant: 'Request Key Vault access',
      backup: 'Back up now',
      protect: 'Protect',
    },
    facts: {
      vm: 'VM',
      vault: 'Vault',
      encryption: 'Encryption',
    },
    cancelledTitle: 'Backup cancelled',
    /** A confirmation or request card clicked again, by someone else, too late, or after it was cancelled. */
    refused: {
      used: (who: string, when: string) =>
        `This was already started by ${who} at ${when}. Nothing was started a second time.`,
      cancelled: (who: string, when: string) => `This request was cancelled by ${who} at ${when}. Nothing was started.`,
      expired:
        'This card has expired (confirmations are valid for 15 minutes). Nothing was started: run the command again.',
      missing: 'This card is no longer valid. Nothing was started: run the command again.',
      failed: (code: string) => `This could not be started (${code}). Run the command again.`,
    },
    interrupted: (vm: string, who: string) =>
      `⚠️ The request for **${vm}** confirmed by ${who} was interrupted by a restart before it reached Azure: nothing was started. Run the command again.`,
    /** A job's operation and status as Azure names them, in words (job card, `status`, `jobs`). */
    operation: {
      Backup: 'Backup',
      Restore: 'Restore',
      ConfigureBackup: 'Enable protection',
      CrossRegionRestore: 'Cross-region restore',
      ...lifecycleEn.jobOperation,
    } as Record<string, string>,
    jobStatus: {
      InProgress: '⏳ In progress',
      Completed: '✅ Completed',
      CompletedWithWarnings: '⚠️ Completed with warnings',
      Failed: '❌ Failed',
      Cancelled: '🚫 Cancelled',
      Cancelling: '🚫 Cancelling',
    } as Record<string, string>,
    duration: (ms: number) => {
      const min = Math.round(ms / 60000);
      return min < 1
        ? `${Math.max(1, Math.round(ms / 1000))} s`
        : min < 120
          ? `${min} min`
          : `${Math.floor(min / 60)} h ${min % 60} min`;
    },
  },
  help: {
    title: 'Azure Backup for encrypted VMs',
    intro: 'Mention me in a channel, or message me directly. Commands:',
    operatorsOnly: 'operators only',
    approversOnly: 'approvers only',
    roles: (operators: string, approvers: string) => `Operators: ${operators}. Approvers: ${approvers}.`,
    everyone: 'everyone (simulator mode)',
    nobodyConfigured: 'nobody (set it in configuration)',
    count: (n: number) => `${n} configured`,
  },
  unknown: {
    text: (input: string) => `I didn't understand "${input}".`,
    closest: (usage: string) => `Did you mean **${usage}**? Type **help** for everything I can do.`,
    noClosest: 'Type **help** for everything I can do.',
    empty: 'Hi! Type **help** to see what I can do.',
  },
  commands: {
    help: { usage: 'help', description: 'List the commands.' },
    check: {
      usage: 'check <vm>',
      description: 'Preflight: encryption, Key Vault access for Azure Backup, VM agent, protection and ADE limits.',
    },
  },
  access: {
    operatorsOnly:
      'Sorry, only backup operators may do that. Operators are the people listed in BACKUP_OPERATOR_IDS: ask one of them, or your bot admin to add you.',
    approversOnly: 'Sorry, only approvers may do that. Approvers are the people listed in BACKUP_APPROVER_IDS.',
    unknownAction: 'This card is from an older version of the bot and no longer works. Run the command again.',
    malformedAction: "This card's data is not valid. Run the command again to get a fresh card.",
  },
  vmLookup: {
    chosen: (vm: string) => `Working on ${vm}…`,
    notFound: (name: string) =>
      `I found no VM named **${name}** in the subscription. Check the name, or use **resourceGroup/vmName**.`,
    choose: (name: string, n: number) => `${n} VMs are named **${name}**. Which one?`,
    invalidName: (name: string) =>
      `"${name}" is not a valid VM name (1–64 letters, digits, '-', '_' or '.'; optionally **resourceGroup/vmName**).`,
    missingName: (usage: string) => `Which VM? Usage: **${usage}**`,
  },
  encryption: {
    PMK: 'Platform-managed keys (SSE)',
    CMK: 'Customer-managed keys (SSE with a disk encryption set)',
    ADE_BEK: 'Azure Disk Encryption, BEK only (secret in Key Vault)',
    ADE_BEK_KEK: 'Azure Disk Encryption, BEK + KEK (secret wrapped by a key)',
  },
  check: {
    title: (vm: string) => `Preflight for ${vm}`,
    vm: 'VM',
    encryption: 'Encryption',
    disks: 'Disks',
    managed: (n: number) => `${n} managed disk${n === 1 ? '' : 's'}`,
    unmanaged: (n: number) => `${n} unmanaged disk${n === 1 ? '' : 's'} (VHD)`,
    keyVault: 'Key Vault',
    permissionModel: { accessPolicy: 'access policies', rbac: 'Azure RBAC' },
    backupAccess: 'Backup access',
    accessGranted: (via: string) => `✅ Backup Management Service can read the keys (${via})`,
    accessMissing: (missing: string) => `❌ Backup Management Service is missing: ${missing}`,
    accessUnknown: (code: string) => `⚠️ Could not read the vault (${code})`,
    viaPolicy: 'access policy',
    agent: 'VM agent',
    agentState: { Ready: '✅ Ready', NotReady: '❌ Not ready', Unknown: '⚠️ Unknown' },
    protection: 'Protection',
    protectedIn: (vault: string, policy: string) => `✅ Protected in ${vault} with ${policy}`,
    notProtected: '❌ Not protected',
    lastBackup: 'Last backup',
    lastBackupValue: (status: string, when: string) => `${status}, ${when}`,
    limitsTitle: 'Limits for ADE-encrypted VMs',
    limits: [
      'Restore disks or create a new VM only — no "replace existing".',
      'No file/folder restore: restore the disks and attach them to another VM instead.',
      'Backup and restore within the same subscription only.',
      'Cross-region restore only to the paired region.',
      'The BEK/KEK must exist in Key Vault before a VM is built from restored disks.',
    ],
    allGood: '✅ Ready for backup: nothing to fix.',
    problemsTitle: 'To fix',
    problems: {
      KeyVaultAccessMissing: (vault: string) =>
        `Azure Backup cannot read Key Vault **${vault}**: backups would fail with UserErrorKeyVaultPermissionsNotConfigured. Request access (an approver must approve).`,
      KeyVaultUnreadable: (vault: string, code: string) =>
        `I could not read Key Vault **${vault}** (${code}) to verify Azure Backup's access. Give the bot's identity Reader on the vault.`,
      AgentNotReady:
        'The VM agent is not ready: backup installs its extension through it. Start the VM and check the agent (Windows: "RdAgent"/"WindowsAzureGuestAgent" services; Linux: waagent).',
      NotProtected: 'The VM is not protected yet: run **protect <vm>** to enable backup.',
      ProtectionUnhealthy: (state: string) =>
        `Protection is in state **${state}**: check the vault for the last error.`,
    },
  },
  errors: {
    generic: 'Something went wrong on my side. Please try again; if it keeps happening, tell your bot admin.',
    azure: (code: string, advice: string) => `Azure answered **${code}**. ${advice}`,
    azureAdvice: {
      AuthorizationFailed:
        "The bot's identity lacks the Azure role for this: give it the role named in the README (Reader for checks, Backup Operator for backups).",
      ResourceNotFound: 'The resource no longer exists or the bot cannot see it.',
      ResourceGroupNotFound: 'The resource group does not exist in this subscription.',
      TooManyRequests: 'Azure is throttling requests. Wait a minute and try again.',
      AzureUnreachable: 'Azure could not be reached in time. Try again in a minute.',
      InvalidInput: 'Check the name and try again.',
      ProtectableItemNotFound:
        "Azure Backup cannot discover this VM in the vault, even after refreshing. Check that the VM is in the vault's subscription and region and is running.",
      OperationTimedOut:
        "Azure accepted the request but did not finish it in time. Check the vault's jobs before trying again.",
      UserErrorOriginalLocationRestoreNotSupportedForEncryptedVm:
        '"Replace existing" is not supported for ADE-encrypted VMs: restore the disks or create a new VM.',
      UserErrorCrossSubscriptionRestoreNotSupported:
        'Restores of ADE-encrypted VMs must stay in the same subscription.',
      RecoveryPointKeysMissing:
        "The recovery point is ADE-encrypted but carries no key details (BEK/KEK), so it was not restored: the VM's current keys may not be the ones it needs. Pick another point, or restore it from the portal with the keys.",
      default: 'Try again in a few minutes; if it keeps failing, quote the request id to your Azure admin.',
    } as Record<string, string>,
    requestId: (id: string) => `Azure request id: ${id}`,
  },
  job: {
    title: (operation: string, vm: string) => `${operation} · ${vm}`,
    starting: '⏳ Starting…',
    currentTask: (task: string) => `current step: ${task}`,
    stepAt: (task: string, time: string) => `step at ${time}: ${task}`,
    vm: 'VM',
    vault: 'Vault',
    started: 'Started',
    duration: 'Duration',
    startedBy: 'Started by',
    jobId: 'Job id',
    retainUntil: 'Keep until',
    final: {
      Completed: (op: string, vm: string, took: string) => `✅ ${op} of **${vm}** completed in ${took}.`,
      CompletedWithWarnings: (op: string, vm: string, took: string) =>
        `⚠️ ${op} of **${vm}** completed with warnings in ${took}. See the job card for details.`,
      Failed: (op: string, vm: string, code: string) =>
        `❌ ${op} of **${vm}** failed with **${code}**. The job card above says what to do.`,
      Cancelled: (op: string, vm: string) => `🚫 ${op} of **${vm}** was cancelled.`,
    },
    nextStepsTitle: 'Next steps',
  },
  /**
   * Azure Backup error codes → what happened and what to do (keys are lower-case: Azure spells some codes two ways).
   */
  advice: {
    userErrorKeyVaultPermissionsNotConfigured: {
      meaning: "Azure Backup cannot read the Key Vault that holds this VM's disk encryption keys.",
      next: 'Grant the Backup Management Service access to the Key Vault (keys and secrets get, list, backup; or Key Vault Administrator on RBAC vaults), then back up again.',
    },
    userErrorEncryptedVmNotSupportedWithDiskEx: {
      meaning: 'Disk exclusion is not supported for encrypted VMs.',
      next: 'Back up all disks: remove the disk exclusion from the protection settings, then back up again.',
    },
    diskEncryptionInternalError: {
      meaning: 'The key or secret this restore needs is missing from the Key Vault.',
      next: "Restore the KEK and BEK into the Key Vault first (from the restore job's key/secret output), then restore or create the VM again.",
    },
    bcmProtGetSaSUriAsyncError: {
      meaning: 'The Recovery Services vault cannot use the customer-managed key of the disk encryption set.',
      next: "Give the vault's managed identity access to the key (get, wrapKey, unwrapKey) in the Key Vault behind the disk encryption set.",
    },
    extensionSnapshotBitlockerError: {
      meaning: 'The snapshot failed: a drive is locked by BitLocker, or the Volume Shadow Copy service had a problem.',
      next: 'Unlock all BitLocker drives in the VM and check that the VSS service is running, then back up again.',
    },
    userErrorGuestAgentStatusUnavailable: {
      meaning: 'The VM agent is not reachable, so Backup cannot run its extension.',
      next: 'Start the VM and make sure the VM agent is installed and running (Windows: WindowsAzureGuestAgent service; Linux: waagent), then back up again.',
    },
    default: {
      meaning: 'Azure Backup reported an error.',
      next: 'Open the job in the Recovery Services vault for details; fix what it says, then try again.',
    },
  } as Record<string, { meaning: string; next: string }>,
  time: {
    ago: (minutes: number) =>
      minutes < 1
        ? 'just now'
        : minutes < 60
          ? `${minutes} min ago`
          : minutes < 48 * 60
            ? `${Math.round(minutes / 60)} h ago`
            : `${Math.round(minutes / 1440)} days ago`,
  },
};

export type Messages = typeof en;
