/**
 * What a person does in the Playground's web client, in its own terms: pick a conversation, write to the bot with an
 * @mention, find a card by what it says and press its buttons. Locators use visible text and roles, plus the Adaptive
 * Cards renderer's `.ac-adaptiveCard` class (the Playground's own class names are generated hashes).
 */
import type { Locator, Page } from 'playwright-core';

export const BOT_NAME = 'Backup Bot';

/** The person at the keyboard, as the Playground's top bar shows them (read from its config file). */
export function signedInAs(page: Page, name: string): Locator {
  return page.getByText(name, { exact: true }).first();
}

/** A channel ("Backups") or chat ("Backup ops") in the left rail. */
export async function openConversation(page: Page, name: string): Promise<void> {
  await page.getByText(name, { exact: true }).first().click();
}

/**
 * Writes `text` to the bot with an @mention picked from the typeahead, as a person does, and sends it. In a channel
 * the first editor is "Start a new post", so this starts a new thread; in a chat it is the compose box.
 */
export async function writeToBot(page: Page, text: string): Promise<void> {
  const editor = page.locator('[data-lexical-editor="true"]').first();
  await editor.click();
  await page.keyboard.type(`@${BOT_NAME.split(' ')[0]}`);
  await page.getByRole('menuitem', { name: BOT_NAME }).click();
  await page.keyboard.type(` ${text}`);
  await page.keyboard.press('Enter');
}

/** A channel post with its replies (the Playground renders each as an ARIA group), by what the post says. */
export function thread(page: Page, postText: string): Locator {
  return page.getByRole('group').filter({ hasText: postText });
}

/** The Adaptive Cards in `within` (a page or a thread) that show all of `texts`. */
export function card(within: Page | Locator, ...texts: (string | RegExp)[]): Locator {
  return texts.reduce((cards, hasText) => cards.filter({ hasText }), within.locator('.ac-adaptiveCard'));
}

/** A message the bot wrote, by its text (paragraphs: neither the chat list's preview nor the log panel). */
export function message(within: Page | Locator, text: RegExp): Locator {
  return within.getByRole('paragraph').filter({ hasText: text });
}

/** A button on a card, by its exact title (so "Approve" never matches "Send to approvers"). */
export function button(cardLocator: Locator, title: string): Locator {
  return cardLocator.getByRole('button', { name: title, exact: true });
}
