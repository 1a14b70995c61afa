/**
 * Starts a Key Vault access request for a VM (the vault(s) holding its BEK/KEK) or a Key Vault by name: works out the
 * least-privilege grant, says so when nothing is missing, and otherwise shows the requester the request card.
 */
import { isAde, type KeyVaultInfo, type VmRef } from '../azure/port';
import { vmKey } from '../core/vm';
import type { HandlerContext } from '../core/types';
import { approvalCard } from '../cards/approval-card';
import { planGrant, type GrantPlan } from '../approvals/grant-plan';
import { keyVaultGrant, type Origin } from '../approvals/key-vault-grant';
import { requestMachine } from '../approvals/machine';

async function requestFor(
  ctx: HandlerContext,
  vault: KeyVaultInfo,
  vms: GrantPlan['vms'],
  origin?: Origin,
): Promise<void> {
  const { azure, config, clock } = ctx.services;
  const { plan, current } = await planGrant(
    azure,
    vault,
    config.backupManagementObjectId ?? '',
    vms,
    config.keyVaultBackupRoleId,
  );
  if (current.granted) {
    await ctx.send({ text: ctx.msg.approval.alreadyGranted(vault.name, current.via ?? '') });
    return;
  }
  const request = await requestMachine(ctx.services, keyVaultGrant).draft({
    plan,
    requester: ctx.user,
    conversationId: ctx.conversation.id,
    locale: ctx.locale,
    origin,
  });
  await ctx.send({ card: approvalCard(request, clock.now()) });
}

export async function requestForVm(ctx: HandlerContext, ref: VmRef, origin?: Origin): Promise<void> {
  const vm = await ctx.services.azure.getVm(ref);
  if (!isAde(vm.encryption) || !vm.ade) {
    await ctx.send({ text: ctx.msg.approval.notAde(vm.name) });
    return;
  }
  const ids = new Map<string, string>();
  for (const id of [vm.ade.secretVaultId, vm.ade.kekVaultId]) if (id) ids.set(id.toLowerCase(), id);
  for (const id of ids.values()) {
    const vault = await ctx.services.azure.getKeyVault(id);
    await requestFor(ctx, vault, [{ key: vmKey(vm), encryption: vm.encryption }], origin);
  }
}

export async function requestForKeyVault(ctx: HandlerContext, vault: KeyVaultInfo): Promise<void> {
  await requestFor(ctx, vault, []);
}
