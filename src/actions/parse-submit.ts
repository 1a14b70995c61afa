/** What a "send to approvers" click carries, for every kind of request: its id, and the reason typed (500 chars). */
import { isUuid } from '../core/validate';

export function parseSubmit(data: Record<string, unknown>): { approvalId: string; reason: string } | undefined {
  if (!isUuid(data.approvalId)) return undefined;
  return {
    approvalId: data.approvalId,
    reason: typeof data.reason === 'string' ? data.reason.trim().slice(0, 500) : '',
  };
}
