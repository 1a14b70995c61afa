/**
 * `undelete <vm>`: bring back a soft-deleted backup item (`isRehydrate`) as stopped with its points, before soft delete
 * purges it; then resume or restore. An approval when APPROVAL_REQUIRED_FOR names `undelete`. Operators only.
 */
import { offerProtectionChange } from '../flows/offer-protection-change';
import { resolveVm } from '../flows/resolve-vm';
import type { Command } from '../core/types';

export const undelete: Command = {
  name: 'undelete',
  patterns: [
    /^undelete (?:(?:the )?backup (?:of |for )?)?(?<vm>\S+)$/i,
    /^(?<vm>\S+) undelete$/i,
    /^(?<vm>[^\sの]+) ?の ?(?:バックアップの ?)?削除を? ?取り消(?:し|して|す)?$/,
    /^(?:削除の取り消し|削除取り消し) (?<vm>\S+)$/,
  ],
  keywords: ['undelete', '取り消し'],
  access: 'operator',
  describe: (m) => ({ usage: m.lifecycle.usage.undelete, description: m.lifecycle.description.undelete }),
  async handle(ctx, args) {
    const ref = await resolveVm(ctx, args.vm, 'undelete', ctx.msg.lifecycle.usage.undelete);
    if (ref) await offerProtectionChange(ctx, ref, 'undelete');
  },
};
