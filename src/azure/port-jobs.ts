/** Jobs, recovery points and restores (@azure/arm-recoveryservicesbackup). */
import type { EncryptionDetails, IaasVMRestoreRequest } from '@azure/arm-recoveryservicesbackup';
import { AzureError, CodedError } from '../errors';
import { all, type PortContext } from './context';
import { pollForJobId, ResponseCapture } from './operations';
import type { AzurePort, BackupJob, ItemPlace, JobStatus, RecoveryPointInfo, RestoreRequest } from './port';
import { call } from './to-azure-error';
import { toBackupJob, toRecoveryPoint } from './translate-backup';
import {
  assertBackupName,
  assertGuid,
  assertName,
  assertRecoveryPointId,
  assertRegion,
  parseResourceId,
  vaultRef,
} from './validate';

type JobMethods = 'listJobs' | 'getJob' | 'listRecoveryPoints' | 'getRecoveryPoint' | 'triggerRestore';

const FABRIC = 'Azure';

/** The jobs `$filter` time format (ListJobsWithAllSupportedFilters.json): UTC `yyyy-MM-dd hh:mm:ss AM`. */
export function filterTime(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  const h = d.getUTCHours();
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(h12)}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`;
}

/**
 * The keys an encrypted point needs come from the point itself (its `keyAndSecret`), never from the VM as it is now:
 * the VM's keys may have rotated since, or the VM may be gone.
 */
function encryptionDetails(req: RestoreRequest): EncryptionDetails {
  const point = req.recoveryPoint;
  if (!point.isSourceVmEncrypted) return { encryptionEnabled: false };
  const ks = point.keyAndSecret;
  if (!ks?.secretUrl || !ks.secretVaultId) {
    throw new CodedError(
      'RecoveryPointKeysMissing',
      `Recovery point ${point.name} is encrypted but carries no key details.`,
      { point: point.name },
    );
  }
  return {
    encryptionEnabled: true,
    ...(ks.kekUrl ? { kekUrl: ks.kekUrl } : {}),
    secretKeyUrl: ks.secretUrl,
    ...(ks.kekVaultId ? { kekVaultId: ks.kekVaultId } : {}),
    secretKeyVaultId: ks.secretVaultId,
  };
}

/** The IaasVMRestoreRequest body, shaped like the RestoreDisks / ALR examples. */
export function restoreBody(req: RestoreRequest): IaasVMRestoreRequest {
  const targetRg = /^\/subscriptions\/[^/]+\/resourceGroups\/([^/]+)$/i.exec(req.targetResourceGroupId.trim());
  if (!targetRg)
    throw new CodedError(
      'InvalidInput',
      `Invalid target resource group id: ${JSON.stringify(req.targetResourceGroupId)}`,
      { what: 'target resource group id' },
    );
  assertName(targetRg[1], 'target resource group');
  parseResourceId(req.storageAccountId, 'Microsoft.Storage/storageAccounts', 'storage account id');
  const body: IaasVMRestoreRequest = {
    objectType: 'IaasVMRestoreRequest',
    recoveryPointId: assertRecoveryPointId(req.recoveryPoint.name),
    recoveryType: req.kind,
    sourceResourceId: req.vm.id,
    storageAccountId: req.storageAccountId,
    region: assertRegion(req.region),
    createNewCloudService: false,
    originalStorageAccountOption: false,
    encryptionDetails: encryptionDetails(req),
  };
  if (req.kind !== 'OriginalLocation') body.targetResourceGroupId = req.targetResourceGroupId;
  if (req.kind === 'AlternateLocation') {
    const subnet =
      /^(\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Network\/virtualNetworks\/[^/]+)\/subnets\/[^/]+$/i.exec(
        req.targetSubnetId ?? '',
      );
    if (!subnet || !req.targetVmName)
      throw new CodedError('InvalidInput', 'A new VM needs a target VM name and subnet id.', { what: 'target VM' });
    body.targetVirtualMachineId = `${req.targetResourceGroupId}/providers/Microsoft.Compute/virtualMachines/${assertName(req.targetVmName, 'target VM name')}`;
    body.virtualNetworkId = subnet[1];
    body.subnetId = req.targetSubnetId;
  }
  return body;
}

/** A vault's jobs started since `since` (only those in `status`, when given: Azure filters them). */
export async function listVaultJobs(
  ctx: PortContext,
  vaultId: string,
  since: Date,
  status?: JobStatus,
): Promise<BackupJob[]> {
  const v = vaultRef(vaultId);
  const end = Math.ceil((ctx.clock.now() + 60_000) / 60_000) * 60_000;
  const filter =
    `startTime eq '${filterTime(Math.floor(since.getTime() / 1000) * 1000)}' and endTime eq '${filterTime(end)}'` +
    (status ? ` and status eq '${status}'` : '');
  // Page by page, each translated as it comes: a vault's whole list is never held as SDK objects at once.
  return call('backupJobs.list', async () => {
    const jobs: BackupJob[] = [];
    for await (const page of ctx.clients.backup.backupJobs.list(v.name, v.resourceGroup, { filter }).byPage())
      jobs.push(...page.map((j) => toBackupJob(vaultId, j)));
    return jobs;
  });
}

/** A protected item's recovery points, newest first. */
export async function listItemPoints(ctx: PortContext, protection: ItemPlace): Promise<RecoveryPointInfo[]> {
  const v = vaultRef(protection.vaultId);
  const container = assertBackupName(protection.containerName, 'container name');
  const item = assertBackupName(protection.protectedItemName, 'item name');
  const points = await call('recoveryPoints.list', () =>
    all(ctx.clients.backup.recoveryPoints.list(v.name, v.resourceGroup, FABRIC, container, item)),
  );
  return points
    .map(toRecoveryPoint)
    .filter((p) => p !== undefined)
    .sort((a, b) => b.time.getTime() - a.time.getTime());
}

export function jobsPort(ctx: PortContext): Pick<AzurePort, JobMethods> {
  const { backup } = ctx.clients;
  return {
    listJobs: (vaultId, since) => listVaultJobs(ctx, vaultId, since),

    async getJob(vaultId, jobId) {
      const v = vaultRef(vaultId);
      assertGuid(jobId, 'job id');
      return toBackupJob(
        vaultId,
        await call('jobDetails.get', () => backup.jobDetails.get(v.name, v.resourceGroup, jobId)),
      );
    },

    listRecoveryPoints: (protection) => listItemPoints(ctx, protection),

    async getRecoveryPoint(protection, name) {
      const v = vaultRef(protection.vaultId);
      const container = assertBackupName(protection.containerName, 'container name');
      const item = assertBackupName(protection.protectedItemName, 'item name');
      const point = await call('recoveryPoints.get', () =>
        backup.recoveryPoints.get(v.name, v.resourceGroup, FABRIC, container, item, assertRecoveryPointId(name)),
      ).catch((error: unknown) => {
        if ((error as { statusCode?: number }).statusCode === 404) return undefined;
        throw error;
      });
      return point && toRecoveryPoint(point);
    },

    async triggerRestore(req) {
      if (req.crossRegion) {
        throw new CodedError(
          'CrossRegionRestoreUnsupported',
          'Cross-region restore uses the secondary-region API, which this port does not implement.',
          { region: req.region },
        );
      }
      const v = vaultRef(req.protection.vaultId);
      const container = assertBackupName(req.protection.containerName, 'container name');
      const item = assertBackupName(req.protection.protectedItemName, 'item name');
      const body = restoreBody(req);
      const capture = new ResponseCapture();
      await call('restores.beginTrigger', () =>
        backup.restores.beginTrigger(
          v.name,
          v.resourceGroup,
          FABRIC,
          container,
          item,
          body.recoveryPointId as string,
          { properties: body },
          {
            onResponse: capture.onResponse,
            updateIntervalInMs: ctx.defaultPollMs,
          },
        ),
      ).catch((error: unknown) => {
        // beginTrigger polls Azure-AsyncOperation once before it returns. The restore was accepted when the trigger
        // answered 202; its job is then found through the vault's backupOperations, as azure-cli finds it (which
        // never polls that URL), so a failed first poll is not a failed restore.
        if (capture.firstStatus !== 202) throw error;
      });
      const jobId = await pollForJobId(ctx, v, capture.operationId('restores.beginTrigger'));
      if (!jobId)
        throw new AzureError(
          'OperationReturnedNoJob',
          'Restore was accepted but Azure reported no job.',
          202,
          'restores.beginTrigger',
          capture.requestId,
        );
      return { jobId, ...(capture.requestId ? { requestId: capture.requestId } : {}) };
    },
  };
}
