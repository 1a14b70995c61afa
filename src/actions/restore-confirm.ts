/**
 * `restore.confirm`. The reviewed choice is claimed exactly once; the VM, its protection and the
 * recovery point are read again from Azure (the card says only which), the restore is triggered after the click is
 * answered, and its job is followed in the thread — with the ADE next steps when it completes.
 */
import type { RestoreRequest } from '../azure/port';
import { claimPending, recordOutcome, type PendingAction } from '../confirmations/pending';
import type { RestorePayload } from '../confirmations/payloads';
import type { CardAction, HandlerContext } from '../core/types';
import type { Card } from '../core/poster';
import { isUuid } from '../core/validate';
import { noticeCard, refusalCard } from '../cards/notice-card';
import { vmSummary } from '../core/vm';
import { CodedError } from '../errors';
import { carryOut } from '../flows/carry-out';
import { Verbs } from './verbs';

function start(ctx: HandlerContext, pending: PendingAction<RestorePayload>, startedCard: Card): Promise<void> {
  const { vm: saved, selection } = pending.payload;
  const s = selection!;
  return carryOut(ctx, {
    pendingId: pending.id,
    startedCard,
    operation: 'restore',
    async run() {
      const { azure } = ctx.services;
      const [vm, protection] = await Promise.all([azure.getVm(saved), azure.getProtection(saved)]);
      // The point is read again on its own: its keys (an ADE point's BEK/KEK) go into the request as the point has
      // them.
      const point = protection && (await azure.getRecoveryPoint(protection, s.pointName));
      if (!protection || !point) throw new CodedError('ResourceNotFound', 'recovery point no longer exists');
      const sub = saved.subscriptionId;
      const request: RestoreRequest = {
        vm,
        protection,
        recoveryPoint: point,
        kind: s.kind,
        targetResourceGroupId: `/subscriptions/${sub}/resourceGroups/${s.resourceGroup}`,
        storageAccountId: `/subscriptions/${sub}/resourceGroups/${s.storageAccount.resourceGroup}/providers/Microsoft.Storage/storageAccounts/${s.storageAccount.name}`,
        region: s.region,
        crossRegion: s.crossRegion,
        targetVmName: s.vmName,
        targetSubnetId: s.subnetId,
      };
      const { jobId } = await azure.triggerRestore(request);
      const operation = s.crossRegion ? 'CrossRegionRestore' : 'Restore';
      return { jobId, vaultId: protection.vaultId, operation, vm: vmSummary(vm) };
    },
    failed: (reason) => ctx.msg.restore.failed(saved.name, reason),
  });
}

export const restoreConfirm: CardAction<{ pendingId: string }> = {
  verb: Verbs.restoreConfirm,
  access: 'operator',
  parse: (data) => (isUuid(data.pendingId) ? { pendingId: data.pendingId } : undefined),
  async handle(ctx, { pendingId }) {
    const { store, clock } = ctx.services;
    const claim = await claimPending<RestorePayload>(store, pendingId, 'restore', ctx.user, clock.now(), 'used');
    if (!claim.ok) return { card: refusalCard(ctx.msg, ctx.locale, claim) };
    if (!claim.pending.payload.selection) {
      await recordOutcome(store, pendingId, { error: 'InvalidInput' });
      return { text: ctx.msg.access.malformedAction };
    }
    const r = ctx.msg.restore;
    const card = noticeCard(r.startingTitle(claim.pending.payload.vm.name), [r.starting(ctx.user.name)], {
      color: 'Accent',
    });
    ctx.background(() => start(ctx, claim.pending, card));
    return { card };
  },
};
