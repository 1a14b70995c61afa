/**
 * Data for `cards/protect-confirm.json`: the VM, the vault of its region, the vault's policies in plain words (one
 * preselected), and what would make its backups fail (the Key Vault, the agent), with the fix button.
 */
import type { BackupPolicyInfo, RecoveryVaultInfo } from '../azure/port';
import type { Card } from '../core/poster';
import { vmKey } from '../core/vm';
import type { Messages } from '../i18n';
import { describePolicy } from '../i18n/policy-words';
import { needsKeyVaultAccess, type Preflight } from '../rules/preflight';
import { renderCard } from './render';

export function protectConfirmCard(
  m: Messages,
  preflight: Preflight,
  vault: RecoveryVaultInfo,
  policies: BackupPolicyInfo[],
  options: { selected: string; pendingId: string },
): Card {
  const p = m.protect;
  const { vm } = preflight;
  const kv = preflight.problems.find((x) => x.code === 'KeyVaultAccessMissing');
  return renderCard('protect-confirm', {
    title: p.title(vm.name),
    facts: [
      { title: m.common.facts.vm, value: `${vm.resourceGroup}/${vm.name} · ${vm.location}` },
      { title: m.common.facts.encryption, value: m.encryption[vm.encryption] },
      { title: p.vault, value: `${vault.name} (${vault.location})` },
    ],
    warnings: [
      ...(kv && kv.code === 'KeyVaultAccessMissing' ? [p.kvWarning(kv.vault)] : []),
      ...(vm.agent.state !== 'Ready' ? [p.agentWarning] : []),
    ],
    policyLabel: p.policyLabel,
    policies: policies.map((x) => ({ id: x.id, title: describePolicy(m, x) })),
    selected: options.selected,
    pendingId: options.pendingId,
    vmKey: vmKey(vm),
    buttons: { grant: needsKeyVaultAccess(preflight) },
    labels: { confirm: p.confirmButton, cancel: m.common.cancel, grant: m.common.buttons.grant },
  });
}
