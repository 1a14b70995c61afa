/**
 * The posting port: what the core (commands, card actions, the job tracker, the failure watch) needs from a chat —
 * post a message, and later replace it — addressed by conversation id, with no botbuilder type in it. The Teams edge
 * implements it once (`src/teams/messenger.ts`), so a job update can reach its thread long after the turn that
 * started the job, and a unit test can post into a list.
 */

/** An Adaptive Card after template expansion (`src/cards/`). */
export type Card = Record<string, unknown>;

/** A message to post: text (markdown), a card, or both. `mentions` are Entra object ids to @mention by name. */
export interface Outgoing {
  text?: string;
  card?: Card;
  mentions?: { id: string; name: string }[];
}

/** Posts into a chat, channel or thread by its conversation id, during a turn or at any time after one. */
export interface Poster {
  /** Posts a new message; resolves to its activity id, with which it can be updated. */
  send(conversationId: string, message: Outgoing): Promise<string | undefined>;
  /** Replaces a message the bot posted earlier in that conversation. */
  update(conversationId: string, activityId: string, message: Outgoing): Promise<void>;
}
