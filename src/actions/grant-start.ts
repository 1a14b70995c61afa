/**
 * `grant.start`: "Request Key Vault access" on a check, backup or job card. The VM is re-resolved from Azure; the card
 * it came from is remembered so it can be made actionable again once access is granted.
 */
import type { Origin } from '../approvals/key-vault-grant';
import { requestForVm } from '../flows/request-grant';
import { parseVmQuery } from '../core/vm';
import type { CardAction } from '../core/types';
import { Verbs } from './verbs';

export const grantStart: CardAction<{ vm: string; from?: Origin['kind'] }> = {
  verb: Verbs.grantStart,
  access: 'operator',
  parse(data) {
    const vm = typeof data.vm === 'string' ? data.vm : '';
    const from = data.from === 'check' || data.from === 'backup' ? data.from : undefined;
    return parseVmQuery(vm)?.resourceGroup ? { vm, from } : undefined;
  },
  async handle(ctx, { vm, from }) {
    const query = parseVmQuery(vm)!;
    const activityId = ctx.cardActivityId;
    ctx.background(async () => {
      const [ref] = await ctx.services.azure.findVms(query.name, query.resourceGroup);
      if (!ref) return void (await ctx.send({ text: ctx.msg.vmLookup.notFound(vm) }));
      await requestForVm(ctx, ref, from && activityId ? { kind: from, activityId, vmKey: vm } : undefined);
    });
    return { text: ctx.msg.vmLookup.chosen(vm) };
  },
};
