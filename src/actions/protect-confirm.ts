/**
 * `protect.confirm`. The chosen policy must be one the server offered (the card's value is not
 * trusted); the click is answered at once, protection is enabled after, and its ConfigureBackup job is followed.
 */
import { claimPending, recordOutcome, type PendingAction } from '../backup/pending';
import type { ProtectPayload } from '../backup/protect-confirmation';
import { reportError } from '../bot/error-boundary';
import type { CardAction, HandlerContext } from '../bot/types';
import { isUuid } from '../bot/validate';
import { noticeCard } from '../cards/notice-card';
import { isAzureError } from '../errors';
import { refusalCard } from './refusal';
import { Verbs } from './verbs';

async function enable(ctx: HandlerContext, pending: PendingAction<ProtectPayload>, policy: { id: string; name: string }, card: object): Promise<void> {
  const { azure, jobs, store, clock } = ctx.services;
  const { vm, vaultId } = pending.payload;
  if (ctx.cardActivityId) await ctx.update(ctx.cardActivityId, { card: card as never }).catch(() => undefined);
  try {
    const { jobId } = await azure.enableProtection(vm, vaultId, policy.id);
    await recordOutcome(store, pending.id, { jobId });
    if (!jobId) return void (await ctx.send({ text: ctx.msg.protect.enabled(vm.name, policy.name) }));
    await jobs.track({
      jobId,
      vaultId,
      operation: 'ConfigureBackup',
      vm: { id: vm.id, name: vm.name, resourceGroup: vm.resourceGroup },
      conversationId: ctx.conversation.id,
      locale: ctx.locale,
      startedBy: ctx.user,
      createdAt: clock.now(),
    });
  } catch (error) {
    await recordOutcome(store, pending.id, { error: isAzureError(error) ? error.code : 'InternalError' });
    await ctx.send({ text: ctx.msg.protect.failed(vm.name, reportError(ctx.log, ctx.msg, error, 'protect')) });
  }
}

export const protectConfirm: CardAction<{ pendingId: string; policyId: string }> = {
  verb: Verbs.protectConfirm,
  access: 'operator',
  parse: (data) => (isUuid(data.pendingId) && typeof data.policyId === 'string' ? { pendingId: data.pendingId, policyId: data.policyId } : undefined),
  async handle(ctx, { pendingId, policyId }) {
    const { store, clock } = ctx.services;
    const claim = await claimPending<ProtectPayload>(store, pendingId, 'protect', ctx.user, clock.now(), 'used');
    if (!claim.ok) return { card: refusalCard(ctx, claim) };
    const policy = claim.pending.payload.policies.find((p) => p.id.toLowerCase() === policyId.toLowerCase());
    if (!policy) {
      await recordOutcome(store, pendingId, { error: 'InvalidInput' });
      return { text: ctx.msg.access.malformedAction };
    }
    const p = ctx.msg.protect;
    const card = noticeCard(p.startingTitle(claim.pending.payload.vm.name), [p.starting(ctx.user.name, policy.name)], { color: 'Accent' });
    ctx.background(() => enable(ctx, claim.pending, policy, card));
    return { card };
  },
};
