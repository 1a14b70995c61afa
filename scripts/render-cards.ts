/**
 * Renders every card sample (`test/support/card-samples.ts`, both languages) to `test-artifacts/cards/<id>.<lang>.png`,
 * so people can look at the cards without Teams: the `adaptivecards` bundle renders each card in headless Chromium
 * with a Teams-like light host config (`teams-light-hostconfig.json`), light markdown as Teams applies it, and
 * Teams-like buttons and inputs. `npm run cards`. Needs Debian's Chromium (`apt-get install -y chromium`) and, for
 * readable Japanese and emoji, `fonts-noto-cjk fonts-noto-color-emoji`. Nothing is fetched: every request is refused.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Locale } from '../src/i18n';
import { CHROMIUM, CHROMIUM_FLAGS } from '../test/browser/support/chromium';
import { allCardSamples, type CardSample } from '../test/support/card-samples';

const ROOT = path.resolve(__dirname, '..');
const OUT_DIR = path.join(ROOT, 'test-artifacts', 'cards');
const AC_DIST = path.join(path.dirname(require.resolve('adaptivecards/package.json')), 'dist');

/** Teams' chat canvas and buttons, over the library's own base styles. */
const TEAMS_CSS = `
body { margin: 0; background: #F5F5F5; font-family: 'Segoe UI', 'Yu Gothic UI', 'Noto Sans CJK JP', sans-serif; }
#frame { display: inline-block; padding: 16px; }
#card { width: 500px; background: #FFFFFF; border-radius: 6px; overflow: hidden; box-shadow: 0 1px 2px rgba(0,0,0,.14), 0 0 2px rgba(0,0,0,.12); }
.ac-pushButton { font-family: inherit; font-size: 14px; font-weight: 600; color: #242424; background: #FFFFFF; border: 1px solid #D1D1D1; border-radius: 4px; padding: 5px 12px; min-height: 32px; }
.ac-pushButton.style-positive { color: #FFFFFF; background: #5B5FC7; border-color: #5B5FC7; }
.ac-pushButton.style-destructive { color: #C4314B; background: #FFFFFF; border-color: #C4314B; }
.ac-input, .ac-input input, .ac-input textarea { font-family: inherit; font-size: 14px; color: #242424; }
.ac-textInput, .ac-dateInput { border: 1px solid #D1D1D1; border-bottom-color: #616161; border-radius: 4px; padding: 5px 8px; min-height: 32px; box-sizing: border-box; background: #FFFFFF; }
.ac-textInput.ac-multiline { min-height: 64px; }
code { font-family: Consolas, 'DejaVu Sans Mono', monospace; background: #F0F0F0; padding: 0 2px; border-radius: 2px; }
`;

/** Runs in the page: the subset of markdown Teams renders in a TextBlock (bold, italics, code, links, lines). */
const PAGE_SCRIPT = `
window.markdown = (text) => text
  .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  .replace(/\\*\\*(.+?)\\*\\*/g, '<strong>$1</strong>')
  .replace(/(^|[^*])\\*([^*\\s][^*]*?)\\*/g, '$1<em>$2</em>')
  .replace(/\`([^\`]+)\`/g, '<code>$1</code>')
  .replace(/\\[([^\\]]+)\\]\\((https?:[^)\\s]+)\\)/g, '<a href="$2">$1</a>')
  .replace(/\\n/g, '<br>');
window.renderCard = (card, hostConfig) => {
  const AC = window.AdaptiveCards;
  AC.AdaptiveCard.onProcessMarkdown = (text, result) => { result.outputHtml = window.markdown(text); result.didProcess = true; };
  const adaptiveCard = new AC.AdaptiveCard();
  adaptiveCard.hostConfig = new AC.HostConfig(hostConfig);
  adaptiveCard.parse(card);
  const element = adaptiveCard.render();
  if (!element) throw new Error('the card rendered nothing');
  document.getElementById('card').replaceChildren(element);
};
`;

async function main(): Promise<void> {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`Chromium is not installed at ${CHROMIUM}: run apt-get install -y chromium.`);
  const hostConfig = JSON.parse(fs.readFileSync(path.join(__dirname, 'teams-light-hostconfig.json'), 'utf8'));
  const samples = await allCardSamples();
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const f of fs.readdirSync(OUT_DIR)) if (f.endsWith('.png')) fs.rmSync(path.join(OUT_DIR, f));

  for (const locale of ['en', 'ja'] as const)
    await renderAll(
      samples.filter((s) => s.locale === locale),
      locale,
      hostConfig,
    );
}

/** One fresh browser per language, so date inputs and the like show as they do for that user. */
async function renderAll(samples: CardSample[], locale: Locale, hostConfig: unknown): Promise<void> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'render-cards-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    locale: locale === 'ja' ? 'ja-JP' : 'en-US',
    viewport: { width: 560, height: 600 },
  });
  try {
    await context.route('**/*', (route) =>
      route.request().url().startsWith('data:') ? route.continue() : route.abort(),
    );
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.setContent(
      `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"></head><body><div id="frame"><div id="card"></div></div></body></html>`,
    );
    await page.addStyleTag({ content: fs.readFileSync(path.join(AC_DIST, 'adaptivecards.css'), 'utf8') + TEAMS_CSS });
    await page.addScriptTag({ content: fs.readFileSync(path.join(AC_DIST, 'adaptivecards.min.js'), 'utf8') });
    await page.addScriptTag({ content: PAGE_SCRIPT });
    for (const sample of samples) {
      const file = path.join(OUT_DIR, `${sample.id}.${sample.locale}.png`);
      await page.evaluate(`window.renderCard(${JSON.stringify(sample.card)}, ${JSON.stringify(hostConfig)})`);
      await page.evaluate('document.fonts.ready');
      await page.locator('#frame').screenshot({ path: file });
      console.log(path.relative(ROOT, file));
    }
    if (errors.length) throw new Error(`The page reported errors while rendering: ${errors.join('; ')}`);
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
