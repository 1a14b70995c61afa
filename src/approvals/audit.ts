/**
 * The durable audit trail of critical operation requests: who did what to which resource, when, and Azure's request
 * id. Entries are written by the request machine (`machine.ts`) at each transition, and only there.
 */
import { randomUUID } from 'node:crypto';
import type { User } from '../core/types';
import type { StateStore } from '../state/store';

export interface AuditEntry {
  at: number;
  /** `confirmed`: the requester said yes to an operation that needed no approver. */
  event: 'requested' | 'confirmed' | 'approved' | 'rejected' | 'applied' | 'failed' | 'expired';
  approvalId: string;
  /** The request's kind (`OperationKind.name`). */
  kind: string;
  by: User;
  /** The resource the operation acts on (for a Key Vault grant, the vault's id). */
  target: string;
  detail?: string;
  requestId?: string;
}

/** Entries written before requests had kinds name their Key Vault in `keyVault` and have no `kind` or `target`. */
type Stored = Omit<AuditEntry, 'kind' | 'target'> & { kind?: string; target?: string; keyVault?: string };

export async function audit(store: StateStore, entry: AuditEntry): Promise<void> {
  // Keys sort by time; the random suffix keeps two entries in the same millisecond apart.
  await store.put(`audit/${new Date(entry.at).toISOString()}-${randomUUID().slice(0, 8)}`, entry, { ifNoneMatch: '*' });
}

export async function recentAudit(store: StateStore, limit = 20): Promise<AuditEntry[]> {
  const entries = (await store.list<Stored>('audit/')).map(({ value: { keyVault, ...e } }) => ({
    ...e,
    kind: e.kind ?? 'keyVaultGrant',
    target: e.target ?? keyVault ?? '',
  }));
  return entries.slice(-limit).reverse();
}
