/**
 * `stop backup <vm>`: stop protection and keep every recovery point (ProtectionStopped, no policy). A critical
 * operation: an approver decides when APPROVAL_REQUIRED_FOR names `stop`, else the requester confirms. Operators only.
 */
import { offerProtectionChange } from '../flows/offer-protection-change';
import { resolveVm } from '../flows/resolve-vm';
import type { Command } from '../core/types';

export const stopBackup: Command = {
  name: 'stop-backup',
  patterns: [
    /^stop (?:backups?|protection)(?: (?:of|for|on))? (?<vm>\S+)(?: (?:and )?(?:keep|retain)(?:ing)? (?:the |its )?(?:data|recovery points|points))?$/i,
    /^(?<vm>\S+) stop (?:backups?|protection)$/i,
    /^(?<vm>[^\sの]+) ?の ?(?:バックアップ|保護)を? ?停止(?:して|する)?(?: ?[（(]?データ(?:を)?保持[）)]?)?$/,
    /^(?:バックアップ停止|保護停止) (?<vm>\S+)$/,
  ],
  keywords: ['stop', '停止'],
  access: 'operator',
  describe: (m) => ({ usage: m.lifecycle.usage.stop, description: m.lifecycle.description.stop }),
  async handle(ctx, args) {
    const ref = await resolveVm(ctx, args.vm, 'stop-backup', ctx.msg.lifecycle.usage.stop);
    if (ref) await offerProtectionChange(ctx, ref, 'stop');
  },
};
