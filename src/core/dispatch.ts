/**
 * The bot's core, free of botbuilder: text → command, card verb → action, conversation event → its handlers, with the
 * access check and the error boundary around every handler. The Teams edge calls these and nothing else.
 */
import { hasAccess } from './roles';
import { closest, route } from './router';
import { reportError } from './error-boundary';
import type { ActionResult, BotEvent, CardAction, Command, CommandArgs, EventHandler, HandlerContext } from './types';

export interface Dispatcher {
  onText(ctx: HandlerContext, text: string): Promise<void>;
  onAction(ctx: HandlerContext, verb: string, data: Record<string, unknown>): Promise<ActionResult>;
  /** Something that happened in the conversation, not said or clicked by anyone (the bot installed in a channel). */
  onEvent(ctx: HandlerContext, event: BotEvent): Promise<void>;
  runCommand(ctx: HandlerContext, command: Command, args: CommandArgs): Promise<void>;
}

export function createDispatcher(
  commands: () => readonly Command[],
  actions: () => readonly CardAction<unknown>[],
  events: readonly EventHandler[] = [],
): Dispatcher {
  async function runCommand(ctx: HandlerContext, command: Command, args: CommandArgs): Promise<void> {
    if (!hasAccess(ctx.services, ctx.user.id, command.access)) {
      await ctx.send({
        text: command.access === 'approver' ? ctx.msg.access.approversOnly : ctx.msg.access.operatorsOnly,
      });
      return;
    }
    try {
      await command.handle(ctx, args);
    } catch (error) {
      await ctx.send({ text: reportError(ctx.log, ctx.msg, error, `command:${command.name}`) });
    }
  }

  return {
    runCommand,
    async onText(ctx, text) {
      const match = route(commands(), text);
      if (match) return runCommand(ctx, match.command, match.args);
      if (!text.trim()) {
        await ctx.send({ text: ctx.msg.unknown.empty });
        return;
      }
      const near = closest(commands(), text);
      const usage = near?.describe(ctx.msg).usage;
      await ctx.send({
        text: `${ctx.msg.unknown.text(text.slice(0, 100))} ${usage ? ctx.msg.unknown.closest(usage) : ctx.msg.unknown.noClosest}`,
      });
    },
    async onAction(ctx, verb, data) {
      const action = actions().find((a) => a.verb === verb);
      if (!action) return { text: ctx.msg.access.unknownAction };
      const parsed = action.parse(data);
      if (parsed === undefined) return { text: ctx.msg.access.malformedAction };
      if (!hasAccess(ctx.services, ctx.user.id, action.access)) {
        return { text: action.access === 'approver' ? ctx.msg.access.approversOnly : ctx.msg.access.operatorsOnly };
      }
      try {
        return await action.handle(ctx, parsed);
      } catch (error) {
        return { text: reportError(ctx.log, ctx.msg, error, `action:${verb}`) };
      }
    },
    async onEvent(ctx, event) {
      for (const handler of events.filter((e) => e.event === event)) {
        // Nobody asked, so nobody is told: a failure is logged with its correlation id only.
        await handler.handle(ctx).catch((error) => void reportError(ctx.log, ctx.msg, error, `event:${event}`));
      }
    },
  };
}
