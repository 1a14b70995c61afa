/**
 * Buttons that start a command for a VM ("Back up now" on a check card, a VM picked among same-named ones): the click
 * is
 * answered at once and the command runs as if typed, with its own access check.
 */
import type { CardAction, Command, CommandArgs, HandlerContext } from '../core/types';
import { parseVmQuery } from '../core/vm';

export type RunCommand = (ctx: HandlerContext, command: Command, args: CommandArgs) => Promise<void>;

export function runCommandAction(
  verb: string,
  commands: () => readonly Command[],
  run: RunCommand,
  fixed?: string,
): CardAction<{ command: Command; vm: string }> {
  return {
    verb,
    access: 'anyone',
    parse(data) {
      const command = commands().find((c) => c.name === (fixed ?? data.command));
      const vm = typeof data.vm === 'string' ? data.vm : '';
      return command && parseVmQuery(vm)?.resourceGroup ? { command, vm } : undefined;
    },
    async handle(ctx, { command, vm }) {
      ctx.background(() => run(ctx, command, { vm }));
      return { text: ctx.msg.vmLookup.chosen(vm) };
    },
  };
}
