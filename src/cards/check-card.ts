/** Data for `cards/check.json`: the preflight in plain words, with the next step for every problem. */
import { isAde } from '../azure/port';
import type { Preflight, Problem } from '../rules/preflight';
import { formatTime, type Locale, type Messages } from '../i18n';
import { vmKey } from '../core/vm';
import { renderCard } from './render';
import type { Card } from '../core/poster';

function problemText(m: Messages, p: Problem): string {
  switch (p.code) {
    case 'KeyVaultAccessMissing':
      return m.check.problems.KeyVaultAccessMissing(p.vault);
    case 'KeyVaultUnreadable':
      return m.check.problems.KeyVaultUnreadable(p.vault, p.error);
    case 'AgentNotReady':
      return m.check.problems.AgentNotReady;
    case 'NotProtected':
      return m.check.problems.NotProtected;
    case 'ProtectionUnhealthy':
      return m.check.problems.ProtectionUnhealthy(p.state);
  }
}

function checkCardData(m: Messages, locale: Locale, p: Preflight, now: Date, more: string[]) {
  const { vm, protection } = p;
  const c = m.check;
  const facts = [
    { title: c.vm, value: `${vm.resourceGroup}/${vm.name} · ${vm.location} · ${vm.osType}` },
    { title: c.encryption, value: m.encryption[vm.encryption] },
    { title: c.disks, value: vm.managedDisks ? c.managed(vm.disks.length) : c.unmanaged(vm.disks.length) },
    ...p.keyVaults.map((kv) => ({
      title: c.keyVault,
      value: kv.info ? `${kv.name} (${c.permissionModel[kv.info.permissionModel]})` : kv.name,
    })),
    ...p.keyVaults.map((kv) => ({
      title: c.backupAccess,
      value: kv.error
        ? c.accessUnknown(kv.error)
        : kv.access?.granted
          ? c.accessGranted(kv.access.model === 'accessPolicy' ? c.viaPolicy : (kv.access.via ?? ''))
          : c.accessMissing(kv.access?.missing.join('; ') ?? ''),
    })),
    { title: c.agent, value: c.agentState[vm.agent.state] + (vm.agent.version ? ` (${vm.agent.version})` : '') },
    {
      title: c.protection,
      value: protection
        ? c.protectedIn(protection.vaultId.split('/').pop() ?? '', protection.policyName ?? m.common.unknown)
        : c.notProtected,
    },
    ...(protection
      ? [
          {
            title: c.lastBackup,
            value: protection.lastBackupTime
              ? c.lastBackupValue(
                  protection.lastBackupStatus ?? m.common.unknown,
                  `${formatTime(locale, protection.lastBackupTime)} (${m.time.ago(Math.round((now.getTime() - protection.lastBackupTime.getTime()) / 60000))})`,
                )
              : m.common.never,
          },
        ]
      : []),
  ];
  const needsGrant = p.problems.some((x) => x.code === 'KeyVaultAccessMissing');
  return {
    title: c.title(vm.name),
    facts,
    allGood: c.allGood,
    problemsTitle: c.problemsTitle,
    problems: [...p.problems.map((x) => problemText(m, x)), ...more],
    limitsTitle: c.limitsTitle,
    limits: isAde(vm.encryption) ? c.limits : [],
    vmKey: vmKey(vm),
    buttons: { grant: needsGrant, backup: !!protection && !needsGrant, protect: !protection },
    labels: { grant: m.common.buttons.grant, backup: m.common.buttons.backup, protect: m.common.buttons.protect },
  };
}

/** `more`: problems found beside the preflight (an ADE key hold at risk), already in words. */
export function checkCard(m: Messages, locale: Locale, p: Preflight, now: Date, more: string[] = []): Card {
  return renderCard('check', checkCardData(m, locale, p, now, more));
}
