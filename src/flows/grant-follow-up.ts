/**
 * What follows a decision on a Key Vault grant, after the click is answered. Approved: the grant is carried out
 * (the request machine records applied or failed), the thread is told, and the requester's original card becomes
 * actionable again. Rejected: the card shows it and the requester is told why.
 */
import { keyVaultGrant, type GrantRequest } from '../approvals/key-vault-grant';
import { requestMachine } from '../approvals/machine';
import { approvalCard } from '../cards/approval-card';
import { checkCard } from '../cards/check-card';
import { describeError } from '../core/error-boundary';
import type { HandlerContext } from '../core/types';
import { parseVmQuery } from '../core/vm';
import { messages } from '../i18n';
import { runPreflight } from '../rules/preflight';
import { backupConfirmation } from './offer-backup';

async function reEnableOrigin(ctx: HandlerContext, r: GrantRequest): Promise<void> {
  const origin = r.origin;
  const query = origin && parseVmQuery(origin.vmKey);
  if (!origin || !query) return;
  const { azure, config, clock } = ctx.services;
  const [ref] = await azure.findVms(query.name, query.resourceGroup);
  if (!ref) return;
  const m = messages(r.locale);
  const requesterCtx: HandlerContext = { ...ctx, user: r.requester, locale: r.locale, msg: m };
  const card =
    origin.kind === 'backup'
      ? await backupConfirmation(requesterCtx, ref)
      : checkCard(
          m,
          r.locale,
          await runPreflight(azure, ref, config.backupManagementObjectId ?? ''),
          new Date(clock.now()),
        );
  await ctx.update(origin.activityId, { card });
}

export async function afterApproval(ctx: HandlerContext, r: GrantRequest): Promise<void> {
  const { azure, clock, log } = ctx.services;
  const m = messages(r.locale);
  const vault = r.plan.keyVault.name;
  const refresh = async (request: GrantRequest | undefined) => {
    if (request?.cardActivityId) await ctx.update(request.cardActivityId, { card: approvalCard(request, clock.now()) });
  };
  await refresh(r);
  const outcome = await requestMachine(ctx.services, keyVaultGrant).apply(r, ctx.user, azure);
  await refresh(outcome.request);
  if (outcome.ok) {
    const { verified, detail, missing } = outcome.applied;
    await ctx.send({
      text: verified ? m.approval.applied(vault, detail) : m.approval.appliedUnverified(vault, missing.join('; ')),
      mentions: [r.requester],
    });
    if (verified)
      await reEnableOrigin(ctx, r).catch((error) => log.warn('could not refresh the original card', { error }));
    return;
  }
  log.error('grant failed', { approvalId: r.id, error: outcome.error });
  const explained = describeError(m, outcome.error, r.id.slice(0, 8));
  const reason =
    outcome.code === 'AuthorizationFailed' || outcome.code === 'Forbidden'
      ? `${explained} ${m.approval.roleNeeded[r.plan.keyVault.model]}`
      : explained;
  await ctx.send({ text: m.approval.applyFailed(vault, reason), mentions: [r.requester] });
}

export async function afterRejection(ctx: HandlerContext, r: GrantRequest): Promise<void> {
  if (r.cardActivityId) await ctx.update(r.cardActivityId, { card: approvalCard(r, ctx.services.clock.now()) });
  await ctx.send({
    text: ctx.msg.approval.rejected(r.plan.keyVault.name, ctx.user.name, r.comment ?? ''),
    mentions: [r.requester],
  });
}
