/**
 * Data for `cards/ade-report-page.json`: one page of the report's ADE VMs, each row a VM with its path, protection,
 * points past 2028, Key Vaults and plan stage. A page holds at most `ROWS_PER_PAGE` rows, which keeps the longest
 * names Azure allows (and Japanese text) under the size the card tests hold every card to.
 */
import type { FleetReport, VmRow } from '../migration/fleet-report';
import type { Locale, Messages } from '../i18n';
import type { Card } from '../core/poster';
import { renderCard } from './render';

export const ROWS_PER_PAGE = 40;
const VAULTS_SHOWN = 3;

export function pageCount(report: FleetReport): number {
  return Math.max(1, Math.ceil(report.rows.length / ROWS_PER_PAGE));
}

function rowValue(m: Messages, r: VmRow): string {
  const a = m.ade.report;
  const path = r.path === 'A' || r.path === 'B' ? a.paths[r.path] : `${a.paths[r.path]} → ${a.paths[r.then]}`;
  const vaults =
    r.keyVaults.length > VAULTS_SHOWN
      ? `${r.keyVaults.slice(0, VAULTS_SHOWN).join(', ')} (+${r.keyVaults.length - VAULTS_SHOWN})`
      : r.keyVaults.join(', ');
  return a.row(
    [path, r.sizeSupported ? '' : a.sizeUnsupported(r.size)].filter(Boolean).join(', '),
    a.protection[r.protection] ?? r.protection,
    r.points.atRisk > 0 ? a.pointsPast(r.points.atRisk) : '',
    vaults,
    r.stage ? a.stage(a.stages[r.stage] ?? r.stage) : '',
  );
}

/** `page` counts from 1; out of range is clamped. */
export function adeReportPageCard(m: Messages, _locale: Locale, report: FleetReport, page: number): Card {
  const pages = pageCount(report);
  const p = Math.min(Math.max(1, page), pages);
  const rows = report.rows.slice((p - 1) * ROWS_PER_PAGE, p * ROWS_PER_PAGE);
  const a = m.ade.report;
  return renderCard('ade-report-page', {
    title: a.pageTitle(p, pages),
    rows: rows.map((r) => ({ title: `${r.resourceGroup}/${r.name}`, value: rowValue(m, r) })),
    page: p,
    pages,
    labels: { previous: a.previous, next: a.next, summary: a.summary },
  });
}
