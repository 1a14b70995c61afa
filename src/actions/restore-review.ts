/**
 * `restore.review`: the form's inputs are checked against what the server offered (points, types, regions) and Azure's
 * naming rules; then the chosen recovery point is read on its own (as azure-cli does before a restore), so that an
 * ADE point's keys (BEK/KEK) come from the point, not from the VM as it is now. An encrypted point without key details
 * is refused. On success the choice and the keys are stored with the pending restore and the summary card replaces
 * the form. Nothing is written to Azure here.
 */
import { pendingKey, type PendingAction } from '../confirmations/pending';
import { validateSelection, type RestoreSelection } from '../rules/restore-options';
import type { RestorePayload } from '../confirmations/payloads';
import { isAde } from '../azure/port';
import type { CardAction, HandlerContext } from '../core/types';
import { isUuid } from '../core/validate';
import { restoreSummaryCard } from '../cards/restore-summary-card';
import { update } from '../state/store';
import { refusalCard } from '../cards/notice-card';
import { Verbs } from './verbs';

type Pending = PendingAction<RestorePayload>;

const open = (p: Pending | undefined, now: number): p is Pending =>
  !!p && p.kind === 'restore' && p.status === 'pending' && now <= p.expiresAt;

function select(p: Pending, input: Record<string, unknown>) {
  return validateSelection(input, {
    points: p.payload.points,
    choices: p.payload.choices,
    ade: isAde(p.payload.vm.encryption),
    subscriptionId: p.payload.vm.subscriptionId,
  });
}

/** The chosen point's keys, read from the point; a sentence when the point is gone or encrypted without key details. */
async function pointKeys(
  ctx: HandlerContext,
  p: Pending,
  selection: RestoreSelection,
): Promise<Pick<RestoreSelection, 'keys'> | { text: string }> {
  const { azure } = ctx.services;
  const r = ctx.msg.restore;
  const item = p.payload.item ?? (await azure.getProtection(p.payload.vm));
  const point = item && (await azure.getRecoveryPoint(item, selection.pointName));
  if (!point) return { text: `${r.invalid.pointGone} ${r.invalid.nothingChanged}` };
  if (!point.isSourceVmEncrypted) return {};
  const keys = point.keyAndSecret;
  if (!keys?.secretUrl || !keys.secretVaultId)
    return { text: `${r.invalid.pointKeysMissing} ${r.invalid.nothingChanged}` };
  return { keys };
}

export const restoreReview: CardAction<{ pendingId: string; input: Record<string, unknown> }> = {
  verb: Verbs.restoreReview,
  access: 'operator',
  parse: (data) => (isUuid(data.pendingId) ? { pendingId: data.pendingId, input: data } : undefined),
  async handle(ctx, { pendingId, input }) {
    const { store, clock } = ctx.services;
    const now = clock.now();
    const refuse = (p: Pending | undefined) => ({
      card: refusalCard(ctx.msg, ctx.locale, {
        ok: false,
        reason: !p ? 'missing' : p.status !== 'pending' ? p.status : 'expired',
        pending: p,
      }),
    });
    const stored = (await store.get<Pending>(pendingKey(pendingId)))?.value;
    if (!open(stored, now)) return refuse(stored);
    const chosen = select(stored, input);
    if ('invalid' in chosen)
      return { text: `${ctx.msg.restore.invalid[chosen.invalid]} ${ctx.msg.restore.invalid.nothingChanged}` };
    const keys = await pointKeys(ctx, stored, chosen);
    if ('text' in keys) return keys;
    const selection: RestoreSelection = { ...chosen, ...keys };
    const result = await update<Pending>(store, pendingKey(pendingId), (p) =>
      open(p, now) ? { ...p, payload: { ...p.payload, selection } } : undefined,
    );
    if (!result.changed || !result.value) return refuse(result.value);
    return { card: restoreSummaryCard(ctx.msg, ctx.locale, pendingId, result.value.payload) };
  },
};
