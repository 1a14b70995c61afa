/**
 * A request to grant Azure Backup access to a Key Vault, and its life: draft → pending → approved → applied | failed,
 * or rejected / expired. Stored under `approval/<id>`; every transition is eTag-guarded so two approvers clicking at
 * once, or one clicking twice, decide it once.
 */
import { randomUUID } from 'node:crypto';
import type { User } from '../core/types';
import type { Locale } from '../i18n';
import { update, type StateStore } from '../state/store';
import type { GrantPlan } from './grant-plan';

export type ApprovalStatus = 'draft' | 'pending' | 'approved' | 'applied' | 'failed' | 'rejected' | 'expired' | 'cancelled';

/** The card the request was started from, re-rendered (actionable again) once access is granted. */
export interface Origin {
  kind: 'check' | 'backup';
  activityId: string;
  vmKey: string;
}

export interface Approval {
  id: string;
  status: ApprovalStatus;
  plan: GrantPlan;
  requester: User;
  reason?: string;
  conversationId: string;
  locale: Locale;
  createdAt: number;
  expiresAt: number;
  /** The approval card in the thread. */
  cardActivityId?: string;
  origin?: Origin;
  decidedBy?: User;
  decidedAt?: number;
  comment?: string;
  /** Azure's `x-ms-request-id` of the grant, and the error code when it failed. */
  requestId?: string;
  error?: string;
}

export const approvalKey = (id: string) => `approval/${id}`;

export async function createApproval(store: StateStore, init: Omit<Approval, 'id' | 'status'>): Promise<Approval> {
  const approval: Approval = { ...init, id: randomUUID(), status: 'draft' };
  await store.put(approvalKey(approval.id), approval, { ifNoneMatch: '*' });
  return approval;
}

export async function getApproval(store: StateStore, id: string): Promise<Approval | undefined> {
  return (await store.get<Approval>(approvalKey(id)))?.value;
}

/**
 * Applies `change` only if the approval is in state `from` (and not past expiry, for decisions). Returns the stored
 * approval after the attempt and whether this caller made the change.
 */
export async function transition(
  store: StateStore,
  id: string,
  from: ApprovalStatus,
  change: (a: Approval) => Approval,
): Promise<{ approval?: Approval; changed: boolean }> {
  const result = await update<Approval>(store, approvalKey(id), (a) => (a && a.status === from ? change(a) : undefined));
  return { approval: result.value, changed: result.changed };
}
