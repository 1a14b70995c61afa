/**
 * Conversation references (`conv/<conversation id>` in state): how the bot reaches a chat, channel or thread after the
 * turn that came from it — a job's card and final message, an alert — possibly after a restart or from another
 * instance. The one module that reads and writes them.
 */
import type { ConversationReference } from 'botbuilder';
import type { StateStore } from '../state/store';

type Reference = Partial<ConversationReference>;

export const conversationKey = (conversationId: string) => `conv/${conversationId}`;

/**
 * The channel itself (a new post there) for a thread's conversation id: Teams threads are `<channel>;messageid=<post>`.
 */
export function channelOf(conversationId: string): string {
  return conversationId.split(';messageid=')[0];
}

/**
 * The stored reference, read on every write and never cached in the process: with several instances the latest turn
 * (which stores the reference, e.g. a changed serviceUrl) may have reached another one. One small read per message.
 */
export async function storedReference(store: StateStore, conversationId: string): Promise<Reference> {
  const reference = (await store.get<Reference>(conversationKey(conversationId)))?.value;
  if (!reference) throw new Error(`no conversation reference stored for ${conversationId}`);
  return reference;
}

/**
 * Remembers where each turn came from, writing only when a conversation's reference changed (all but the activity
 * id; this process remembers what it last wrote). For a channel thread it remembers the channel too, derived from
 * the thread's reference: alerts go there as new posts.
 */
export function referenceKeeper(store: StateStore): (reference: Reference) => Promise<void> {
  const written = new Map<string, string>();
  async function keep(id: string, reference: Reference): Promise<void> {
    const shape = JSON.stringify({ ...reference, activityId: undefined });
    if (written.get(id) === shape) return;
    await store.put(conversationKey(id), reference);
    written.set(id, shape);
  }
  return async (reference) => {
    const id = reference.conversation?.id ?? '';
    await keep(id, reference);
    const channel = channelOf(id);
    if (reference.conversation && channel !== id)
      await keep(channel, { ...reference, conversation: { ...reference.conversation, id: channel } });
  };
}
