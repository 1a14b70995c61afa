/** Data for `cards/restore-form.json` (choose) and `cards/restore-summary.json` (what will be created). */
import { isAde, resourceName } from '../azure/port';
import type { RestorePayload } from '../confirmations/payloads';
import type { Card } from '../core/poster';
import { formatTime, type Locale, type Messages } from '../i18n';
import { renderCard } from './render';

export function restoreFormCard(m: Messages, locale: Locale, pendingId: string, p: RestorePayload): Card {
  const r = m.restore;
  const notes = [
    ...p.choices.refused.map((k) => r.notForAde[k]),
    ...(p.choices.crossRegionUnavailable ? [r.crrUnavailable(p.vault.name)] : []),
    ...(p.choices.pairedRegion ? [r.crrPortal(p.vault.name, p.choices.pairedRegion)] : []),
  ];
  return renderCard('restore-form', {
    title: r.title(p.vm.name),
    facts: [
      { title: m.backup.vm, value: `${p.vm.resourceGroup}/${p.vm.name} · ${p.vm.location} · ${p.vm.osType}` },
      { title: m.backup.encryption, value: m.encryption[p.vm.encryption] },
      { title: m.backup.vault, value: `${p.vault.name} (${p.vault.location})` },
    ],
    notes,
    points: p.points.map((x) => ({ title: `${formatTime(locale, new Date(x.time))} · ${m.common.consistency[x.consistency] ?? x.consistency} · ${x.tiers.join(' + ')}`, value: x.name })),
    kinds: p.choices.kinds.map((k) => ({ title: r.kinds[k], value: k })),
    regions: p.choices.regions.map((x) => ({ title: x.crossRegion ? r.pairedRegion(x.region) : r.sameRegion(x.region), value: x.region })),
    resourceGroup: p.vm.resourceGroup,
    pendingId,
    labels: {
      point: r.pointLabel,
      kind: r.kindLabel,
      region: r.regionLabel,
      resourceGroup: r.resourceGroupLabel,
      storage: r.storageLabel,
      vmName: r.vmNameLabel,
      subnet: r.subnetLabel,
      review: r.reviewButton,
      cancel: m.backup.cancelButton,
    },
  });
}

export function restoreSummaryCard(m: Messages, locale: Locale, pendingId: string, p: RestorePayload): Card {
  const r = m.restore;
  const s = p.selection!;
  const point = p.points.find((x) => x.name === s.pointName)!;
  const creates = [
    s.kind === 'RestoreDisks' ? r.creates.RestoreDisks(s.resourceGroup) : s.kind === 'AlternateLocation' ? r.creates.AlternateLocation(s.vmName ?? '', s.resourceGroup) : r.creates.OriginalLocation(p.vm.name),
    r.creates.staging(`${s.storageAccount.resourceGroup}/${s.storageAccount.name}`),
  ];
  return renderCard('restore-summary', {
    title: r.summaryTitle(p.vm.name),
    facts: [
      { title: r.facts.point, value: `${formatTime(locale, new Date(point.time))} · ${m.common.consistency[point.consistency] ?? point.consistency}` },
      { title: r.facts.kind, value: r.kinds[s.kind] },
      { title: r.facts.region, value: s.crossRegion ? r.pairedRegion(s.region) : r.sameRegion(s.region) },
      { title: r.facts.rg, value: s.resourceGroup },
      { title: r.facts.storage, value: `${s.storageAccount.resourceGroup}/${s.storageAccount.name}` },
      ...(s.vmName ? [{ title: r.facts.vmName, value: s.vmName }] : []),
      ...(s.keys?.secretUrl ? [{ title: r.facts.bek, value: r.keyIn(s.keys.secretUrl, resourceName(s.keys.secretVaultId ?? '')) }] : []),
      ...(s.keys?.kekUrl ? [{ title: r.facts.kek, value: r.keyIn(s.keys.kekUrl, resourceName(s.keys.kekVaultId ?? '')) }] : []),
    ],
    intro: r.summaryIntro,
    creates,
    notes: isAde(p.vm.encryption) ? r.adeNextSteps : [],
    pendingId,
    labels: { confirm: r.confirmButton, cancel: m.backup.cancelButton },
  });
}
