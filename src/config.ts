/**
 * Configuration, parsed once at start-up. This is the only file that reads `process.env`.
 * A bad value stops start-up with one sentence naming the variable and what is expected (`ConfigError`).
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { GUID } from './core/validate';

export class ConfigError extends Error {
  constructor(variable: string, expected: string, got?: string) {
    super(`${variable} ${expected}${got === undefined ? '' : ` (got "${got.slice(0, 80)}")`}.`);
    this.name = 'ConfigError';
  }
}

export interface Config {
  port: number;
  /** Bot Framework identity; empty appId = unauthenticated local mode (Emulator, Agents Playground). */
  bot: {
    appId: string;
    appPassword: string;
    appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
    tenantId: string;
  };
  /** `undefined` = run against the embedded Azure simulator. */
  subscriptionId?: string;
  armEndpoint: string;
  /** Recovery Services vault resource ids; in simulator mode, empty means "the simulator's vaults". */
  recoveryVaultIds: string[];
  operatorIds: string[];
  approverIds: string[];
  backupManagementObjectId?: string;
  /** Custom role definition id to grant on RBAC Key Vaults instead of Key Vault Administrator. */
  keyVaultBackupRoleId?: string;
  statePath: string;
  /** Set = state in this Azure Storage account (shared by every instance) instead of SQLite. Secret: never log it. */
  stateBlobConnectionString?: string;
  stateBlobContainer: string;
  /** This process, as vault leases name it: unique per process, prefixed with App Service's WEBSITE_INSTANCE_ID. */
  instanceId: string;
  jobPollIntervalMs: number;
  approvalTtlMs: number;
  /**
   * Critical operations that need an approver other than the requester (APPROVAL_REQUIRED_FOR); the others are
   * confirmed on a card by the requester. Deleting backup data and Key Vault grants always need one, whatever this
   * says.
   */
  approvalRequiredFor: readonly ApprovalOperation[];
  /** Where the embedded simulator listens (0 = any free loopback port). */
  simulatorPort: number;
  /** Seconds a simulated backup job takes (45 = the demo's 15 s snapshot + 30 s transfer); other jobs scale alike. */
  simulatorJobSeconds: number;
}

/** What APPROVAL_REQUIRED_FOR may name: `policy-change` is a move to a policy that keeps points for less time. */
export const APPROVAL_OPERATIONS = ['delete-data', 'stop', 'policy-change', 'undelete', 'resume'] as const;
export type ApprovalOperation = (typeof APPROVAL_OPERATIONS)[number];
const DEFAULT_APPROVAL_REQUIRED_FOR: readonly ApprovalOperation[] = [
  'delete-data',
  'stop',
  'policy-change',
  'undelete',
];

const CONTAINER = /^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$/;
const VAULT_ID =
  /^\/subscriptions\/[0-9a-f-]{36}\/resourceGroups\/[-\w._()]{1,90}\/providers\/Microsoft\.RecoveryServices\/vaults\/[a-zA-Z][-a-zA-Z0-9]{1,49}$/i;

type Env = Record<string, string | undefined>;

function text(env: Env, name: string): string {
  return (env[name] ?? '').trim();
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = text(env, name);
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new ConfigError(name, `must be a whole number from ${min} to ${max}`, raw);
  return n;
}

function list(env: Env, name: string, pattern: RegExp, expected: string): string[] {
  const items = text(env, name)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const item of items)
    if (!pattern.test(item)) throw new ConfigError(name, `must be a comma-separated list of ${expected}`, item);
  return items;
}

function optionalGuid(env: Env, name: string): string | undefined {
  const raw = text(env, name);
  if (raw && !GUID.test(raw)) throw new ConfigError(name, 'must be a GUID', raw);
  return raw || undefined;
}

function url(env: Env, name: string, fallback: string): string {
  const raw = text(env, name) || fallback;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, 'must be an https:// URL', raw);
  }
  if (parsed.protocol !== 'https:')
    throw new ConfigError(name, 'must be an https:// URL (Azure SDK bearer authentication refuses http)', raw);
  return raw.replace(/\/+$/, '');
}

/** A comma-separated list of APPROVAL_OPERATIONS; empty = the default, `none` = only what always needs an approver. */
function approvalOperations(env: Env, name: string): readonly ApprovalOperation[] {
  const raw = text(env, name);
  if (!raw) return DEFAULT_APPROVAL_REQUIRED_FOR;
  const items = raw
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  if (items.length === 1 && items[0] === 'none') return ['delete-data'];
  const expected = `must be "none" or a comma-separated list of ${APPROVAL_OPERATIONS.join(', ')}`;
  for (const item of items)
    if (!(APPROVAL_OPERATIONS as readonly string[]).includes(item)) throw new ConfigError(name, expected, item);
  return Object.freeze([...new Set<ApprovalOperation>(['delete-data', ...(items as ApprovalOperation[])])]);
}

/** Reads `.env` from the working directory into the environment, when there is one (Node's own parser). */
export function loadDotEnv(file = '.env'): void {
  try {
    process.loadEnvFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new ConfigError(file, 'could not be read', String((error as Error).message));
  }
}

export function loadConfig(env: Env = process.env, cwd = process.cwd()): Readonly<Config> {
  const appType = text(env, 'MicrosoftAppType') || 'MultiTenant';
  if (!['MultiTenant', 'SingleTenant', 'UserAssignedMSI'].includes(appType)) {
    throw new ConfigError('MicrosoftAppType', 'must be MultiTenant, SingleTenant or UserAssignedMSI', appType);
  }
  const appId = text(env, 'MicrosoftAppId');
  if (appId && !GUID.test(appId))
    throw new ConfigError('MicrosoftAppId', "must be the bot registration's application (client) id, a GUID", appId);
  const tenantId = text(env, 'MicrosoftAppTenantId');
  if (appType !== 'MultiTenant' && appId && !GUID.test(tenantId)) {
    throw new ConfigError(
      'MicrosoftAppTenantId',
      `must be your tenant id (a GUID) when MicrosoftAppType is ${appType}`,
      tenantId,
    );
  }
  if (appType !== 'UserAssignedMSI' && appId && !text(env, 'MicrosoftAppPassword')) {
    throw new ConfigError(
      'MicrosoftAppPassword',
      "must be set when MicrosoftAppId is set (the bot registration's client secret)",
    );
  }
  const subscriptionId = optionalGuid(env, 'AZURE_SUBSCRIPTION_ID');
  const recoveryVaultIds = list(
    env,
    'RECOVERY_VAULT_IDS',
    VAULT_ID,
    'Recovery Services vault resource ids (/subscriptions/…/resourceGroups/…/providers/Microsoft.RecoveryServices/vaults/…)',
  );
  if (subscriptionId && recoveryVaultIds.length === 0) {
    throw new ConfigError(
      'RECOVERY_VAULT_IDS',
      'must list at least one Recovery Services vault resource id when AZURE_SUBSCRIPTION_ID is set',
    );
  }
  const backupManagementObjectId = optionalGuid(env, 'BACKUP_MANAGEMENT_SERVICE_OBJECT_ID');
  if (subscriptionId && !backupManagementObjectId) {
    throw new ConfigError(
      'BACKUP_MANAGEMENT_SERVICE_OBJECT_ID',
      'must be the object id of the "Backup Management Service" service principal in your tenant (az ad sp show --id 262044b1-e2ce-469f-a196-69ab7ada62d3 --query id)',
    );
  }
  const statePath = text(env, 'STATE_PATH') || path.join(cwd, 'data', 'state.sqlite');
  const stateBlobConnectionString = text(env, 'STATE_BLOB_CONNECTION_STRING') || undefined;
  // The value is a secret: the error names the variable but never echoes it.
  if (
    stateBlobConnectionString &&
    !/(^|;)\s*(AccountName|BlobEndpoint)=|^UseDevelopmentStorage=true/i.test(stateBlobConnectionString)
  ) {
    throw new ConfigError(
      'STATE_BLOB_CONNECTION_STRING',
      'must be a storage account connection string (DefaultEndpointsProtocol=https;AccountName=…;AccountKey=…, or BlobEndpoint=…;SharedAccessSignature=…)',
    );
  }
  const stateBlobContainer = text(env, 'STATE_BLOB_CONTAINER') || 'botstate';
  if (!CONTAINER.test(stateBlobContainer))
    throw new ConfigError(
      'STATE_BLOB_CONTAINER',
      'must be a blob container name: 3–63 lowercase letters, digits and single hyphens',
      stateBlobContainer,
    );
  // Not WEBSITE_INSTANCE_ID alone: a restart overlaps the old process on the same App Service instance.
  const websiteInstance = text(env, 'WEBSITE_INSTANCE_ID').slice(0, 12);
  return Object.freeze({
    port: int(env, 'PORT', 3978, 0, 65535),
    bot: Object.freeze({
      appId,
      appPassword: text(env, 'MicrosoftAppPassword'),
      appType: appType as Config['bot']['appType'],
      tenantId,
    }),
    subscriptionId,
    armEndpoint: url(env, 'AZURE_RESOURCE_MANAGER_ENDPOINT', 'https://management.azure.com'),
    recoveryVaultIds,
    operatorIds: list(env, 'BACKUP_OPERATOR_IDS', GUID, 'Entra object ids (GUIDs)'),
    approverIds: list(env, 'BACKUP_APPROVER_IDS', GUID, 'Entra object ids (GUIDs)'),
    backupManagementObjectId,
    keyVaultBackupRoleId: optionalGuid(env, 'KEY_VAULT_BACKUP_ROLE_ID'),
    statePath: path.resolve(cwd, statePath),
    stateBlobConnectionString,
    stateBlobContainer,
    instanceId: `${websiteInstance ? `${websiteInstance}-` : ''}${randomUUID().slice(0, 8)}`,
    jobPollIntervalMs: int(env, 'JOB_POLL_INTERVAL_SECONDS', 30, 1, 3600) * 1000,
    approvalTtlMs: int(env, 'APPROVAL_TTL_HOURS', 24, 1, 24 * 14) * 3600_000,
    approvalRequiredFor: approvalOperations(env, 'APPROVAL_REQUIRED_FOR'),
    simulatorPort: int(env, 'SIMULATOR_PORT', 0, 0, 65535),
    simulatorJobSeconds: int(env, 'SIMULATOR_JOB_SECONDS', 45, 1, 3600),
  });
}
