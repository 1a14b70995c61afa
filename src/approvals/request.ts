/**
 * A critical operation request: something the bot does only after an approver other than the requester says yes.
 * A Key Vault grant for Azure Backup (`key-vault-grant.ts`); stopping protection, deleting backup data, resuming it,
 * a policy change and undelete (`protection-change.ts`); ADE migration steps are to be further kinds. The request's
 * life is `machine.ts`.
 */
import type { AzurePort } from '../azure/port';
import type { Config } from '../config';
import type { Access, User } from '../core/types';
import type { Locale } from '../i18n';

/**
 * `draft` (only the requester has seen it) → `pending` (requested: waiting for an approver) → `approved` | `rejected`
 * | `expired`; `approved` → `applied` | `failed` once the operation was carried out. A kind that needs no approver
 * for this request goes `draft` → `approved` when its requester confirms it.
 */
export type RequestStatus = 'draft' | 'pending' | 'approved' | 'rejected' | 'expired' | 'applied' | 'failed';

/** One request, stored under `approval/<id>` whatever its kind, so one card and one audit trail serve every kind. */
export interface CriticalRequest<P = unknown> {
  id: string;
  /** `OperationKind.name`; requests stored before kinds existed have none and are Key Vault grants. */
  kind?: string;
  status: RequestStatus;
  /** Exactly what will be done, fixed when the request is made: an approver approves this and nothing else. */
  plan: P;
  requester: User;
  reason?: string;
  conversationId: string;
  locale: Locale;
  createdAt: number;
  expiresAt: number;
  /** The request's card in the thread, updated as the request moves. */
  cardActivityId?: string;
  decidedBy?: User;
  decidedAt?: number;
  comment?: string;
  /** Azure's `x-ms-request-id` of the operation, and the error code when it failed. */
  requestId?: string;
  error?: string;
}

/** What carrying out an approved operation returns: Azure's request id and one line for the audit trail. */
export interface Applied {
  requestId?: string;
  detail: string;
}

/** One kind of critical operation: who approves it, how long a request waits, what it acts on, how it is done. */
export interface OperationKind<R extends CriticalRequest, A extends Applied = Applied> {
  name: string;
  /** Who may approve or reject; never the requester, which the machine refuses whatever this says. */
  approvers: Exclude<Access, 'anyone'>;
  /** How long a request waits for a decision before it expires. */
  ttlMs(config: Readonly<Config>): number;
  /** The resource the operation acts on, as the audit trail names it. */
  target(plan: R['plan']): string;
  /** Carries the approved operation out through the Azure port; throws what Azure answered when it failed. */
  apply(azure: AzurePort, plan: R['plan']): Promise<A>;
  /**
   * Whether a request needs an approver, asked when it is made and again when its requester confirms it: configuration
   * may say an operation needs none, and then the requester confirms it on the card instead. Absent: always.
   */
  needsApproval?(config: Readonly<Config>, plan: R['plan']): boolean;
  /**
   * What whoever says yes must type first (a destructive operation repeats what it destroys, e.g. the VM's name);
   * compared ignoring case and surrounding spaces. Absent or empty: a click is enough.
   */
  typedConfirmation?(plan: R['plan']): string | undefined;
}

export const requestKey = (id: string) => `approval/${id}`;

/** Requests stored before kinds existed were all Key Vault grants. */
export const kindOf = (request: CriticalRequest) => request.kind ?? 'keyVaultGrant';
