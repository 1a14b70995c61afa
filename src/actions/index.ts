/** Every card action, one per verb. */
import type { CardAction } from '../bot/types';
import type { Dispatcher } from '../bot/dispatch';
import { commands } from '../commands';
import { chooseVm } from './choose-vm';

export function createActions(dispatcher: () => Dispatcher): readonly CardAction<any>[] {
  return [chooseVm(() => commands, (ctx, command, args) => dispatcher().runCommand(ctx, command, args))];
}
