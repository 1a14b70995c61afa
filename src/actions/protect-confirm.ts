/**
 * `protect.confirm`. The chosen policy must be one the server offered (the card's value is not
 * trusted); the click is answered at once, protection is enabled after, and its ConfigureBackup job is followed.
 */
import { claimPending, recordOutcome, type PendingAction } from '../confirmations/pending';
import type { ProtectPayload } from '../confirmations/payloads';
import type { CardAction, HandlerContext } from '../core/types';
import type { Card } from '../core/poster';
import { isUuid } from '../core/validate';
import { noticeCard, refusalCard } from '../cards/notice-card';
import { carryOut } from '../flows/carry-out';
import { Verbs } from './verbs';

function enable(
  ctx: HandlerContext,
  pending: PendingAction<ProtectPayload>,
  policy: { id: string; name: string },
  startedCard: Card,
): Promise<void> {
  const { vm, vaultId } = pending.payload;
  return carryOut(ctx, {
    pendingId: pending.id,
    startedCard,
    operation: 'protect',
    async run() {
      const { jobId } = await ctx.services.azure.enableProtection(vm, vaultId, policy.id);
      return jobId
        ? { jobId, vaultId, operation: 'ConfigureBackup', vm }
        : ctx.msg.protect.enabled(vm.name, policy.name);
    },
    failed: (reason) => ctx.msg.protect.failed(vm.name, reason),
  });
}

export const protectConfirm: CardAction<{ pendingId: string; policyId: string }> = {
  verb: Verbs.protectConfirm,
  access: 'operator',
  parse: (data) =>
    isUuid(data.pendingId) && typeof data.policyId === 'string'
      ? { pendingId: data.pendingId, policyId: data.policyId }
      : undefined,
  async handle(ctx, { pendingId, policyId }) {
    const { store, clock } = ctx.services;
    const claim = await claimPending<ProtectPayload>(store, pendingId, 'protect', ctx.user, clock.now(), 'used');
    if (!claim.ok) return { card: refusalCard(ctx.msg, ctx.locale, claim) };
    const policy = claim.pending.payload.policies.find((p) => p.id.toLowerCase() === policyId.toLowerCase());
    if (!policy) {
      await recordOutcome(store, pendingId, { error: 'InvalidInput' });
      return { text: ctx.msg.access.malformedAction };
    }
    const p = ctx.msg.protect;
    const card = noticeCard(p.startingTitle(claim.pending.payload.vm.name), [p.starting(ctx.user.name, policy.name)], {
      color: 'Accent',
    });
    ctx.background(() => enable(ctx, claim.pending, policy, card));
    return { card };
  },
};
