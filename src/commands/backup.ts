/** `backup <vm> now [keep N days | until date]`: preflight, then a confirmation card. Operators only. */
import { backupConfirmation } from '../flows/offer-backup';
import {
  DEFAULT_RETENTION_DAYS,
  expiryFor,
  requestedRetainUntil,
  retainUntilAfter,
  retentionBounds,
} from '../rules/retention';
import { resolveVm } from '../flows/resolve-vm';
import type { Command } from '../core/types';

const RETAIN = String.raw`(?: (?:keep|retain|for) (?<days>\d{1,6}) ?days?| (?:until|till) (?<until>\d{4}[-/]\d{1,2}[-/]\d{1,2}))?`;
const RETAIN_JA = String.raw`(?: ?(?<days>\d{1,6}) ?日(?:間)?(?:保持)?| ?(?<until>\d{4}[-/]\d{1,2}[-/]\d{1,2}) ?まで(?:保持)?)?`;

export const backup: Command = {
  name: 'backup',
  patterns: [
    new RegExp(String.raw`^(?:backup|back up) (?<vm>\S+)(?: now)?${RETAIN}$`, 'i'),
    new RegExp(String.raw`^(?:backup|back up) now (?<vm>\S+)${RETAIN}$`, 'i'),
    // "vm001 backup now"; not "grant backup …", which is a request for access.
    new RegExp(String.raw`^(?<vm>(?!(?:grant|request)\b)\S+) (?:backup|back up)(?: now)?${RETAIN}$`, 'i'),
    // Not "削除済みバックアップ", which lists the deleted backups.
    new RegExp(
      String.raw`^(?<vm>(?!削除済み|削除された|論理削除)[^\sを]+) ?を?(?:今すぐ)? ?バックアップ(?:して|する)?${RETAIN_JA}$`,
    ),
    new RegExp(String.raw`^(?:今すぐ)?バックアップ (?<vm>\S+)${RETAIN_JA}$`),
  ],
  keywords: ['backup', 'バックアップ'],
  access: 'operator',
  describe: (m) => ({ usage: m.backup.usage.backup, description: m.backup.description.backup }),
  async handle(ctx, args) {
    const now = ctx.services.clock.now();
    const retainUntil = requestedRetainUntil(args, now) ?? retainUntilAfter(DEFAULT_RETENTION_DAYS, now);
    if (!expiryFor(retainUntil, now)) {
      await ctx.send({ text: ctx.msg.backup.invalidDate(retentionBounds(now).max) });
      return;
    }
    const ref = await resolveVm(ctx, args.vm, 'backup', ctx.msg.backup.usage.backup);
    if (ref) await ctx.send({ card: await backupConfirmation(ctx, ref, retainUntil) });
  },
};
