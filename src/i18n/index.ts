/**
 * Picks the message catalog for a turn: the activity's `locale` first (Teams sends the client's language), then the
 * text itself, so someone typing Japanese in an English client is still answered in Japanese.
 */
import { en, Messages } from './en';
import { ja } from './ja';

export type Locale = 'en' | 'ja';
export type { Messages };

const catalogs: Record<Locale, Messages> = { en, ja };
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]/;

export function pickLocale(activityLocale: string | undefined, text = ''): Locale {
  if (activityLocale?.toLowerCase().startsWith('ja')) return 'ja';
  if (JAPANESE.test(text)) return 'ja';
  return 'en';
}

export function messages(locale: Locale): Messages {
  return catalogs[locale];
}

/** Dates as people read them in each language, in UTC (Teams users span time zones; UTC is what Azure shows). */
export function formatTime(locale: Locale, time: Date): string {
  const iso = time.toISOString();
  const [date, clock] = [iso.slice(0, 10), iso.slice(11, 16)];
  return locale === 'ja' ? `${date.replace(/-/g, '/')} ${clock} (UTC)` : `${date} ${clock} UTC`;
}
