/**
 * `ade report`: where the subscription stands for the ADE retirement (15 Sep 2028). Read-only; anyone may run it, and
 * only an operator's report writes anything (the plans the lists moved forward).
 */
import { adeReportCard } from '../cards/ade-report-card';
import type { Command } from '../core/types';
import { buildReport } from '../migration/fleet-report';
import { readFleet } from '../migration/read-fleet';
import { listPlans, saveMoved } from '../migration/store';
import { isOperator } from '../core/roles';

export const adeReport: Command = {
  name: 'ade-report',
  patterns: [
    /^ade (?:report|readiness)$/i,
    /^(?:ade|ADE) ?(?:の)? ?(?:移行)?(?:レポート|準備状況)(?:を表示)?(?:して)?$/i,
  ],
  keywords: ['ade', 'レポート'],
  access: 'anyone',
  describe: (m) => ({ usage: m.ade.usage.report, description: m.ade.description.report }),
  async handle(ctx) {
    const { azure, config, store, clock, simulated } = ctx.services;
    const [fleet, plans] = await Promise.all([readFleet(azure, config.recoveryVaultIds), listPlans(store)]);
    const { report, moved } = buildReport(
      fleet,
      plans.map((p) => p.value),
      clock.now(),
    );
    // Plans that moved are shown as they are now to everyone, and kept only when an operator asked: nobody else writes.
    const kept = isOperator(ctx.services, ctx.user.id) ? await saveMoved(store, plans, moved) : 0;
    ctx.log.info('ade report', {
      vms: report.vmCount,
      ade: report.adeCount,
      plansMoved: moved.length,
      plansKept: kept,
    });
    await ctx.send({ card: adeReportCard(ctx.msg, ctx.locale, report, simulated ? ctx.msg.common.simulatorNote : '') });
  },
};
