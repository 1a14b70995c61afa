/**
 * Backup's async operations: a write answers 202 with `Azure-AsyncOperation` (…/operationsStatus/{id}) and `Location`
 * (…/operationResults/{id}); the operation status eventually carries `properties.jobId`. We read the header from the
 * raw response, then poll through the SDK a bounded number of times, with the injected sleep.
 *
 * When: as azure-cli's track_backup_operation (backup module, custom_help.py) does, the first poll goes out at once and
 * later ones 5 s apart at most. Azure Backup's 202s say `Retry-After: 60` (TriggerBackup_Post.json, and the CLI's
 * recordings), but a job usually has its id within seconds, and a user waits in chat for its card: a shorter
 * Retry-After (or the default when there is none) is honoured.
 */
import { AzureError } from '../errors';
import type { PortContext } from './context';
import { call } from './to-azure-error';
import type { ResourceId } from './validate';

export interface RawResponseLike {
  status?: number;
  headers: { get(name: string): string | undefined };
}

/** Remembers the first async-operation links and `x-ms-request-id` seen, and the latest status / Retry-After. */
export class ResponseCapture {
  asyncOperation?: string;
  location?: string;
  requestId?: string;
  /** The first response's status (the write's own answer, e.g. 202), and the latest one's. */
  firstStatus?: number;
  status?: number;
  retryAfterMs?: number;

  readonly onResponse = (raw: RawResponseLike): void => {
    this.asyncOperation ??= raw.headers.get('azure-asyncoperation') ?? undefined;
    this.location ??= raw.headers.get('location') ?? undefined;
    this.requestId ??= raw.headers.get('x-ms-request-id') ?? undefined;
    this.firstStatus ??= raw.status;
    this.status = raw.status;
    const after = Number(raw.headers.get('retry-after'));
    this.retryAfterMs =
      raw.headers.get('retry-after') !== undefined && Number.isFinite(after) ? after * 1000 : undefined;
  };

  /** The `{id}` at the end of the Azure-AsyncOperation (else Location) URL. */
  operationId(operation: string): string {
    const url = this.asyncOperation ?? this.location;
    const id = url?.split('?')[0]?.split('/').filter(Boolean).pop();
    if (!id || !/^[0-9a-zA-Z-]{1,64}$/.test(id)) {
      throw new AzureError(
        'AsyncOperationMissing',
        `${operation} answered without an operation to follow.`,
        this.status,
        operation,
        this.requestId,
      );
    }
    return id;
  }
}

interface OperationStatusLike {
  status?: string;
  error?: { code?: string; message?: string };
  properties?: unknown;
}

const MAX_POLL_WAIT_MS = 5_000;

/** The wait before the next poll: the operation's Retry-After (else the default), 5 s at most. */
function nextWait(ctx: PortContext, capture: ResponseCapture): number {
  return Math.min(capture.retryAfterMs ?? ctx.defaultPollMs, MAX_POLL_WAIT_MS);
}

const STATUS_OPERATION = 'backupOperationStatuses.get';

/**
 * Polls a vault operation's status until it names a job. Succeeded without a job → undefined; Failed → AzureError
 * with the operation's error code.
 *
 * Which URL: the vault-level `…/vaults/{vault}/backupOperations/{id}`, as azure-cli and Az.RecoveryServices poll it in
 * their recordings (test/recorded: backup-operation-status-*), not the item-level `operationsStatus` URL the 202's
 * Azure-AsyncOperation names, of which no recording was found.
 */
export async function pollForJobId(
  ctx: PortContext,
  vault: ResourceId,
  operationId: string,
): Promise<string | undefined> {
  let wait: number | undefined;
  for (let poll = 0; poll < ctx.maxPolls; poll += 1) {
    if (wait !== undefined) await ctx.sleep(wait);
    const capture = new ResponseCapture();
    const st: OperationStatusLike = await call(STATUS_OPERATION, () =>
      ctx.clients.backup.backupOperationStatuses.get(vault.name, vault.resourceGroup, operationId, {
        onResponse: capture.onResponse,
      }),
    );
    const status = (st.status ?? '').toLowerCase();
    if (status === 'failed' || status === 'canceled' || status === 'cancelled') {
      throw new AzureError(
        st.error?.code ?? 'OperationFailed',
        st.error?.message ?? `${STATUS_OPERATION} failed.`,
        undefined,
        STATUS_OPERATION,
        capture.requestId,
      );
    }
    const jobId = (st.properties as { jobId?: unknown } | undefined)?.jobId;
    if (typeof jobId === 'string' && jobId) return jobId;
    if (status === 'succeeded') return undefined;
    wait = nextWait(ctx, capture);
  }
  throw new AzureError(
    'OperationTimedOut',
    `${STATUS_OPERATION} did not finish after ${ctx.maxPolls} polls.`,
    undefined,
    STATUS_OPERATION,
  );
}

/** Polls a Location-style result (202 while running, 200/204 when done). */
export async function pollUntilDone(
  ctx: PortContext,
  operation: string,
  get: (capture: ResponseCapture) => Promise<unknown>,
): Promise<void> {
  let wait: number | undefined;
  for (let poll = 0; poll < ctx.maxPolls; poll += 1) {
    if (wait !== undefined) await ctx.sleep(wait);
    const capture = new ResponseCapture();
    await call(operation, () => get(capture));
    if (capture.status !== 202) return;
    wait = nextWait(ctx, capture);
  }
  throw new AzureError(
    'OperationTimedOut',
    `${operation} did not finish after ${ctx.maxPolls} polls.`,
    undefined,
    operation,
  );
}
