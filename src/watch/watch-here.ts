/** Making a conversation the alert channel: by command, or when the bot is installed in a team channel. */
import type { ConversationReference } from 'botbuilder';
import type { HandlerContext } from '../core/types';
import { update } from '../state/store';
import { conversationKey } from '../teams/messenger';
import { channelOf, WATCH_KEY, type WatchConfig } from './alert';

/**
 * Alerts are new posts in the channel (each with its own thread), so the reference stored for them is the channel's,
 * derived from the thread the command came from. Returns whether the alert channel changed.
 */
export async function watchHere(ctx: HandlerContext, onlyIfUnset = false): Promise<boolean> {
  const { store, clock } = ctx.services;
  const channelId = channelOf(ctx.conversation.id);
  const threadRef = (await store.get<Partial<ConversationReference>>(conversationKey(ctx.conversation.id)))?.value;
  if (threadRef && channelId !== ctx.conversation.id) {
    await store.put(conversationKey(channelId), { ...threadRef, conversation: { ...threadRef.conversation, id: channelId } });
  }
  const config: WatchConfig = { conversationId: channelId, locale: ctx.locale, setBy: ctx.user, setAt: clock.now() };
  const { changed } = await update<WatchConfig>(store, WATCH_KEY, (current) => (onlyIfUnset && current ? undefined : config));
  return changed;
}
