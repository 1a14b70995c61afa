/** `help`: a card listing every command, generated from the command list. */
import type { Command } from '../core/types';
import { helpCard } from '../cards/help-card';

export function helpCommand(all: () => readonly Command[]): Command {
  return {
    name: 'help',
    patterns: [/^(?:help|\?|commands|usage)$/i, /^(?:ヘルプ|へるぷ|使い方|コマンド一覧|助けて)$/],
    keywords: ['help', 'ヘルプ', '使い方'],
    access: 'anyone',
    describe: (m) => m.commands.help,
    async handle(ctx) {
      await ctx.send({ card: helpCard(ctx.msg, all(), ctx.services) });
    },
  };
}
