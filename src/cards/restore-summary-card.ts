/**
 * Data for `cards/restore-summary.json`: what the reviewed restore will create, and the ADE next steps, before it
 * starts.
 */
import { isAde, resourceName } from '../azure/port';
import type { RestorePayload } from '../confirmations/payloads';
import type { Card } from '../core/poster';
import { formatTime, type Locale, type Messages } from '../i18n';
import { renderCard } from './render';

export function restoreSummaryCard(m: Messages, locale: Locale, pendingId: string, p: RestorePayload): Card {
  const r = m.restore;
  const s = p.selection!;
  const point = p.points.find((x) => x.name === s.pointName)!;
  const creates = [
    s.kind === 'RestoreDisks'
      ? r.creates.RestoreDisks(s.resourceGroup)
      : s.kind === 'AlternateLocation'
        ? r.creates.AlternateLocation(s.vmName ?? '', s.resourceGroup)
        : r.creates.OriginalLocation(p.vm.name),
    r.creates.staging(`${s.storageAccount.resourceGroup}/${s.storageAccount.name}`),
  ];
  return renderCard('restore-summary', {
    title: r.summaryTitle(p.vm.name),
    facts: [
      {
        title: r.facts.point,
        value: `${formatTime(locale, new Date(point.time))} · ${m.common.consistency[point.consistency] ?? point.consistency}`,
      },
      { title: r.facts.kind, value: r.kinds[s.kind] },
      { title: r.facts.region, value: s.crossRegion ? r.pairedRegion(s.region) : r.sameRegion(s.region) },
      { title: r.facts.rg, value: s.resourceGroup },
      { title: r.facts.storage, value: `${s.storageAccount.resourceGroup}/${s.storageAccount.name}` },
      ...(s.vmName ? [{ title: r.facts.vmName, value: s.vmName }] : []),
      ...(s.keys?.secretUrl
        ? [{ title: r.facts.bek, value: r.keyIn(s.keys.secretUrl, resourceName(s.keys.secretVaultId ?? '')) }]
        : []),
      ...(s.keys?.kekUrl
        ? [{ title: r.facts.kek, value: r.keyIn(s.keys.kekUrl, resourceName(s.keys.kekVaultId ?? '')) }]
        : []),
    ],
    intro: r.summaryIntro,
    creates,
    notes: isAde(p.vm.encryption) ? r.adeNextSteps : [],
    pendingId,
    labels: { confirm: r.confirmButton, cancel: m.common.cancel },
  });
}
