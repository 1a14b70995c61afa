/** `vm.choose`: one of several same-named VMs was picked; re-run the command for `resourceGroup/name`. */
import type { CardAction, Command, CommandArgs, HandlerContext } from '../bot/types';
import { parseVmQuery } from '../bot/resolve-vm';
import { Verbs } from './verbs';

type Run = (ctx: HandlerContext, command: Command, args: CommandArgs) => Promise<void>;

export function chooseVm(commands: () => readonly Command[], run: Run): CardAction<{ command: Command; vm: string }> {
  return {
    verb: Verbs.chooseVm,
    access: 'anyone',
    parse(data) {
      const command = commands().find((c) => c.name === data.command);
      const vm = typeof data.vm === 'string' ? data.vm : '';
      return command && parseVmQuery(vm)?.resourceGroup ? { command, vm } : undefined;
    },
    async handle(ctx, { command, vm }) {
      ctx.background(() => run(ctx, command, { vm })); // the command checks its own access again
      return { text: ctx.msg.vmLookup.chosen(vm) };
    },
  };
}
