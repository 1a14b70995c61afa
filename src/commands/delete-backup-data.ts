/**
 * `stop backup <vm> and delete data`: stop protection and delete the item (its recovery points go to soft delete, or
 * for good when the vault has it off). Always an approval by someone other than the requester, who types the VM's
 * name to approve. Operators only.
 */
import { offerProtectionChange } from '../flows/offer-protection-change';
import { resolveVm } from '../flows/resolve-vm';
import type { Command } from '../core/types';

export const deleteBackupData: Command = {
  name: 'delete-backup-data',
  patterns: [
    /^stop (?:backups?|protection)(?: (?:of|for|on))? (?<vm>\S+),? (?:and )?delete(?: (?:the|its|all))?(?: backup)? data$/i,
    /^delete (?:the )?backup data (?:of |for )?(?<vm>\S+)$/i,
    /^(?<vm>[^\sの]+) ?の ?(?:バックアップ|保護)を? ?停止 ?し(?:て)? ?(?:バックアップ ?)?データを? ?削除(?:して|する)?$/,
    /^(?<vm>[^\sの]+) ?の ?バックアップ ?データを? ?削除(?:して|する)?$/,
  ],
  keywords: ['delete', '削除'],
  access: 'operator',
  describe: (m) => ({ usage: m.lifecycle.usage.deleteData, description: m.lifecycle.description.deleteData }),
  async handle(ctx, args) {
    const ref = await resolveVm(ctx, args.vm, 'delete-backup-data', ctx.msg.lifecycle.usage.deleteData);
    if (ref) await offerProtectionChange(ctx, ref, 'deleteData');
  },
};
