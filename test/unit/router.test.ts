import type { Command } from '../../src/bot/types';
import { closest, normalise, route } from '../../src/bot/router';
import { commands } from '../../src/commands';

const names = (m: ReturnType<typeof route>) => (m ? [m.command.name, m.args] : undefined);

describe('router', () => {
  it.each([
    ['help', 'help', {}],
    ['HELP', 'help', {}],
    ['ヘルプ', 'help', {}],
    ['check vm001', 'check', { vm: 'vm001' }],
    ['Check  rg-prod/web01', 'check', { vm: 'rg-prod/web01' }],
    ['vm001をチェック', 'check', { vm: 'vm001' }],
    ['vm001 をチェックして', 'check', { vm: 'vm001' }],
    ['ｖｍ００１をチェック', 'check', { vm: 'vm001' }],
    ['チェック vm002', 'check', { vm: 'vm002' }],
    ['check', 'check', { vm: undefined }],
  ])('routes %j to %s', (text, name, args) => {
    expect(names(route(commands, text))).toEqual([name, args]);
  });

  it('finds nothing for chatter', () => {
    expect(route(commands, 'good morning team')).toBeUndefined();
  });

  it('suggests the closest command for typos, in both languages', () => {
    expect(closest(commands, 'chek vm001')?.name).toBe('check');
    expect(closest(commands, 'hlep')?.name).toBe('help');
    expect(closest(commands, 'vm001のチェックお願い')?.name).toBe('check');
    expect(closest(commands, 'lunch?')).toBeUndefined();
  });

  it('normalises full-width text, spaces and trailing punctuation', () => {
    expect(normalise('  ｃｈｅｃｋ\u3000ｖｍ００１。 ')).toBe('check vm001');
  });

  it('tries commands in order, first match wins', () => {
    const a: Command = { name: 'a', patterns: [/^x (?<v>\S+)$/], keywords: [], access: 'anyone', describe: () => ({ usage: 'x', description: 'x' }), handle: async () => undefined };
    const b: Command = { ...a, name: 'b' };
    expect(route([a, b], 'x 1')?.command.name).toBe('a');
  });
});
