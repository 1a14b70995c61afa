/** Data for `cards/backup-confirm.json`: the confirmation, or the blocked card that offers the fix instead. */
import { isAde, resourceName } from '../azure/port';
import type { Preflight } from '../rules/preflight';
import { retentionBounds } from '../rules/retention';
import { vmKey } from '../core/vm';
import type { Card } from '../core/poster';
import { formatTime, type Locale, type Messages } from '../i18n';
import { renderCard } from './render';

export function backupCard(
  m: Messages,
  locale: Locale,
  p: Preflight,
  options: { pendingId?: string; retainUntil: string; now: number },
): Card {
  const b = m.backup;
  const { vm, protection } = p;
  const kvMissing = p.problems.find((x) => x.code === 'KeyVaultAccessMissing');
  const canBackUp = !!protection && !kvMissing && !!options.pendingId;
  const { min, max } = retentionBounds(options.now);
  const warnings = [
    ...(kvMissing && kvMissing.code === 'KeyVaultAccessMissing' ? [b.wouldFailKv(kvMissing.vault)] : []),
    ...(!protection ? [b.notProtected(vm.name)] : []),
    ...(canBackUp && vm.agent.state !== 'Ready' ? [b.agentWarning] : []),
  ];
  return renderCard('backup-confirm', {
    title: canBackUp ? b.confirmTitle(vm.name) : b.blockedTitle(vm.name),
    facts: [
      { title: m.common.facts.vm, value: `${vm.resourceGroup}/${vm.name} · ${vm.location}` },
      {
        title: m.common.facts.encryption,
        value:
          m.encryption[vm.encryption] + (isAde(vm.encryption) && p.keyVaults[0] ? ` · ${p.keyVaults[0].name}` : ''),
      },
      ...(protection
        ? [
            { title: m.common.facts.vault, value: resourceName(protection.vaultId) },
            { title: b.policy, value: protection.policyName ?? m.common.unknown },
            {
              title: b.lastBackup,
              value: protection.lastBackupTime
                ? `${protection.lastBackupStatus ?? ''} ${formatTime(locale, protection.lastBackupTime)}`.trim()
                : m.common.never,
            },
          ]
        : []),
    ],
    warnings,
    retainLabel: b.retainLabel,
    retainHint: b.retainHint,
    retainUntil: options.retainUntil,
    minDate: min,
    maxDate: max,
    invalidDate: b.invalidDate(max),
    pendingId: options.pendingId ?? '',
    vmKey: vmKey(vm),
    buttons: { confirm: canBackUp, grant: !!kvMissing, protect: !protection },
    labels: {
      confirm: b.confirmButton,
      cancel: m.common.cancel,
      grant: m.common.buttons.grant,
      protect: m.common.buttons.protect,
    },
  });
}
