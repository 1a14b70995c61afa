/**
 * `restore.review`: the form's inputs are checked against what the server offered (points, types, regions) and Azure's
 * naming rules; on success the choice is stored with the pending restore and the summary card replaces the form.
 * Nothing is sent to Azure here.
 */
import { pendingKey, type PendingAction } from '../backup/pending';
import { validateSelection } from '../backup/restore-options';
import type { RestorePayload } from '../backup/restore-payload';
import { isAde } from '../azure/port';
import type { CardAction } from '../bot/types';
import { isUuid } from '../bot/validate';
import { restoreSummaryCard } from '../cards/restore-card';
import { update } from '../state/store';
import { refusalCard } from './refusal';
import { Verbs } from './verbs';

export const restoreReview: CardAction<{ pendingId: string; input: Record<string, unknown> }> = {
  verb: Verbs.restoreReview,
  access: 'operator',
  parse: (data) => (isUuid(data.pendingId) ? { pendingId: data.pendingId, input: data } : undefined),
  async handle(ctx, { pendingId, input }) {
    const { store, clock } = ctx.services;
    const now = clock.now();
    let outcome: { text: string } | undefined;
    const result = await update<PendingAction<RestorePayload>>(store, pendingKey(pendingId), (p) => {
      if (!p || p.kind !== 'restore' || p.status !== 'pending' || now > p.expiresAt) return undefined;
      const selection = validateSelection(input, { points: p.payload.points, choices: p.payload.choices, ade: isAde(p.payload.vm.encryption), subscriptionId: p.payload.vm.subscriptionId });
      if ('invalid' in selection) {
        outcome = { text: `${ctx.msg.restore.invalid[selection.invalid]} ${ctx.msg.restore.invalid.nothingChanged}` };
        return undefined;
      }
      outcome = undefined;
      return { ...p, payload: { ...p.payload, selection } };
    });
    if (outcome) return outcome;
    const p = result.value;
    if (!result.changed || !p) {
      const reason = !p ? 'missing' : p.status !== 'pending' ? p.status : 'expired';
      return { card: refusalCard(ctx, { ok: false, reason, pending: p }) };
    }
    return { card: restoreSummaryCard(ctx.msg, ctx.locale, pendingId, p.payload) };
  },
};
