/**
 * Builds the Teams app package `dist/teams-app.zip`: `manifest.json` (from `manifest/manifest.template.json`, with the
 * app id, the bot id and the command lists filled in) plus the two icons, at the zip root.
 *
 * `npm run package` (or `npm run package -- --allow-placeholder` for a package that cannot be installed, in tests).
 * Environment: `MicrosoftAppId` (required: the bot registration's app id), `TEAMS_APP_ID` (optional: the Teams app id,
 * default below; keep it stable so Teams treats new packages as updates), `BOT_DOMAIN` (optional: the bot's public
 * host name, added to `validDomains`). Like `src/config.ts`, a bad value stops with one sentence naming the variable.
 *
 * The zip is written with `adm-zip`: CI has no `zip` command, and the library has no dependencies.
 */
import fs from 'node:fs';
import path from 'node:path';
import AdmZip from 'adm-zip';
import type { Command } from '../src/core/types';
import { commands as routerCommands } from '../src/commands';
import { ConfigError } from '../src/config';
import { messages } from '../src/i18n';

export const MANIFEST_DIR = path.resolve(__dirname, '..', 'manifest');
export const PACKAGE_PATH = path.resolve(__dirname, '..', 'dist', 'teams-app.zip');
export const ICONS = ['color.png', 'outline.png'] as const;
/** The Teams app id when `TEAMS_APP_ID` is not set: fixed, so every build of this bot is the same app. */
export const DEFAULT_TEAMS_APP_ID = 'a4a5fa3e-7703-4dca-b813-d248d0b07527';
export const PLACEHOLDER_GUID = '00000000-0000-0000-0000-000000000000';
export const BOT_SCOPES = ['personal', 'team', 'groupChat'] as const;
/** Limits Teams enforces on bot command menus (stricter than the JSON schema's). */
export const TEAMS_LIMITS = { commandTitle: 32, commandDescription: 128, commandsPerList: 10 } as const;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HOST = /^(?=.{1,253}$)(?:\*\.)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

export interface PackageIds {
  appId: string;
  botId: string;
  botDomain?: string;
}

/** Reads the ids from `env`; `allowPlaceholder` lets a missing `MicrosoftAppId` become the zero GUID (tests only). */
export function packageIds(
  env: Record<string, string | undefined>,
  options: { allowPlaceholder?: boolean } = {},
): PackageIds {
  const appId = (env.TEAMS_APP_ID ?? '').trim() || DEFAULT_TEAMS_APP_ID;
  if (!GUID.test(appId)) throw new ConfigError('TEAMS_APP_ID', 'must be the Teams app id, a GUID', appId);
  const botId = (env.MicrosoftAppId ?? '').trim() || (options.allowPlaceholder ? PLACEHOLDER_GUID : '');
  if (!GUID.test(botId)) {
    throw new ConfigError(
      'MicrosoftAppId',
      "must be set to the bot registration's application (client) id, a GUID, to build the Teams app package",
      botId || undefined,
    );
  }
  const botDomain = (env.BOT_DOMAIN ?? '').trim() || undefined;
  if (botDomain && !HOST.test(botDomain))
    throw new ConfigError('BOT_DOMAIN', 'must be a host name such as bot.contoso.com (no scheme or path)', botDomain);
  return { appId, botId, botDomain };
}

/** Cuts `text` to `max` characters at a word boundary, marking the cut with an ellipsis. */
function fit(text: string, max: number, ellipsis = '…'): string {
  if (text.length <= max) return text;
  const room = text.slice(0, max - ellipsis.length + 1);
  const cut = room.lastIndexOf(' ');
  return (cut > 0 ? room.slice(0, cut) : room.slice(0, -1)).replace(/[\s,;:.]+$/, '') + ellipsis;
}

/**
 * One menu entry for a command, from its English usage and description. A usage longer than a Teams title loses its
 * optional `[…]` parts first (they move to the description), then its trailing words and `<…>` arguments (the whole
 * usage moves to the description), so the title is always the start of what a person types.
 */
export function commandEntry(command: Command): { title: string; description: string } {
  const { usage, description } = command.describe(messages('en'));
  const max = TEAMS_LIMITS.commandDescription;
  if (usage.length <= TEAMS_LIMITS.commandTitle) return { title: usage, description: fit(description, max) };
  const tokens = usage.match(/<[^>]*>|\[[^\]]*\]|\S+/g) ?? [];
  const optional = tokens.filter((t) => t.startsWith('['));
  const required = tokens.filter((t) => !t.startsWith('['));
  let title = '';
  for (const token of required) {
    if (`${title} ${token}`.trim().length > TEAMS_LIMITS.commandTitle) break;
    title = `${title} ${token}`.trim();
  }
  const extra =
    title === required.join(' ')
      ? `Optional: ${optional.map((o) => o.slice(1, -1).trim()).join(' ')}.`
      : `Usage: ${usage}.`;
  return { title, description: fit(`${description} ${extra}`, max) };
}

/** One command list per scope, in routing order; past the Teams limit, later commands are left out (see `omitted`). */
export function commandLists(commands: readonly Command[]) {
  const shown = commands.slice(0, TEAMS_LIMITS.commandsPerList).map(commandEntry);
  return {
    lists: BOT_SCOPES.map((scope) => ({ scopes: [scope], commands: shown.map((c) => ({ ...c })) })),
    omitted: commands.slice(TEAMS_LIMITS.commandsPerList).map((c) => c.name),
  };
}

export function readTemplate(dir = MANIFEST_DIR): Record<string, any> {
  return JSON.parse(fs.readFileSync(path.join(dir, 'manifest.template.json'), 'utf8'));
}

export function buildManifest(
  ids: PackageIds,
  commands: readonly Command[] = routerCommands,
  template = readTemplate(),
) {
  const manifest = structuredClone(template);
  const { lists, omitted } = commandLists(commands);
  manifest.id = ids.appId;
  manifest.bots = manifest.bots.map((bot: Record<string, unknown>) => ({
    ...bot,
    botId: ids.botId,
    commandLists: lists,
  }));
  manifest.validDomains = [...new Set([...(manifest.validDomains ?? []), ...(ids.botDomain ? [ids.botDomain] : [])])];
  const leftover = JSON.stringify(manifest).match(/\$\{\{\w+\}\}/);
  if (leftover) throw new Error(`manifest.template.json has a placeholder the packager does not fill: ${leftover[0]}.`);
  return { manifest, omitted };
}

/** The zip, in memory. Entries carry a fixed date so the same inputs give the same bytes. */
export function buildPackage(manifest: object, dir = MANIFEST_DIR): Buffer {
  const zip = new AdmZip();
  const files: [string, Buffer][] = [
    ['manifest.json', Buffer.from(JSON.stringify(manifest, null, 2) + '\n')],
    ...ICONS.map((f): [string, Buffer] => [f, fs.readFileSync(path.join(dir, f))]),
  ];
  for (const [name, content] of files) zip.addFile(name, content).header.time = new Date('2026-01-01T00:00:00Z');
  return zip.toBuffer();
}

function main(argv: string[], env: NodeJS.ProcessEnv): void {
  const unknown = argv.filter((a) => a !== '--allow-placeholder');
  if (unknown.length) throw new Error(`Unknown argument ${unknown[0]}: the only option is --allow-placeholder.`);
  const ids = packageIds(env, { allowPlaceholder: argv.includes('--allow-placeholder') });
  const { manifest, omitted } = buildManifest(ids);
  if (omitted.length)
    console.warn(
      `Teams shows at most ${TEAMS_LIMITS.commandsPerList} commands per list; left out of the menu: ${omitted.join(', ')}.`,
    );
  fs.mkdirSync(path.dirname(PACKAGE_PATH), { recursive: true });
  fs.writeFileSync(PACKAGE_PATH, buildPackage(manifest));
  console.log(`Wrote ${path.relative(process.cwd(), PACKAGE_PATH)} (app ${ids.appId}, bot ${ids.botId}).`);
}

if (require.main === module) {
  try {
    main(process.argv.slice(2), process.env);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
