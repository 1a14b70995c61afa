/**
 * Step 2 of an ADE plan: protect the linked new VM with the old VM's policy (an Enhanced one when the new VM uses
 * Trusted Launch), through the same protect confirmation `protect <vm>` shows — the bot writes nothing here. The
 * plan then waits for the new VM's ConfigureBackup job (plan-observer.ts).
 */
import type { HandlerContext } from '../core/types';
import { vmKey } from '../core/vm';
import { awaitJob } from '../migration/await-jobs';
import { choosePolicy, type PolicyChoice } from '../migration/plan-view';
import type { MigrationPlan } from '../migration/plan';
import { getPlan } from '../migration/store';
import { configuredVaults, vaultInRegion } from '../rules/vault-for-region';
import { parseVmQuery } from '../core/vm';
import { sendProtectConfirmation } from './offer-protect';

/** The vault of the new VM's region and the policy it gets; `undefined` when no configured vault is in that region. */
export async function newVmPolicy(
  ctx: HandlerContext,
  plan: MigrationPlan,
): Promise<{ vaultId: string; vaultName: string; choice: PolicyChoice } | undefined> {
  const { azure, config } = ctx.services;
  const newVm = plan.newVm;
  if (!newVm) return undefined;
  const [vaults, candidate] = await Promise.all([
    configuredVaults(azure, config.recoveryVaultIds),
    azure.getMigrationVm(newVm),
  ]);
  const vault = vaultInRegion(vaults, newVm.location);
  if (!vault) return undefined;
  const policies = await azure.listVaultPolicies(vault.id);
  return {
    vaultId: vault.id,
    vaultName: vault.name,
    choice: choosePolicy(plan.oldPolicyName, policies, candidate.vm.securityType === 'TrustedLaunch'),
  };
}

/** `vm`: the old VM as `resourceGroup/name`. */
export async function offerNewVmProtection(ctx: HandlerContext, vm: string): Promise<void> {
  const { azure, store, clock } = ctx.services;
  const w = ctx.msg.ade.plan;
  const query = parseVmQuery(vm);
  const [old] = query ? await azure.findVms(query.name, query.resourceGroup) : [];
  const plan = old && (await getPlan(store, old.id))?.value;
  if (!old || !plan) return void (await ctx.send({ text: w.noPlan(vm) }));
  if (plan.stage !== 'backedUp' || !plan.newVm) return void (await ctx.send({ text: w.notYet(vm) }));
  const target = plan.newVm;
  const found = await newVmPolicy(ctx, plan);
  if (found?.choice.why === 'noEnhanced') return void (await ctx.send({ text: w.noEnhanced(found.vaultName) }));
  const policy = found?.choice.policy;
  if (found && policy) {
    await ctx.send({
      text: w.choosing(vmKey(target), (w.policyWhy[found.choice.why] ?? ((p: string) => p))(policy.name)),
    });
    await awaitJob(store, {
      planVmId: plan.vm.id,
      jobVmName: target.name,
      vaultId: found.vaultId,
      operation: 'ConfigureBackup',
      since: clock.now(),
    });
  }
  // Without a vault in the region, the protect flow says so (and names the configured ones).
  await sendProtectConfirmation(ctx, target, policy?.name);
}
