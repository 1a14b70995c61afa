/**
 * After an approver approves: apply the grant, verify it by reading the vault back, record everything in the audit
 * trail, tell the thread, and make the requester's original card actionable again.
 */
import { backupConfirmation } from '../flows/offer-backup';
import { runPreflight } from '../rules/preflight';
import { parseVmQuery } from '../core/vm';
import type { HandlerContext } from '../core/types';
import { describeError } from '../core/error-boundary';
import { approvalCard } from '../cards/approval-card';
import { checkCard } from '../cards/check-card';
import { isAzureError } from '../errors';
import { messages } from '../i18n';
import { transition, type Approval } from './approval';
import { applyGrant, grantSummary } from './apply-grant';
import { audit } from './audit';

async function reEnableOrigin(ctx: HandlerContext, a: Approval): Promise<void> {
  const origin = a.origin;
  const query = origin && parseVmQuery(origin.vmKey);
  if (!origin || !query) return;
  const { azure, config, clock } = ctx.services;
  const [ref] = await azure.findVms(query.name, query.resourceGroup);
  if (!ref) return;
  const m = messages(a.locale);
  const requesterCtx: HandlerContext = { ...ctx, user: a.requester, locale: a.locale, msg: m };
  const card =
    origin.kind === 'backup'
      ? await backupConfirmation(requesterCtx, ref)
      : checkCard(m, a.locale, await runPreflight(azure, ref, config.backupManagementObjectId ?? ''), new Date(clock.now()));
  await ctx.update(origin.activityId, { card });
}

export async function applyApproved(ctx: HandlerContext, a: Approval): Promise<void> {
  const { azure, store, clock, log } = ctx.services;
  const m = messages(a.locale);
  const vault = a.plan.keyVault.name;
  const refresh = async (approval: Approval | undefined) => {
    if (approval?.cardActivityId) await ctx.update(approval.cardActivityId, { card: approvalCard(approval, clock.now()) });
  };
  await refresh(a);
  try {
    const result = await applyGrant(azure, a.plan);
    const { approval } = await transition(store, a.id, 'approved', (x) => ({ ...x, status: 'applied', requestId: result.requestId }));
    await audit(store, { at: clock.now(), event: 'applied', approvalId: a.id, by: a.decidedBy ?? ctx.user, keyVault: a.plan.keyVault.id, detail: grantSummary(a.plan), requestId: result.requestId });
    await refresh(approval);
    const text = result.verified ? m.approval.applied(vault, grantSummary(a.plan)) : m.approval.appliedUnverified(vault, result.missing.join('; '));
    await ctx.send({ text, mentions: [a.requester] });
    if (result.verified) await reEnableOrigin(ctx, a).catch((error) => log.warn('could not refresh the original card', { error }));
  } catch (error) {
    const code = isAzureError(error) ? error.code : 'InternalError';
    const { approval } = await transition(store, a.id, 'approved', (x) => ({ ...x, status: 'failed', error: code, requestId: isAzureError(error) ? error.requestId : undefined }));
    await audit(store, { at: clock.now(), event: 'failed', approvalId: a.id, by: a.decidedBy ?? ctx.user, keyVault: a.plan.keyVault.id, detail: code, requestId: isAzureError(error) ? error.requestId : undefined });
    await refresh(approval);
    log.error('grant failed', { approvalId: a.id, error });
    const reason = code === 'AuthorizationFailed' || code === 'Forbidden' ? `${describeError(m, error, a.id.slice(0, 8))} ${m.approval.roleNeeded[a.plan.keyVault.model]}` : describeError(m, error, a.id.slice(0, 8));
    await ctx.send({ text: m.approval.applyFailed(vault, reason), mentions: [a.requester] });
  }
}
