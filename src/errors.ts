/**
 * Coded errors: every failure the user may hear about carries a `code`, and is turned into words in exactly one place
 * (`src/core/error-boundary.ts`). Messages here are for logs; users see the catalog's text for the code.
 */
export class CodedError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'CodedError';
  }
}

/**
 * An Azure call that failed: the ARM error code (e.g. `AuthorizationFailed`,
 * `UserErrorKeyVaultPermissionsNotConfigured`),
 * the HTTP status, the operation that failed and the `x-ms-request-id` to quote to Azure support.
 */
export class AzureError extends CodedError {
  constructor(
    code: string,
    message: string,
    readonly statusCode: number | undefined,
    readonly operation: string,
    readonly requestId?: string,
  ) {
    super(code, message, { statusCode, operation, requestId });
    this.name = 'AzureError';
  }
}

export function isAzureError(e: unknown): e is AzureError {
  return e instanceof AzureError;
}
