/**
 * `resume backup <vm> [with <policy>]`: protect a stopped item again (with the policy named, else DefaultPolicy); on a
 * protected item with a policy named, a policy change (an approval when the new policy keeps points for less time and
 * APPROVAL_REQUIRED_FOR names `policy-change`; refused on an immutable vault). Operators only.
 */
import { offerProtectionChange } from '../flows/offer-protection-change';
import { resolveVm } from '../flows/resolve-vm';
import type { Command } from '../core/types';

export const resumeBackup: Command = {
  name: 'resume-backup',
  patterns: [
    /^resume (?:backups?|protection)(?: (?:of|for|on))? (?<vm>\S+)(?: (?:with|using) (?<policy>[\w-]{1,150}))?$/i,
    /^(?:change|set) (?:the )?(?:backup )?policy (?:of |for )?(?<vm>\S+) to (?<policy>[\w-]{1,150})$/i,
    /^(?<vm>[^\sの]+) ?の ?(?:バックアップ|保護)を? ?(?:(?<policy>[\w-]{1,150}) ?で ?)?再開(?:して|する)?$/,
    /^(?:バックアップ再開|保護再開) (?<vm>\S+)(?: (?<policy>[\w-]{1,150}) ?で)?$/,
  ],
  keywords: ['resume', '再開'],
  access: 'operator',
  describe: (m) => ({ usage: m.lifecycle.usage.resume, description: m.lifecycle.description.resume }),
  async handle(ctx, args) {
    const ref = await resolveVm(ctx, args.vm, 'resume-backup', ctx.msg.lifecycle.usage.resume);
    if (ref) await offerProtectionChange(ctx, ref, 'resume', args.policy);
  },
};
