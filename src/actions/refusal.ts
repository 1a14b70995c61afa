/** The card shown when a confirmation card is clicked again, by someone else, too late, or after it was cancelled. */
import type { Claim } from '../confirmations/pending';
import type { HandlerContext } from '../core/types';
import type { Card } from '../core/poster';
import { noticeCard } from '../cards/notice-card';
import { formatTime } from '../i18n';

export function refusalCard(ctx: HandlerContext, claim: Extract<Claim<unknown>, { ok: false }>): Card {
  const r = ctx.msg.backup.refused;
  const p = claim.pending;
  const who = p?.decidedBy?.name || ctx.msg.common.unknown;
  const when = p?.decidedAt ? formatTime(ctx.locale, new Date(p.decidedAt)) : '';
  const line =
    claim.reason === 'used' ? r.used(who, when)
    : claim.reason === 'cancelled' ? r.cancelled(who, when)
    : claim.reason === 'expired' ? r.expired
    : claim.reason === 'failed' ? r.failed(p?.error ?? '')
    : r.missing;
  return noticeCard('⚠️', [line], { color: 'Warning' });
}
