/**
 * `ade.protectNew`: "Protect <new VM> with <policy>" on an ADE plan card. Answered at once; the protect confirmation
 * for the plan's new VM follows (step 2), with the old VM's policy (or an Enhanced one for Trusted Launch) chosen.
 */
import type { CardAction } from '../core/types';
import { parseVmQuery } from '../core/vm';
import { offerNewVmProtection } from '../flows/offer-new-vm-protection';
import { Verbs } from './verbs';

export const adeProtectNew: CardAction<{ vm: string }> = {
  verb: Verbs.adeProtectNew,
  access: 'operator',
  parse: (data) => (typeof data.vm === 'string' && parseVmQuery(data.vm)?.resourceGroup ? { vm: data.vm } : undefined),
  async handle(ctx, { vm }) {
    ctx.background(() => offerNewVmProtection(ctx, vm));
    return { text: ctx.msg.vmLookup.chosen(vm) };
  },
};
