/**
 * `ade.page`: "Show all" on the ADE report, and Previous / Next / Back on its pages. The clicked card is answered at
 * once ("reading…") and replaced in place by the page asked for (page 0 is the summary), read afresh from the fleet
 * lists (the same reads as the report: list pages, never a read per VM). Read-only and open to anyone, like the
 * report: it writes nothing, to Azure or to state.
 */
import { adeReportCard } from '../cards/ade-report-card';
import { adeReportPageCard } from '../cards/ade-report-page-card';
import { noticeCard } from '../cards/notice-card';
import { reportError } from '../core/error-boundary';
import type { CardAction, HandlerContext } from '../core/types';
import { buildReport } from '../migration/fleet-report';
import { readFleet } from '../migration/read-fleet';
import { listPlans } from '../migration/store';
import { Verbs } from './verbs';

async function showPage(ctx: HandlerContext, page: number): Promise<void> {
  const { azure, config, store, clock, simulated } = ctx.services;
  const activityId = ctx.cardActivityId;
  if (!activityId) return;
  try {
    const [fleet, plans] = await Promise.all([readFleet(azure, config.recoveryVaultIds), listPlans(store)]);
    const { report } = buildReport(
      fleet,
      plans.map((p) => p.value),
      clock.now(),
    );
    const card =
      page === 0
        ? adeReportCard(ctx.msg, ctx.locale, report, simulated ? ctx.msg.common.simulatorNote : '')
        : adeReportPageCard(ctx.msg, ctx.locale, report, page);
    await ctx.update(activityId, { card });
  } catch (error) {
    await ctx.update(activityId, {
      card: noticeCard(ctx.msg.ade.report.title, [reportError(ctx.log, ctx.msg, error, 'action:ade.page')], {
        color: 'Attention',
      }),
    });
  }
}

export const adePage: CardAction<{ page: number }> = {
  verb: Verbs.adePage,
  access: 'anyone',
  parse(data) {
    const page = typeof data.page === 'string' && /^\d{1,5}$/.test(data.page) ? Number(data.page) : data.page;
    return typeof page === 'number' && Number.isInteger(page) && page >= 0 && page < 100_000 ? { page } : undefined;
  },
  async handle(ctx, { page }) {
    ctx.background(() => showPage(ctx, page));
    return { card: noticeCard(ctx.msg.ade.report.title, [ctx.msg.ade.report.reading]) };
  },
};
