/**
 * `restore <vm>`: recovery points and the restore types this VM allows, on a form. Operators only (a restore costs).
 */
import { isAde, resourceName } from '../azure/port';
import { createPending } from '../confirmations/pending';
import { restoreChoices } from '../rules/restore-options';
import type { RestorePayload } from '../confirmations/payloads';
import { resolveVm } from '../flows/resolve-vm';
import { vmSummary } from '../core/vm';
import type { Command } from '../core/types';
import { restoreFormCard } from '../cards/restore-form-card';

const SHOWN_POINTS = 20;

export const restore: Command = {
  name: 'restore',
  patterns: [
    /^restore (?<files>files?|file-level|folders?) (?:(?:of|from|on|for) )?(?<vm>\S+)$/i,
    /^restore (?<vm>\S+) (?<files>files?|file-level|folders?)$/i,
    /^(?<files>files?|file-level|folders?) restore (?:(?:of|from|on|for) )?(?<vm>\S+)$/i,
    /^(?<vm>[^\sの]+) ?の ?(?<files>ファイル|フォルダー)(?:を)?(?:復元|リストア)(?:して|する)?$/,
    /^restore (?<vm>\S+)$/i,
    /^(?<vm>\S+) restore$/i,
    /^(?<vm>[^\sを]+) ?を ?(?:復元|リストア)(?:して|する)?$/,
    /^(?:復元|リストア) (?<vm>\S+)$/,
  ],
  keywords: ['restore', '復元', 'リストア'],
  access: 'operator',
  describe: (m) => ({ usage: m.restore.usage, description: m.restore.description }),
  async handle(ctx, args) {
    const ref = await resolveVm(ctx, args.vm, 'restore', ctx.msg.restore.usage);
    if (!ref) return;
    const { azure, store, clock } = ctx.services;
    const [vm, protection] = await Promise.all([azure.getVm(ref), azure.getProtection(ref)]);
    if (args.files) {
      const r = ctx.msg.restore;
      return void (await ctx.send({
        text: isAde(vm.encryption)
          ? `${r.notForAde.FileRestore} ${r.invalid.nothingChanged}`
          : r.fileRestorePortal(vm.name),
      }));
    }
    if (!protection) return void (await ctx.send({ text: ctx.msg.restore.notProtected(vm.name) }));
    const [points, vault] = await Promise.all([
      azure.listRecoveryPoints(protection),
      azure.getRecoveryVault(protection.vaultId),
    ]);
    if (!points.length) return void (await ctx.send({ text: ctx.msg.restore.noPoints(vm.name) }));
    const payload: RestorePayload = {
      vm: vmSummary(vm),
      vault: { id: vault.id, name: resourceName(vault.id), location: vault.location },
      item: {
        vaultId: protection.vaultId,
        containerName: protection.containerName,
        protectedItemName: protection.protectedItemName,
      },
      points: points
        .slice(0, SHOWN_POINTS)
        .map((p) => ({ name: p.name, time: p.time.toISOString(), consistency: p.consistency, tiers: p.tiers })),
      choices: restoreChoices(vm.encryption, vault),
    };
    const pending = await createPending(store, {
      kind: 'restore',
      requestedBy: ctx.user,
      conversationId: ctx.conversation.id,
      locale: ctx.locale,
      createdAt: clock.now(),
      payload,
    });
    await ctx.send({ card: restoreFormCard(ctx.msg, ctx.locale, pending.id, payload) });
  },
};
