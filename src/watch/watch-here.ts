/** Making a conversation the alert channel: by command, or when the bot is installed in a team channel. */
import type { HandlerContext } from '../core/types';
import { update } from '../state/store';
import { WATCH_KEY, type WatchConfig } from './alert';

/**
 * Alerts are new posts in the channel (each with its own thread), so the alert channel is the channel of the thread
 * the command came from (the Teams edge keeps a way to post there). Returns whether the alert channel changed.
 */
export async function watchHere(ctx: HandlerContext, onlyIfUnset = false): Promise<boolean> {
  const { store, clock } = ctx.services;
  const config: WatchConfig = {
    conversationId: ctx.conversation.channelId,
    locale: ctx.locale,
    setBy: ctx.user,
    setAt: clock.now(),
  };
  const { changed } = await update<WatchConfig>(store, WATCH_KEY, (current) =>
    onlyIfUnset && current ? undefined : config,
  );
  return changed;
}
