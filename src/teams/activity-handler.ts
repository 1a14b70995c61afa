/**
 * The Teams edge: turns activities into calls on the dispatcher — a message into text, a card click
 * (`adaptiveCard/action`) into a verb and its data, the bot's installation in a team channel into an event. It strips
 * the @mention, picks the language, remembers the conversation reference (so job updates reach the thread after a
 * restart), and answers card clicks with the handler's card or text.
 */
import {
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type InvokeResponse,
} from 'botbuilder';
import type { Dispatcher } from '../core/dispatch';
import type { HandlerContext, Services } from '../core/types';
import { messages, pickLocale } from '../i18n';
import type { Messenger } from './messenger';
import { toInvokeResponse } from './activities';
import { channelOf, referenceKeeper } from './conversations';
import { reportError } from '../core/error-boundary';
import { timedPort } from '../azure/timed-port';

export interface BotDeps {
  services: Services;
  dispatcher: Dispatcher;
  messenger: Messenger;
  /** Collects background work so shutdown (and tests) can wait for it. */
  track: (work: Promise<void>) => void;
}

export class BackupBot extends TeamsActivityHandler {
  /** Keeps each conversation's reference durable (job updates and alerts reach the thread after a restart). */
  private readonly remember: ReturnType<typeof referenceKeeper>;

  constructor(private readonly deps: BotDeps) {
    super();
    this.remember = referenceKeeper(deps.services.store);
    this.onMessage(async (context, next) => {
      const text = TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '';
      await this.inTurn(context, text, { msg: 'message', length: text.length }, (ctx) =>
        this.deps.dispatcher.onText(ctx, text.replace(/<at>[^<]*<\/at>/g, '').trim()),
      );
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botAdded = context.activity.membersAdded?.some((m) => m.id === context.activity.recipient.id);
      if (botAdded && context.activity.conversation.conversationType === 'channel') {
        await this.inTurn(context, '', { msg: 'installed in a channel' }, (ctx) =>
          this.deps.dispatcher.onEvent(ctx, 'installedInChannel'),
        );
      }
      await next();
    });
  }

  /** botbuilder reads `value.action.type` unguarded: a click without an action object would end the turn in a 501. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const action = (context.activity.value as { action?: unknown } | null | undefined)?.action;
    if (
      context.activity.name === 'adaptiveCard/action' &&
      (!action || typeof action !== 'object' || Array.isArray(action))
    ) {
      const text = messages(pickLocale(context.activity.locale, '')).access.malformedAction;
      return { status: 200, body: toInvokeResponse({ text }) };
    }
    return super.onInvokeActivity(context);
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    value: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const verb = typeof value?.action?.verb === 'string' ? value.action.verb : '';
    const data = value?.action?.data && typeof value.action.data === 'object' ? value.action.data : {};
    return this.inTurn(context, '', { msg: 'card action', verb }, async (turnCtx) => {
      const ctx = { ...turnCtx, cardActivityId: context.activity.replyToId };
      return toInvokeResponse(await this.deps.dispatcher.onAction(ctx, verb, data));
    });
  }

  /**
   * Runs `handle` with the handler context of this turn. While the turn runs, its writes go through the turn's own
   * context; once it has ended (botbuilder revokes that context) or handed work to the background, through the
   * messenger's proactive path. The turn's log line (`what`) is written when it ends, with how long it took and how
   * much of that was spent waiting on Azure.
   */
  private async inTurn<T>(
    context: TurnContext,
    text: string,
    what: { msg: string } & Record<string, unknown>,
    handle: (ctx: HandlerContext) => Promise<T>,
  ): Promise<T> {
    const { messenger, track } = this.deps;
    const started = performance.now();
    const azure = timedPort(this.deps.services.azure);
    const services = { ...this.deps.services, azure: azure.port };
    const activity = context.activity;
    const conversationId = activity.conversation.id;
    await this.remember(TurnContext.getConversationReference(activity));
    const locale = pickLocale(activity.locale, text);
    const log = services.log.child({ activityId: activity.id, conversationId });
    let live: TurnContext | undefined = context;
    const ctx: HandlerContext = {
      user: { id: activity.from.aadObjectId ?? '', name: activity.from.name ?? '' },
      conversation: { id: conversationId, channelId: channelOf(conversationId) },
      locale,
      msg: messages(locale),
      log,
      services,
      send: (message) => messenger.send(conversationId, message, live),
      update: (activityId, message) => messenger.update(conversationId, activityId, message, live),
      // Work after the answer reports its own failure in the thread, through the one error boundary.
      background: (work) => {
        live = undefined; // background work outlives the turn: it must not write through the turn's context
        track(
          work().catch(async (error) => {
            const m = messages(locale);
            await messenger
              .send(conversationId, { text: reportError(log, m, error, 'background') })
              .catch(() => undefined);
          }),
        );
      },
    };
    try {
      return await handle(ctx);
    } finally {
      live = undefined;
      const { msg, ...fields } = what;
      const spent = azure.spent();
      const tenths = (x: number) => Math.round(x * 10) / 10;
      log.info(msg, {
        ...fields,
        ms: tenths(performance.now() - started),
        azureMs: tenths(spent.ms),
        azureCalls: spent.calls,
      });
    }
  }
}
