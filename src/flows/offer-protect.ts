/**
 * The protect confirmation: the vault of the VM's region, its IaaS VM policies in plain words (the requested or
 * default one preselected), the Key Vault warning for ADE VMs, and a pending confirmation holding the allowed choices.
 */
import type { VmRef } from '../azure/port';
import type { HandlerContext } from '../core/types';
import { renderCard } from '../cards/render';
import { vmKey, vmSummary } from '../core/vm';
import { createPending } from '../confirmations/pending';
import type { ProtectPayload } from '../confirmations/payloads';
import { describePolicy } from '../i18n/policy-words';
import { resourceName } from '../azure/port';
import { needsKeyVaultAccess, runPreflight } from '../rules/preflight';
import { configuredVaults, vaultInRegion } from '../rules/vault-for-region';

/** Sends the card, or the reason there is none (already protected, no vault in the region, no such policy). */
export async function sendProtectConfirmation(ctx: HandlerContext, ref: VmRef, policyName?: string): Promise<void> {
  const { azure, config, clock, store } = ctx.services;
  const p = ctx.msg.protect;
  const preflight = await runPreflight(azure, ref, config.backupManagementObjectId ?? '');
  if (preflight.protection) {
    await ctx.send({ text: p.alreadyProtected(ref.name, preflight.protection.policyName ?? ctx.msg.common.unknown, resourceName(preflight.protection.vaultId)) });
    return;
  }
  const vaults = await configuredVaults(azure, config.recoveryVaultIds);
  const vault = vaultInRegion(vaults, ref.location);
  if (!vault) {
    await ctx.send({ text: p.noVaultInRegion(ref.name, ref.location, vaults.map((v) => `${v.name} (${v.location})`).join(', ') || ctx.msg.common.none) });
    return;
  }
  const policies = await azure.listPolicies(vault.id);
  if (!policies.length) return void (await ctx.send({ text: p.noPolicies(vault.name) }));
  const chosen = policyName ? policies.find((x) => x.name.toLowerCase() === policyName.toLowerCase()) : policies.find((x) => x.name === 'DefaultPolicy') ?? policies[0];
  if (!chosen) return void (await ctx.send({ text: p.unknownPolicy(policyName ?? '', policies.map((x) => x.name).join(', ')) }));
  const { vm } = preflight;
  const pending = await createPending<ProtectPayload>(store, {
    kind: 'protect',
    requestedBy: ctx.user,
    conversationId: ctx.conversation.id,
    locale: ctx.locale,
    createdAt: clock.now(),
    payload: {
      vm: vmSummary(vm),
      vaultId: vault.id,
      policies: policies.map(({ id, name }) => ({ id, name })),
    },
  });
  const kv = preflight.problems.find((x) => x.code === 'KeyVaultAccessMissing');
  const card = renderCard('protect-confirm', {
    title: p.title(vm.name),
    facts: [
      { title: ctx.msg.backup.vm, value: `${vm.resourceGroup}/${vm.name} · ${vm.location}` },
      { title: ctx.msg.backup.encryption, value: ctx.msg.encryption[vm.encryption] },
      { title: p.vault, value: `${vault.name} (${vault.location})` },
    ],
    warnings: [...(kv && kv.code === 'KeyVaultAccessMissing' ? [p.kvWarning(kv.vault)] : []), ...(vm.agent.state !== 'Ready' ? [p.agentWarning] : [])],
    policyLabel: p.policyLabel,
    policies: policies.map((x) => ({ id: x.id, title: describePolicy(ctx.msg, x) })),
    selected: chosen.id,
    pendingId: pending.id,
    vmKey: vmKey(vm),
    buttons: { grant: needsKeyVaultAccess(preflight) },
    labels: { confirm: p.confirmButton, cancel: ctx.msg.backup.cancelButton, grant: ctx.msg.check.grantButton },
  });
  await ctx.send({ card });
}
