/**
 * What command and card-action handlers see: a narrow, typed context with no botbuilder types in it, so a unit test
 * can call a handler with plain fakes (STYLE.md §4).
 */
import type { AzurePort } from '../azure/port';
import type { Clock } from '../clock';
import type { Config } from '../config';
import type { Locale, Messages } from '../i18n';
import type { Logger } from '../log';
import type { Card, Outgoing } from './poster';
import type { JobTracker } from '../jobs/tracker';
import type { StateStore } from '../state/store';

export interface User {
  /** Entra object id (`from.aadObjectId`); the only identity authorization decisions use. */
  id: string;
  name: string;
}

/**
 * The conversation a turn came from, by id: the Teams edge keeps a way to reach each one
 * (`src/teams/conversations.ts`),
 * so the core names where to post and nothing more.
 */
export interface ConversationKey {
  id: string;
  /** Where a new post in the same place goes: the channel, for a channel thread; the conversation itself otherwise. */
  channelId: string;
}

export interface Services {
  config: Readonly<Config>;
  azure: AzurePort;
  store: StateStore;
  clock: Clock;
  log: Logger;
  /** Follows started jobs into their thread. */
  jobs: JobTracker;
  /** Whether the bot runs on the embedded simulator. */
  simulated: boolean;
}

export interface HandlerContext {
  user: User;
  conversation: ConversationKey;
  locale: Locale;
  msg: Messages;
  log: Logger;
  services: Services;
  /** Posts into the same chat or thread; returns the new activity id. */
  send(message: Outgoing): Promise<string | undefined>;
  /** Replaces a message the bot posted earlier in this conversation. */
  update(activityId: string, message: Outgoing): Promise<void>;
  /** For a card click: the id of the message holding the clicked card. */
  cardActivityId?: string;
  /** Work that continues after the turn is answered (a card click is answered at once; Azure calls follow). */
  background(work: () => Promise<void>): void;
}

export type CommandArgs = Record<string, string | undefined>;

export type Access = 'anyone' | 'operator' | 'approver';

/** One command: declared patterns (English and Japanese), who may run it, and its handler. */
export interface Command {
  name: string;
  /** Tried in order; named groups become `args`. Matched against the normalised text (see `router.ts`). */
  patterns: RegExp[];
  /** Words that point at this command when nothing matched, for "did you mean". */
  keywords: string[];
  access: Access;
  /** Usage line and one-sentence description, in the user's language (help card, "did you mean"). */
  describe(m: Messages): { usage: string; description: string };
  handle(ctx: HandlerContext, args: CommandArgs): Promise<void>;
}

/**
 * Something that happens in a conversation without a message or a click: today, the bot installed in a team channel.
 */
export type BotEvent = 'installedInChannel';

/** One handler per event, declared like commands and card actions; events carry no access check (nobody acted). */
export interface EventHandler {
  event: BotEvent;
  handle(ctx: HandlerContext): Promise<void>;
}

/** What answers a card click: the card that replaces the clicked one, or a short text shown to the clicker. */
export type ActionResult = { card: Card } | { text: string };

/** One handler per card verb; `parse` turns untrusted action data into a typed value, or `undefined` if malformed. */
export interface CardAction<T> {
  verb: string;
  access: Access;
  parse(data: Record<string, unknown>): T | undefined;
  handle(ctx: HandlerContext, data: T): Promise<ActionResult>;
}
