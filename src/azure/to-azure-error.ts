/**
 * The one place SDK failures become `AzureError`s: the ARM error code from the body (else `Http<status>`), the HTTP
 * status, the operation and the `x-ms-request-id`. Timeouts and dropped connections become `AzureUnreachable`.
 * Messages are for logs; user-facing words come from the bot's catalogue, keyed by code.
 */
import { AzureError, CodedError } from '../errors';

interface RestErrorLike {
  name?: string;
  code?: string;
  statusCode?: number;
  message?: string;
  response?: { headers?: { get(name: string): string | undefined }; bodyAsText?: string | null };
}

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'ENOTFOUND',
  'EPIPE',
  'EAI_AGAIN',
  'REQUEST_SEND_ERROR',
]);

function codeFromBody(text: string | null | undefined): string | undefined {
  if (!text) return undefined;
  try {
    const parsed = JSON.parse(text) as { error?: { code?: unknown }; code?: unknown };
    const code = parsed.error?.code ?? parsed.code;
    return typeof code === 'string' && code ? code : undefined;
  } catch {
    return undefined;
  }
}

export function toAzureError(e: unknown, operation: string): CodedError {
  if (e instanceof CodedError) return e;
  const err = (e ?? {}) as RestErrorLike;
  if (err.name === 'AbortError' || (err.code !== undefined && NETWORK_CODES.has(err.code))) {
    return new AzureError(
      'AzureUnreachable',
      `Azure did not answer ${operation}: ${err.message ?? 'no response'}`,
      undefined,
      operation,
    );
  }
  if (err.name === 'RestError') {
    const requestId = err.response?.headers?.get('x-ms-request-id') ?? undefined;
    if (err.statusCode === undefined) {
      return new AzureError(
        'AzureUnreachable',
        `Azure did not answer ${operation}: ${err.message ?? 'no response'}`,
        undefined,
        operation,
        requestId,
      );
    }
    const code =
      (err.code && !NETWORK_CODES.has(err.code) ? err.code : undefined) ??
      codeFromBody(err.response?.bodyAsText) ??
      `Http${err.statusCode}`;
    return new AzureError(code, err.message ?? code, err.statusCode, operation, requestId);
  }
  return new AzureError('AzureUnexpected', `${operation} failed: ${err.message ?? String(e)}`, undefined, operation);
}

/** Runs one SDK call and translates whatever it throws. */
export async function call<T>(operation: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw toAzureError(e, operation);
  }
}
