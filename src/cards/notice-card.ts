/** Data for `cards/notice.json`: a title, lines and facts — the plain answer most commands and clicks give. */
import type { Card } from '../core/poster';
import { renderCard } from './render';

export function noticeCard(title: string, lines: string[], options: { color?: string; facts?: { title: string; value: string }[] } = {}): Card {
  return renderCard('notice', { title, lines, color: options.color ?? 'Default', facts: options.facts ?? [] });
}
