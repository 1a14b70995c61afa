/**
 * `ade.page`: "Show all" on the ADE report and Previous / Next / Back on its pages. The clicked card is replaced by
 * the page asked for (page 0 is the summary), read from the report's snapshot: paging reads nothing from Azure.
 */
import { adeReportCard } from '../cards/ade-report-card';
import { adeReportPageCard } from '../cards/ade-report-page-card';
import type { CardAction } from '../core/types';
import { isUuid } from '../core/validate';
import { loadReport } from '../migration/store';
import { Verbs } from './verbs';

export const adePage: CardAction<{ report: string; page: number }> = {
  verb: Verbs.adePage,
  access: 'anyone',
  parse(data) {
    const page = typeof data.page === 'string' && /^\d{1,5}$/.test(data.page) ? Number(data.page) : data.page;
    return isUuid(data.report) && typeof page === 'number' && Number.isInteger(page) && page >= 0 && page < 100_000 ? { report: data.report, page } : undefined;
  },
  async handle(ctx, { report, page }) {
    const { store, clock, simulated } = ctx.services;
    const stored = await loadReport(store, report, clock.now());
    if (!stored) return { text: ctx.msg.ade.report.expired };
    if (page === 0) return { card: adeReportCard(ctx.msg, ctx.locale, stored.report, stored.id, simulated ? ctx.msg.common.simulatorNote : '') };
    return { card: adeReportPageCard(ctx.msg, ctx.locale, stored.report, stored.id, page) };
  },
};
