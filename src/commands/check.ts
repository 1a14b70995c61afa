/** `check <vm>`: the read-only preflight. Anyone may run it. */
import { runPreflight } from '../rules/preflight';
import { resolveVm } from '../flows/resolve-vm';
import type { Command } from '../core/types';
import { checkCard } from '../cards/check-card';
import { holdRiskText, vmHoldsAtRisk } from '../migration/hold-check';

export const check: Command = {
  name: 'check',
  patterns: [
    /^(?:check|preflight)(?: (?:on |of |for )?(?<vm>\S+))?$/i,
    /^(?<vm>\S+) (?:check|preflight)$/i,
    /^(?<vm>\S+?) ?(?:を|の)?(?:チェック|確認|事前チェック)(?:して)?$/,
    /^(?:チェック|確認|事前チェック) ?(?<vm>\S+)?$/,
  ],
  keywords: ['check', 'preflight', 'チェック', '確認'],
  access: 'anyone',
  describe: (m) => m.commands.check,
  async handle(ctx, args) {
    const ref = await resolveVm(ctx, args.vm, 'check', ctx.msg.commands.check.usage);
    if (!ref) return;
    const { config, azure, clock } = ctx.services;
    const preflight = await runPreflight(azure, ref, config.backupManagementObjectId ?? '');
    // ADE key holds at risk (the Key Vault of points that must be kept gone, unprotected, or off for disk encryption).
    const holds = await vmHoldsAtRisk(azure, ctx.services.store, preflight.vm, preflight.protection, clock.now());
    const more = holds.map((h) => holdRiskText(ctx.msg, h));
    await ctx.send({ card: checkCard(ctx.msg, ctx.locale, preflight, new Date(clock.now()), more) });
  },
};
