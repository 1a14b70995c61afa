/**
 * Data for `cards/restore-form.json`: the recovery points and the restore types, regions and targets this VM allows.
 */
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
      { title: m.common.facts.vm, value: `${p.vm.resourceGroup}/${p.vm.name} · ${p.vm.location} · ${p.vm.osType}` },
      { title: m.common.facts.encryption, value: m.encryption[p.vm.encryption] },
      { title: m.common.facts.vault, value: `${p.vault.name} (${p.vault.location})` },
    ],
    notes,
    points: p.points.map((x) => ({
      title: `${formatTime(locale, new Date(x.time))} · ${m.common.consistency[x.consistency] ?? x.consistency} · ${x.tiers.join(' + ')}`,
      value: x.name,
    })),
    kinds: p.choices.kinds.map((k) => ({ title: r.kinds[k], value: k })),
    regions: p.choices.regions.map((x) => ({
      title: x.crossRegion ? r.pairedRegion(x.region) : r.sameRegion(x.region),
      value: x.region,
    })),
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
      cancel: m.common.cancel,
    },
  });
}
