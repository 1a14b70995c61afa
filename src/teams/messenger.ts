/**
 * Posting and updating messages in a chat or thread at any time: during a turn through the turn's own context, long
 * after it through the adapter's proactive path and a conversation reference kept in durable state. Every write
 * waits for Teams' per-conversation limits and retries 429/412/502/504 honouring `Retry-After`, with exponential
 * back-off and jitter, so a final job state is never lost to throttling.
 */
import { TeamsInfo, type CloudAdapter, type ConversationReference, type TurnContext } from 'botbuilder';
import type { Outgoing, Poster } from '../core/poster';
import type { Clock } from '../clock';
import type { Logger } from '../log';
import type { StateStore } from '../state/store';
import { toActivity } from './activities';
import { storedReference } from './conversations';
import { ConversationRateLimiter } from './rate-limit';

/** The posting port, plus what only the Teams edge has: the context of a turn still running in the conversation. */
export interface Messenger extends Poster {
  /**
   * `turn`: the context of the turn still running in this conversation, if any (saves a store read and a proactive
   * turn).
   */
  send(conversationId: string, message: Outgoing, turn?: TurnContext): Promise<string | undefined>;
  update(conversationId: string, activityId: string, message: Outgoing, turn?: TurnContext): Promise<void>;
}

/** Runs a write's logic with a context of the conversation. */
type Runner = <T>(logic: (context: TurnContext) => Promise<T>) => Promise<T>;

const RETRYABLE = new Set([412, 429, 502, 503, 504]);

export interface MessengerOptions {
  adapter: Pick<CloudAdapter, 'continueConversationAsync'>;
  appId: string;
  store: StateStore;
  clock: Clock;
  log: Logger;
  sleep?: (ms: number) => Promise<void>;
  maxAttempts?: number;
}

function retryAfterMs(error: unknown): number | undefined {
  const headers = (error as { response?: { headers?: { get?(n: string): string | undefined } } }).response?.headers;
  const raw = headers?.get?.('retry-after');
  if (!raw) return undefined;
  const seconds = Number(raw);
  return Number.isFinite(seconds) ? seconds * 1000 : Math.max(0, Date.parse(raw) - Date.now());
}

/** Mentions given by Entra object id only get the member's display name from Teams; unknown members are left out. */
async function withMentionNames(context: TurnContext, message: Outgoing): Promise<Outgoing> {
  if (!message.mentions?.some((m) => !m.name)) return message;
  const named = await Promise.all(
    message.mentions.map(async (m) =>
      m.name ? m : { id: m.id, name: (await TeamsInfo.getMember(context, m.id).catch(() => undefined))?.name ?? '' },
    ),
  );
  return { ...message, mentions: named.filter((m) => m.name) };
}

export function createMessenger(options: MessengerOptions): Messenger {
  const { adapter, appId, store, clock, log } = options;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const maxAttempts = options.maxAttempts ?? 8;
  const limiter = new ConversationRateLimiter();
  // Writes to one conversation go out one at a time, in order (an update never overtakes the send it updates).
  const queues = new Map<string, Promise<unknown>>();

  /**
   * Runs `logic` in a proactive turn and rethrows what it threw: the adapter would otherwise hand the error to
   * `onTurnError` and resolve, and a throttled write would look delivered.
   */
  async function inTurn<T>(
    ref: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<T>,
  ): Promise<T> {
    let result: { value: T } | undefined;
    let failure: { error: unknown } | undefined;
    await adapter.continueConversationAsync(appId, ref, async (context) => {
      try {
        result = { value: await logic(context) };
      } catch (error) {
        failure = { error };
      }
    });
    if (failure) throw failure.error;
    return result!.value;
  }

  /** The running turn's context when there is one, else a proactive turn on the stored reference. */
  async function runner(conversationId: string, turn: TurnContext | undefined): Promise<Runner> {
    if (turn) return (logic) => logic(turn);
    const ref = await storedReference(store, conversationId);
    return (logic) => inTurn(ref, logic);
  }

  async function write<T>(
    conversationId: string,
    op: string,
    turn: TurnContext | undefined,
    logic: (context: TurnContext) => Promise<T>,
  ): Promise<T> {
    const run = await runner(conversationId, turn);
    for (let attempt = 1; ; attempt++) {
      const wait = limiter.delay(conversationId, clock.now());
      if (wait > 0) await sleep(wait);
      limiter.record(conversationId, clock.now());
      try {
        return await run(logic);
      } catch (error) {
        const status = (error as { statusCode?: number }).statusCode;
        if (!status || !RETRYABLE.has(status) || attempt >= maxAttempts) throw error;
        const backoff = retryAfterMs(error) ?? Math.min(30_000, 500 * 2 ** (attempt - 1)) * (0.8 + Math.random() * 0.4);
        log.warn('connector throttled or unavailable; retrying', {
          op,
          status,
          attempt,
          backoffMs: Math.round(backoff),
          conversationId,
        });
        await sleep(backoff);
      }
    }
  }

  function serial<T>(conversationId: string, task: () => Promise<T>): Promise<T> {
    const previous = queues.get(conversationId) ?? Promise.resolve();
    const next = previous.then(task, task);
    const settled = next.catch(() => undefined);
    queues.set(conversationId, settled);
    void settled.then(() => queues.get(conversationId) === settled && queues.delete(conversationId));
    return next;
  }

  return {
    send(conversationId, message, turn) {
      return serial(conversationId, () =>
        write(
          conversationId,
          'send',
          turn,
          async (context) => (await context.sendActivity(toActivity(await withMentionNames(context, message))))?.id,
        ),
      );
    },
    update(conversationId, activityId, message, turn) {
      return serial(conversationId, () =>
        write(conversationId, 'update', turn, async (context) => {
          await context.updateActivity({
            ...toActivity(message),
            id: activityId,
            conversation: context.activity.conversation,
          });
        }),
      );
    },
  };
}
