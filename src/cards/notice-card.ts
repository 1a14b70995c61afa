/**
 * Data for `cards/notice.json`: a title, lines and facts — the plain answer most commands and clicks give, and the
 * refusal shown when a confirmation card is clicked again, by someone else, too late, or after it was cancelled.
 */
import type { Claim } from '../confirmations/pending';
import type { Card } from '../core/poster';
import { formatTime, type Locale, type Messages } from '../i18n';
import { renderCard } from './render';

export function noticeCard(
  title: string,
  lines: string[],
  options: { color?: string; facts?: { title: string; value: string }[] } = {},
): Card {
  return renderCard('notice', { title, lines, color: options.color ?? 'Default', facts: options.facts ?? [] });
}

export function refusalCard(m: Messages, locale: Locale, claim: Extract<Claim<unknown>, { ok: false }>): Card {
  const r = m.common.refused;
  const p = claim.pending;
  const who = p?.decidedBy?.name || m.common.unknown;
  const when = p?.decidedAt ? formatTime(locale, new Date(p.decidedAt)) : '';
  const line =
    claim.reason === 'used'
      ? r.used(who, when)
      : claim.reason === 'cancelled'
        ? r.cancelled(who, when)
        : claim.reason === 'expired'
          ? r.expired
          : claim.reason === 'failed'
            ? r.failed(p?.error ?? '')
            : r.missing;
  return noticeCard('⚠️', [line], { color: 'Warning' });
}
