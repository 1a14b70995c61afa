/**
 * Data for `cards/ade-report.json`: the fleet's ADE retirement summary. Lists on it are capped so the card stays far
 * below Teams' size limit at any fleet size; every VM is on the pages (`ade-report-page-card.ts`).
 */
import type { FleetReport } from '../migration/fleet-report';
import { STAGES } from '../migration/plan';
import type { Locale, Messages } from '../i18n';
import type { Card } from '../core/poster';
import { renderCard } from './render';

/** Key holds shown on the summary; the rest are counted. */
export const HOLDS_SHOWN = 12;
const SIZES_SHOWN = 10;

function reportData(m: Messages, _locale: Locale, r: FleetReport, note: string) {
  const a = m.ade.report;
  const stageParts = STAGES.filter((s) => r.plans[s] > 0).map((s) => `${r.plans[s]} ${a.stages[s]}`);
  const blockers = [
    ...(r.feature.registered ? [] : [a.feature(r.feature.state)]),
    ...r.sizeBlockers.slice(0, SIZES_SHOWN).map((b) => a.size(b.size, b.region, b.vms, b.nearest)),
    ...r.keyHolds
      .filter((h) => h.blocker)
      .map((h) => (h.risks.includes('deleted') ? a.vaultGone(h.name) : a.vaultBlocker(h.name))),
  ];
  const risky = r.notProtected.length || r.lastFailed.length || r.atRisk.points;
  const exposure = [
    ...(r.notProtected.length ? [a.notProtected(r.notProtected)] : []),
    ...(r.lastFailed.length ? [a.lastFailed(r.lastFailed)] : []),
    ...(r.atRisk.points && r.atRisk.latestExpiry !== undefined
      ? [a.atRisk(r.atRisk.points, r.atRisk.vms, m.ade.expiry(r.atRisk.latestExpiry))]
      : []),
    ...(risky ? [] : [a.noExposure]),
    ...(r.orphanItems.length ? [a.orphans(r.orphanItems)] : []),
  ];
  const holds = r.keyHolds
    .slice(0, HOLDS_SHOWN)
    .map((h) =>
      a.hold(
        h.name,
        m.ade.until(h.until),
        h.vms,
        h.vault
          ? a.flags(h.vault.softDelete, h.vault.purgeProtection, h.vault.enabledForDiskEncryption)
          : a.vaultMissing,
      ),
    );
  return {
    title: a.title,
    note,
    daysLeft: a.daysLeft(r.daysLeft),
    facts: [
      { title: a.adeVms, value: a.adeOf(r.adeCount, r.vmCount) },
      { title: a.pathA, value: String(r.byPath.A) },
      { title: a.pathB, value: String(r.byPath.B) },
      { title: a.aad, value: String(r.byPath.aad) },
      { title: a.unmanaged, value: String(r.byPath.unmanaged) },
      { title: a.eah, value: String(r.eahCount) },
      { title: a.plans, value: a.planCounts(stageParts) },
    ],
    blockers: blockers.length ? blockers : [a.noBlockers],
    blockersStyle: blockers.length ? 'attention' : 'good',
    exposure,
    holds: r.keyHolds.length
      ? [...holds, ...(r.keyHolds.length > HOLDS_SHOWN ? [a.moreHolds(r.keyHolds.length - HOLDS_SHOWN)] : [])]
      : [a.noHolds],
    estimates: a.estimates,
    rows: r.rows.length,
    labels: {
      blockers: a.blockersTitle,
      exposure: a.exposureTitle,
      holds: a.holdsTitle,
      showAll: a.showAll(r.rows.length),
    },
  };
}

export function adeReportCard(m: Messages, locale: Locale, report: FleetReport, note = ''): Card {
  return renderCard('ade-report', reportData(m, locale, report, note));
}
