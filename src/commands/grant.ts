/**
 * `grant backup access <vm | key vault>`: start a request for Azure Backup to read a Key Vault. Operators may request;
 * only approvers (never the requester) decide, on the card this posts.
 */
import { requestForKeyVault, requestForVm } from '../flows/request-grant';
import { resolveVm } from '../flows/resolve-vm';
import { parseVmQuery } from '../core/vm';
import type { Command } from '../core/types';

const KEY_VAULT_NAME = /^[a-zA-Z][a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$/;

export const grant: Command = {
  name: 'grant',
  patterns: [
    /^(?:grant|request) (?:backup )?access (?:to |for |on )?(?<target>\S+)$/i,
    /^(?<target>[^\sのへに]+) ?(?:の|への|に)?(?:バックアップ ?)?(?:アクセス|アクセス権)(?:を)?(?:申請|付与|要求)(?:して|する)?$/,
    /^(?:アクセス申請|アクセス権申請) (?<target>\S+)$/,
  ],
  keywords: ['grant', 'access', 'アクセス', '申請'],
  access: 'operator',
  describe: (m) => ({ usage: m.approval.usage.grant, description: m.approval.description.grant }),
  async handle(ctx, args) {
    const target = (args.target ?? args.vm ?? '').trim();
    const query = parseVmQuery(target);
    const azure = ctx.services.azure;
    if (query) {
      const vms = await azure.findVms(query.name, query.resourceGroup);
      if (vms.length === 1) return requestForVm(ctx, vms[0]);
      if (vms.length > 1) {
        await resolveVm(ctx, target, 'grant', ctx.msg.approval.usage.grant); // asks which one
        return;
      }
    }
    if (KEY_VAULT_NAME.test(target)) {
      const vaults = await azure.findKeyVaults(target);
      if (vaults.length >= 1) return requestForKeyVault(ctx, vaults[0]);
    }
    await ctx.send({
      text:
        query || KEY_VAULT_NAME.test(target)
          ? ctx.msg.approval.notFound(target)
          : ctx.msg.vmLookup.invalidName(target.slice(0, 80)),
    });
  },
};
