/** `ade report`: where the subscription stands for the ADE retirement (15 Sep 2028). Read-only; anyone may run it. */
import { adeReportCard } from '../cards/ade-report-card';
import type { Command } from '../core/types';
import { buildReport } from '../migration/fleet-report';
import { readFleet } from '../migration/read-fleet';
import { listPlans, saveMoved, saveReport } from '../migration/store';

export const adeReport: Command = {
  name: 'ade-report',
  patterns: [/^ade (?:report|readiness)$/i, /^(?:ade|ADE) ?(?:の)? ?(?:移行)?(?:レポート|準備状況)(?:を表示)?(?:して)?$/i],
  keywords: ['ade', 'レポート'],
  access: 'anyone',
  describe: (m) => ({ usage: m.ade.usage.report, description: m.ade.description.report }),
  async handle(ctx) {
    const { azure, config, store, clock, simulated } = ctx.services;
    const [fleet, plans] = await Promise.all([readFleet(azure, config.recoveryVaultIds), listPlans(store)]);
    const now = clock.now();
    const { report, moved } = buildReport(fleet, plans.map((p) => p.value), now);
    await saveMoved(store, plans, moved);
    const id = await saveReport(store, report, now);
    ctx.log.info('ade report', { vms: report.vmCount, ade: report.adeCount, plansMoved: moved.length });
    await ctx.send({ card: adeReportCard(ctx.msg, ctx.locale, report, id, simulated ? ctx.msg.common.simulatorNote : '') });
  },
};
