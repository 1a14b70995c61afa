/**
 * The protect confirmation: the vault of the VM's region, its IaaS VM policies (the requested or default one
 * preselected), and a pending confirmation holding the allowed choices — or the reason there is none.
 */
import { resourceName, type VmRef } from '../azure/port';
import { protectConfirmCard } from '../cards/protect-confirm-card';
import type { ProtectPayload } from '../confirmations/payloads';
import { createPending } from '../confirmations/pending';
import type { HandlerContext } from '../core/types';
import { vmSummary } from '../core/vm';
import { runPreflight } from '../rules/preflight';
import { configuredVaults, vaultInRegion } from '../rules/vault-for-region';

/** Sends the card, or the reason there is none (already protected, no vault in the region, no such policy). */
export async function sendProtectConfirmation(ctx: HandlerContext, ref: VmRef, policyName?: string): Promise<void> {
  const { azure, config, clock, store } = ctx.services;
  const p = ctx.msg.protect;
  const preflight = await runPreflight(azure, ref, config.backupManagementObjectId ?? '');
  if (preflight.protection) {
    await ctx.send({
      text: p.alreadyProtected(
        ref.name,
        preflight.protection.policyName ?? ctx.msg.common.unknown,
        resourceName(preflight.protection.vaultId),
      ),
    });
    return;
  }
  const vaults = await configuredVaults(azure, config.recoveryVaultIds);
  const vault = vaultInRegion(vaults, ref.location);
  if (!vault) {
    await ctx.send({
      text: p.noVaultInRegion(
        ref.name,
        ref.location,
        vaults.map((v) => `${v.name} (${v.location})`).join(', ') || ctx.msg.common.none,
      ),
    });
    return;
  }
  const policies = await azure.listPolicies(vault.id);
  if (!policies.length) return void (await ctx.send({ text: p.noPolicies(vault.name) }));
  const chosen = policyName
    ? policies.find((x) => x.name.toLowerCase() === policyName.toLowerCase())
    : (policies.find((x) => x.name === 'DefaultPolicy') ?? policies[0]);
  if (!chosen)
    return void (await ctx.send({ text: p.unknownPolicy(policyName ?? '', policies.map((x) => x.name).join(', ')) }));
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
  const card = protectConfirmCard(ctx.msg, preflight, vault, policies, { selected: chosen.id, pendingId: pending.id });
  await ctx.send({ card });
}
