/**
 * The declarative command router: an ordered list of commands, each with English and Japanese patterns.
 * The first pattern that matches wins; its named groups become the handler's arguments.
 */
import type { Command, CommandArgs } from './types';

/** Full-width letters and digits to ASCII (NFKC), one space between words, no trailing punctuation. */
export function normalise(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim().replace(/[。．.!！?？]+$/u, '');
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

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}

/** The command whose keyword is nearest to any word of the text (typos like "chek", "bakup"), if near enough. */
export function closest(commands: readonly Command[], text: string): Command | undefined {
  const words = normalise(text).toLowerCase().split(' ').filter(Boolean);
  let best: { command: Command; score: number } | undefined;
  for (const command of commands) {
    for (const keyword of command.keywords) {
      for (const word of words) {
        const score = word.includes(keyword) || (keyword.includes(word) && word.length >= 3) ? 0 : distance(word, keyword) / keyword.length;
        if (score <= 0.4 && (!best || score < best.score)) best = { command, score };
      }
    }
  }
  return best?.command;
}
