/**
 * The declarative command router: an ordered list of commands, each with English and Japanese patterns.
 * The first pattern that matches wins; its named groups become the handler's arguments.
 */
import type { Command, CommandArgs } from './types';

/** Full-width letters and digits to ASCII (NFKC), one space between words, no trailing punctuation. */
export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[。．.!！?？]+$/u, '');
}

export interface Match {
  command: Command;
  args: CommandArgs;
}

export function route(commands: readonly Command[], text: string): Match | undefined {
  const input = normalise(text);
  for (const command of commands) {
    for (const pattern of command.patterns) {
      const m = pattern.exec(input);
      if (m) return { command, args: { ...(m.groups ?? {}) } };
    }
  }
  return undefined;
}

/** Edit distance counting a swap of two neighbours as one edit ("hlep" → "help"). */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** Words of a message looked at for "did you mean": a command is typed first, and a 100 KB message took seconds. */
const CLOSEST_WORDS = 20;

/**
 * The command whose keyword is nearest to any of the first words of the text (typos like "chek", "bakup"), if near
 * enough.
 */
export function closest(commands: readonly Command[], text: string): Command | undefined {
  const words = [...new Set(normalise(text).toLowerCase().split(' ').filter(Boolean).slice(0, CLOSEST_WORDS))];
  let best: { command: Command; score: number } | undefined;
  for (const command of commands) {
    for (const keyword of command.keywords) {
      for (const word of words) {
        // The edit distance is at least the difference in length: skip what cannot be near (one 100 KB word took
        // seconds).
        const near = Math.abs(word.length - keyword.length) <= 0.4 * keyword.length;
        const score =
          word.includes(keyword) || (keyword.includes(word) && word.length >= 3)
            ? 0
            : near
              ? distance(word, keyword) / keyword.length
              : Infinity;
        if (score <= 0.4 && (!best || score < best.score)) best = { command, score };
      }
    }
  }
  return best?.command;
}
