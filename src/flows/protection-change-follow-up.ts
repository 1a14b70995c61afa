/**
 * What follows a yes to a critical operation on a VM's backup (an approver's approval, or its requester's confirmation
 * when none is needed), after the click is answered: the request machine carries it out through the Azure port (and
 * records applied or failed), the request's card shows the outcome, and the operation's job (DisableBackup,
 * DeleteBackupData, ConfigureBackup, Undelete) is followed in the thread like a backup's — or the thread is told why
 * it failed and what to do. A rejection is shown on the card and told to the requester.
 */
import { findProtectionChange, JOB_OPERATION, type ProtectionChangeRequest } from '../approvals/protection-change';
import { protectionChangeCard } from '../cards/protection-change-card';
import type { HandlerContext } from '../core/types';
import { CodedError, isAzureError } from '../errors';
import { messages } from '../i18n';
import { explainChangeError } from './explain-protection-change';

async function showCard(ctx: HandlerContext, r: ProtectionChangeRequest | undefined): Promise<void> {
  if (r?.cardActivityId)
    await ctx.update(r.cardActivityId, { card: protectionChangeCard(r, ctx.services.clock.now()) });
}

export async function carryOutChange(ctx: HandlerContext, r: ProtectionChangeRequest): Promise<void> {
  const { azure, clock, log, jobs } = ctx.services;
  const found = await findProtectionChange(ctx.services, r.id);
  if (!found) return;
  const m = messages(r.locale);
  const t = m.lifecycle;
  const op = t.operation[found.operation];
  const vm = r.plan.vm;
  const outcome = await found.machine.apply(r, ctx.user, azure);
  await showCard(ctx, outcome.request).catch((error) => log.warn('could not update the request card', { error }));
  if (outcome.ok) {
    const { jobId } = outcome.applied;
    if (!jobId) return void (await ctx.send({ text: t.doneNoJob(op, vm.name), mentions: [r.requester] }));
    await jobs.track({
      jobId,
      vaultId: r.plan.item.vaultId,
      operation: JOB_OPERATION[found.operation],
      vm,
      conversationId: r.conversationId,
      locale: r.locale,
      startedBy: r.requester,
      createdAt: clock.now(),
    });
    return;
  }
  // The bot's own refusal before sending (a vault guard, a changed item) is a warning; Azure's answers and faults are
  // errors.
  const refusedHere = outcome.error instanceof CodedError && !isAzureError(outcome.error);
  log[refusedHere ? 'warn' : 'error']('critical operation failed', {
    approvalId: r.id,
    kind: r.kind,
    error: outcome.error,
  });
  await ctx.send({
    text: t.failed(op, vm.name, explainChangeError(m, outcome.error, r.plan, clock.now(), r.id.slice(0, 8))),
    mentions: [r.requester],
  });
}

export async function afterChangeRejection(ctx: HandlerContext, r: ProtectionChangeRequest): Promise<void> {
  const t = messages(r.locale).lifecycle;
  await showCard(ctx, r);
  const op = t.operation[r.plan.operation];
  await ctx.send({
    text: t.rejectedMessage(op, r.plan.vm.name, ctx.user.name, r.comment ?? ''),
    mentions: [r.requester],
  });
}
