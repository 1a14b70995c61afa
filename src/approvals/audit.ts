/** The durable audit trail of Key Vault access requests: who, what, when, outcome and Azure request id. */
import { randomUUID } from 'node:crypto';
import type { User } from '../core/types';
import type { StateStore } from '../state/store';

export interface AuditEntry {
  at: number;
  event: 'requested' | 'approved' | 'rejected' | 'applied' | 'failed' | 'expired';
  approvalId: string;
  by: User;
  keyVault: string;
  detail?: string;
  requestId?: string;
}

export async function audit(store: StateStore, entry: AuditEntry): Promise<void> {
  // Keys sort by time; the random suffix keeps two entries in the same millisecond apart.
  await store.put(`audit/${new Date(entry.at).toISOString()}-${randomUUID().slice(0, 8)}`, entry, { ifNoneMatch: '*' });
}

export async function recentAudit(store: StateStore, limit = 20): Promise<AuditEntry[]> {
  return (await store.list<AuditEntry>('audit/')).map((v) => v.value).slice(-limit).reverse();
}
