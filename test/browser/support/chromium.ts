/**
 * Debian's Chromium, driven by playwright-core, as one person at a Playground: a fresh profile per person, and no
 * request leaves 127.0.0.1 (the Playground's web client asks a CDN for Segoe UI; that is refused, system fonts serve).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
/** Chromium's flags for a headless run that reaches nothing but loopback (AZURE-FACTS, local tooling). */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const LOOPBACK = /^(https?|wss?):\/\/127\.0\.0\.1[:/]/;

/** Stops the run early with the fix, instead of a launch error deep inside playwright. */
export function assertChromium(): void {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}: apt-get install -y --no-install-recommends chromium fonts-noto-cjk fonts-noto-color-emoji`,
    );
  }
}

export interface Person {
  name: string;
  page: Page;
  /** Saves a screenshot as `<dir>/<step>.png`, with `focus` scrolled into view first. */
  shot(step: string, focus?: Locator): Promise<void>;
  close(): Promise<void>;
}

export interface PersonOptions {
  /** Where screenshots go. */
  screenshots: string;
  /**
   * The Playground whose configuration (who is at the keyboard) this person's client reads, when it differs from the
   * Playground serving the conversations: see the approval test for why.
   */
  identityFrom?: string;
}

export async function openPerson(name: string, url: string, options: PersonOptions): Promise<Person> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), `adebot-chromium-${name}-`));
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: CHROMIUM_FLAGS,
      headless: true,
      viewport: { width: 1280, height: 1000 },
    });
    await context.route(
      (u) => !LOOPBACK.test(u.href),
      (route) => route.abort(),
    );
    if (options.identityFrom) {
      const source = `${options.identityFrom}/_internal/v1/config`;
      await context.route('**/_internal/v1/config', async (route) =>
        route.fulfill({ response: await route.fetch({ url: source }) }),
      );
    }
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url);
    const open = context;
    return {
      name,
      page,
      async shot(step, focus) {
        await focus?.scrollIntoViewIfNeeded();
        await page.screenshot({ path: path.join(options.screenshots, `${step}.png`) });
      },
      async close() {
        await open.close();
        fs.rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context?.close();
    fs.rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}
