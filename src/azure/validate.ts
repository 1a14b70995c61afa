/**
 * Every name or id that goes into a request path or an OData `$filter` is checked here first, so user input can
 * never reshape a URL or a filter. Failures are `CodedError('InvalidInput')`.
 */
import { CodedError } from '../errors';
import { GUID } from '../core/validate';

/** Resource (and resource group) names: letters, digits, `-_.()`, 1–90 characters, not ending with a dot. */
const NAME = /^[A-Za-z0-9_()][A-Za-z0-9_.()-]{0,89}$/;
/** Backup container / item names such as `iaasvmcontainer;iaasvmcontainerv2;rg;vm`. */
const BACKUP_NAME = /^[A-Za-z0-9_.();-]{1,260}$/;
const RECOVERY_POINT = /^\d{1,32}$/;
const REGION = /^[a-z0-9]{2,40}$/i;

function invalid(what: string, value: unknown): CodedError {
  return new CodedError('InvalidInput', `Invalid ${what}: ${JSON.stringify(value)}`, { what });
}

export function assertGuid(value: string, what: string): string {
  if (!GUID.test(value)) throw invalid(what, value);
  return value;
}

export function assertName(value: string, what: string): string {
  if (!NAME.test(value) || value.endsWith('.')) throw invalid(what, value);
  return value;
}

export function assertBackupName(value: string, what: string): string {
  if (!BACKUP_NAME.test(value)) throw invalid(what, value);
  return value;
}

export function assertRecoveryPointId(value: string): string {
  if (!RECOVERY_POINT.test(value)) throw invalid('recovery point id', value);
  return value;
}

export function assertRegion(value: string): string {
  if (!REGION.test(value)) throw invalid('region', value);
  return value;
}

export interface ResourceId {
  id: string;
  subscriptionId: string;
  resourceGroup: string;
  /** e.g. `Microsoft.KeyVault/vaults`. */
  type: string;
  name: string;
}

/** Parses `/subscriptions/{guid}/resourceGroups/{rg}/providers/{ns}/{type}/{name}` of the expected type. */
export function parseResourceId(id: string, expectedType: string, what: string): ResourceId {
  const m = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/([^/]+\/[^/]+)\/([^/]+)$/i.exec(id.trim());
  if (!m || m[3].toLowerCase() !== expectedType.toLowerCase()) throw invalid(what, id);
  return {
    id: id.trim(),
    subscriptionId: assertGuid(m[1], `${what} subscription`),
    resourceGroup: assertName(m[2], `${what} resource group`),
    type: m[3],
    name: assertName(m[4], what),
  };
}

/** An ARM scope: subscription, resource group, or a resource (possibly nested), without a trailing slash. */
export function assertScope(scope: string): string {
  const s = scope.trim().replace(/\/+$/, '');
  const m = /^\/?subscriptions\/([^/]+)((?:\/[^/]+)*)$/i.exec(s);
  if (!m) throw invalid('scope', scope);
  assertGuid(m[1], 'scope subscription');
  for (const segment of m[2].split('/').filter(Boolean)) {
    if (!NAME.test(segment)) throw invalid('scope', scope);
  }
  return s.startsWith('/') ? s : `/${s}`;
}

/** `{scope}/providers/Microsoft.Authorization/roleDefinitions/{guid}`, or a bare GUID. */
export function parseRoleDefinitionId(value: string): { scope?: string; guid: string } {
  const v = value.trim();
  if (GUID.test(v)) return { guid: v };
  const m = /^(.*)\/providers\/Microsoft\.Authorization\/roleDefinitions\/([^/]+)$/i.exec(v);
  if (!m) throw invalid('role definition id', value);
  return { scope: m[1] ? assertScope(m[1]) : undefined, guid: assertGuid(m[2], 'role definition id') };
}

export function vaultRef(vaultId: string): ResourceId {
  return parseResourceId(vaultId, 'Microsoft.RecoveryServices/vaults', 'Recovery Services vault id');
}

/** The names in a Backup child resource id, each as the id spells it (Azure's `name` fields can differ from it). */
export interface BackupId {
  vaultId: string;
  container?: string;
  /** Protected or protectable item. */
  item?: string;
  recoveryPoint?: string;
  job?: string;
}

const BACKUP_ID = new RegExp(
  String.raw`^(/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\.RecoveryServices/vaults/[^/]+)` +
    String.raw`(?:/backupFabrics/[^/]+)?(?:/protectionContainers/([^/]+)(?:/(?:protectedItems|protectableItems)/([^/]+)` +
    String.raw`(?:/recoveryPoints/([^/]+))?)?|/backupJobs/([^/]+))?$`,
  'i',
);

/**
 * Parses a Backup id once, at the edge, into checked names: the container, item, recovery point and job names the bot
 * sends back to Azure are taken from ids, never from `name` fields (a protectable item's `name` lacks the `VM;` its id
 * has: Azure Backup's REST walkthrough, and azure-cli's enable_protection_for_vm, which takes the name from the id).
 */
export function parseBackupId(id: string | undefined, what: string): BackupId {
  const m = BACKUP_ID.exec((id ?? '').trim());
  if (!m) throw invalid(what, id);
  const [, vaultId, container, item, recoveryPoint, job] = m;
  vaultRef(vaultId);
  return {
    vaultId: vaultId,
    ...(container ? { container: assertBackupName(container, `${what} container`) } : {}),
    ...(item ? { item: assertBackupName(item, `${what} item`) } : {}),
    ...(recoveryPoint ? { recoveryPoint: assertRecoveryPointId(recoveryPoint) } : {}),
    ...(job ? { job: assertGuid(job, `${what} job`) } : {}),
  };
}
