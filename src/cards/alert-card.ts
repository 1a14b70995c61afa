/** Data for `cards/alert.json`: the failure, its advice from the catalog, and the button that fixes it. */
import { adviceFor } from '../rules/error-advice';
import { resourceName } from '../azure/port';
import type { Card } from '../core/poster';
import { renderCard } from './render';
import { formatTime, messages } from '../i18n';
import type { Alert } from '../watch/alert';

export function alertCard(a: Alert): Card {
  const m = messages(a.locale);
  const w = m.watch;
  const advice = adviceFor(m, a.error.code);
  const resolved = a.status === 'resolved';
  return renderCard('alert', {
    title: resolved
      ? w.resolvedTitle(a.vmName)
      : a.kind === 'warning'
        ? w.warningTitle(a.vmName)
        : w.alertTitle(a.vmName),
    color: resolved ? 'Good' : a.kind === 'warning' ? 'Warning' : 'Attention',
    status: w.status[a.status],
    facts: [
      { title: w.vm, value: a.vmKey ?? a.vmName },
      { title: w.vault, value: resourceName(a.vaultId) },
      ...(a.policyName ? [{ title: w.policy, value: a.policyName }] : []),
      {
        title: w.time,
        value: `${formatTime(a.locale, new Date(a.lastAt))} (${a.scheduled ? w.scheduled : w.onDemand})`,
      },
      { title: w.count, value: String(a.count) },
      ...(a.resolvedAt ? [{ title: w.resolvedAt, value: formatTime(a.locale, new Date(a.resolvedAt)) }] : []),
    ],
    error: { code: a.error.code, message: a.error.message, meaning: advice.meaning, next: advice.next },
    errorStyle: resolved ? 'default' : 'attention',
    vmKey: a.vmKey ?? '',
    buttons: {
      grant: !resolved && !!a.vmKey && advice.fix === 'requestKeyVaultAccess',
      backup: !resolved && !!a.vmKey,
    },
    labels: { grant: m.common.buttons.grant, backup: m.common.buttons.backup },
  });
}
