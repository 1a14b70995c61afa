/** `protect <vm> [with <policy>]`: enable backup in the vault of the VM's region. Operators only. */
import { sendProtectConfirmation } from '../flows/offer-protect';
import { resolveVm } from '../flows/resolve-vm';
import type { Command } from '../core/types';

export const protect: Command = {
  name: 'protect',
  patterns: [
    /^(?:protect|enable (?:backup|protection)(?: for| on)?) (?<vm>\S+)(?: (?:with|using) (?<policy>[\w-]{1,150}))?$/i,
    /^(?<vm>\S+) protect(?: (?:with|using) (?<policy>[\w-]{1,150}))?$/i,
    /^(?<vm>[^\sを]+) ?を ?(?:(?<policy>[\w-]{1,150}) ?で ?)?(?:保護|バックアップを有効に)(?:して|する)?$/,
  ],
  keywords: ['protect', '保護'],
  access: 'operator',
  describe: (m) => ({ usage: m.protect.usage, description: m.protect.description }),
  async handle(ctx, args) {
    const ref = await resolveVm(ctx, args.vm, 'protect', ctx.msg.protect.usage);
    if (ref) await sendProtectConfirmation(ctx, ref, args.policy);
  },
};
