/** The ADE commands' phrasings route to them, and take nothing another command should get. */
import { commands } from '../../src/commands';
import { route } from '../../src/core/router';

const routed = (text: string) => {
  const m = route(commands, text);
  return m && [m.command.name, Object.fromEntries(Object.entries(m.args).filter(([, v]) => v !== undefined))];
};

it.each([
  ['ade report', 'ade-report', {}],
  ['ADE Report', 'ade-report', {}],
  ['ADE レポート', 'ade-report', {}],
  ['ADEの移行レポート', 'ade-report', {}],
  ['ade plan vm001', 'ade-plan', { vm: 'vm001' }],
  [
    'ade plan rg-migrate/ade-win01 new rg-migrate/eah-win01',
    'ade-plan',
    { vm: 'rg-migrate/ade-win01', newvm: 'rg-migrate/eah-win01' },
  ],
  ['ade-win01 の ADE 移行計画', 'ade-plan', { vm: 'ade-win01' }],
  ['ade-win01のADE移行計画 新VM eah-win01', 'ade-plan', { vm: 'ade-win01', newvm: 'eah-win01' }],
  ['ADE 移行計画 ade-win01', 'ade-plan', { vm: 'ade-win01' }],
])('%s → %s', (text, name, args) => {
  expect(routed(text)).toEqual([name, args]);
});

it.each([
  ['status vm001', 'status'],
  ['vm001 status', 'status'],
  ['check vm001', 'check'],
  ['protect vm004 with GoldPolicy', 'protect'],
  ['backup vm001 now', 'backup'],
])('%s still routes to %s', (text, name) => {
  expect(routed(text)?.[0]).toBe(name);
});
