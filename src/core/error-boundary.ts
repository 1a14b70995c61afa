/**
 * The one place errors become words. Azure errors name their code and the next step (and the request id to quote);
 * everything else is a friendly sentence plus a correlation id. The full error goes to the log, never to chat.
 */
import { randomUUID } from 'node:crypto';
import { catalogAdvice } from '../rules/error-advice';
import { CodedError, isAzureError } from '../errors';
import type { Messages } from '../i18n';
import type { Logger } from '../log';

export function describeError(m: Messages, error: unknown, correlationId: string): string {
  if (isAzureError(error)) {
    // Azure Backup codes get the error catalog's tailored advice; ARM codes the generic one.
    const backup = catalogAdvice(m, error.code);
    const advice = backup
      ? `${backup.meaning} ${backup.next}`
      : (m.errors.azureAdvice[error.code] ?? m.errors.azureAdvice.default);
    return [m.errors.azure(error.code, advice), error.requestId ? m.errors.requestId(error.requestId) : '']
      .filter(Boolean)
      .join('\n\n');
  }
  if (error instanceof CodedError && m.errors.azureAdvice[error.code])
    return `${error.code}: ${m.errors.azureAdvice[error.code]}`;
  return `${m.errors.generic} ${m.common.correlation(correlationId)}`;
}

export function reportError(log: Logger, m: Messages, error: unknown, where: string): string {
  const correlationId = randomUUID().slice(0, 8);
  log.error('turn failed', { where, correlationId, error });
  return describeError(m, error, correlationId);
}
