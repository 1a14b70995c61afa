/**
 * `ade plan <vm> protect`: step 2 of an ADE plan — protect the linked new VM with the old VM's policy (an Enhanced one
 * for Trusted Launch) through the protect confirmation. The plan card's button runs it (as `vm.choose` runs a command
 * for a VM); operators only, like `protect`.
 */
import type { Command } from '../core/types';
import { vmKey } from '../core/vm';
import { offerNewVmProtection } from '../flows/offer-new-vm-protection';
import { resolveVm } from '../flows/resolve-vm';

export const adeProtectNew: Command = {
  name: 'ade-protect-new',
  patterns: [
    /^ade plan (?<vm>\S+) protect(?: new)?$/i,
    /^(?<vm>[^\sの]+) ?の ?(?:ADE|ade) ?移行計画 ?新(?:VM|vm)?を保護$/,
  ],
  keywords: ['protect', '保護'],
  access: 'operator',
  describe: (m) => ({ usage: m.ade.usage.protectNew, description: m.ade.description.protectNew }),
  async handle(ctx, args) {
    const ref = await resolveVm(ctx, args.vm, 'ade-protect-new', ctx.msg.ade.usage.protectNew);
    if (ref) await offerNewVmProtection(ctx, vmKey(ref));
  },
};
