import type { Command } from '../../src/core/types';
import { closest, normalise, route } from '../../src/core/router';
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
    ['backup vm001 now', 'backup', { vm: 'vm001', days: undefined, until: undefined }],
    ['backup rg-prod/vm001 now keep 10 days', 'backup', { vm: 'rg-prod/vm001', days: '10', until: undefined }],
    ['backup vm001 now until 2026-12-31', 'backup', { vm: 'vm001', days: undefined, until: '2026-12-31' }],
    ['vm001 を今すぐバックアップ 30日保持', 'backup', { vm: 'vm001', days: '30', until: undefined }],
    ['vm001を今すぐバックアップ', 'backup', { vm: 'vm001', days: undefined, until: undefined }],
    ['status vm001', 'status', { vm: 'vm001' }],
    ['vm001 の状態', 'status', { vm: 'vm001' }],
    ['vm001のバックアップ状態を確認して', 'status', { vm: 'vm001' }],
    ['jobs', 'jobs', { vm: undefined }],
    ['ジョブ一覧', 'jobs', { vm: undefined }],
    ['vm002 のジョブ', 'jobs', { vm: 'vm002' }],
    ['grant backup access to kv-ade-noaccess', 'grant', { target: 'kv-ade-noaccess' }],
    ['vm002 のバックアップアクセスを申請', 'grant', { target: 'vm002' }],
    ['protect vm004 with GoldPolicy', 'protect', { vm: 'vm004', policy: 'GoldPolicy' }],
    ['vm004 を保護', 'protect', { vm: 'vm004', policy: undefined }],
    ['restore vm001', 'restore', { vm: 'vm001', files: undefined }],
    ['restore files of vm001', 'restore', { vm: 'vm001', files: 'files' }],
    ['vm001 を復元', 'restore', { vm: 'vm001', files: undefined }],
    ['watch here', 'watch', { mode: 'here' }],
    ['ここで監視', 'watch', { mode: 'ここで監視' }],
    ['audit', 'audit', {}],
    // The ways people type them (issue 15): word order and file-restore phrasings.
    ['restore vm001 files', 'restore', { vm: 'vm001', files: 'files' }],
    ['file restore vm001', 'restore', { vm: 'vm001', files: 'file' }],
    ['restore files from vm001', 'restore', { vm: 'vm001', files: 'files' }],
    ['vm001 restore', 'restore', { vm: 'vm001', files: undefined }],
    ['vm001 backup now', 'backup', { vm: 'vm001', days: undefined, until: undefined }],
    ['backup now vm001', 'backup', { vm: 'vm001', days: undefined, until: undefined }],
    ['vm001 back up now keep 7 days', 'backup', { vm: 'vm001', days: '7', until: undefined }],
    ['vm001 status', 'status', { vm: 'vm001' }],
    ['backup status of vm001', 'status', { vm: 'vm001' }],
    ['vm001 check', 'check', { vm: 'vm001' }],
    ['check on vm001', 'check', { vm: 'vm001' }],
    ['jobs for vm002', 'jobs', { vm: 'vm002' }],
    ['vm002 jobs', 'jobs', { vm: 'vm002' }],
    ['enable protection for vm004', 'protect', { vm: 'vm004', policy: undefined }],
    ['vm004 protect with GoldPolicy', 'protect', { vm: 'vm004', policy: 'GoldPolicy' }],
  ])('routes %j to %s', (text, name, args) => {
    expect(names(route(commands, text))).toEqual([name, args]);
  });

  it('finds nothing for chatter', () => {
    expect(route(commands, 'good morning team')).toBeUndefined();
  });

  it('does not read "grant backup" as a backup of a VM named grant', () => {
    expect(route(commands, 'grant backup')?.command.name).not.toBe('backup');
    expect(closest(commands, 'grant backup')?.name).toBe('grant');
  });

  it('suggests the closest command for typos, in both languages', () => {
    expect(closest(commands, 'chek vm001')?.name).toBe('check');
    expect(closest(commands, 'hlep')?.name).toBe('help');
    expect(closest(commands, 'vm001のチェックお願い')?.name).toBe('check');
    expect(closest(commands, 'lunch?')).toBeUndefined();
    expect(closest(commands, 'restor vm001')?.name).toBe('restore');
    expect(closest(commands, 'bakup vm001 now')?.name).toBe('backup');
    expect(closest(commands, 'stauts vm001')?.name).toBe('status');
  });

  it('normalises full-width text, spaces and trailing punctuation', () => {
    expect(normalise('  ｃｈｅｃｋ\u3000ｖｍ００１。 ')).toBe('check vm001');
  });

  it('tries commands in order, first match wins', () => {
    const a: Command = {
      name: 'a',
      patterns: [/^x (?<v>\S+)$/],
      keywords: [],
      access: 'anyone',
      describe: () => ({ usage: 'x', description: 'x' }),
      handle: async () => undefined,
    };
    const b: Command = { ...a, name: 'b' };
    expect(route([a, b], 'x 1')?.command.name).toBe('a');
  });
});
