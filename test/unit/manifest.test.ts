/**
 * The Teams app package: the generated manifest is valid against the official schema bundled in
 * `@microsoft/app-manifest` (offline), its command menus are the router's commands within Teams' limits, the icons have
 * the sizes and colours Teams requires, and the zip holds exactly the manifest and the two icons.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import AdmZip from 'adm-zip';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { commands } from '../../src/commands';
import { messages } from '../../src/i18n';
import {
  BOT_SCOPES,
  buildManifest,
  buildPackage,
  DEFAULT_TEAMS_APP_ID,
  MANIFEST_DIR,
  packageIds,
  PLACEHOLDER_GUID,
  TEAMS_LIMITS,
} from '../../scripts/package-app';

const ROOT = path.resolve(__dirname, '..', '..');
const SCHEMAS = path.join(path.dirname(require.resolve('@microsoft/app-manifest')), 'json-schemas', 'teams');
const BOT_ID = '6f1d2e3c-4b5a-4978-8a6b-5c4d3e2f1a0b';
const { manifest, omitted } = buildManifest(packageIds({ MicrosoftAppId: BOT_ID }));

function schemaFor(version: string) {
  return JSON.parse(fs.readFileSync(path.join(SCHEMAS, `v${version}`, 'MicrosoftTeams.schema.json'), 'utf8'));
}

/** Decodes an 8-bit RGBA, non-interlaced PNG (what `scripts/make-icons.ts` writes) into its size and pixels. */
function readPng(file: Buffer): { width: number; height: number; colorType: number; pixels: Buffer } {
  expect(file.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(file.toString('ascii', 12, 16)).toBe('IHDR');
  const [width, height, depth, colorType, interlace] = [
    file.readUInt32BE(16),
    file.readUInt32BE(20),
    file[24],
    file[25],
    file[28],
  ];
  const idat: Buffer[] = [];
  for (let at = 8; at < file.length;) {
    const length = file.readUInt32BE(at);
    if (file.toString('ascii', at + 4, at + 8) === 'IDAT') idat.push(file.subarray(at + 8, at + 8 + length));
    at += length + 12;
  }
  if (depth !== 8 || colorType !== 6 || interlace !== 0) return { width, height, colorType, pixels: Buffer.alloc(0) };
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const a = x >= 4 ? pixels[y * stride + x - 4] : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const c = x >= 4 && y > 0 ? pixels[(y - 1) * stride + x - 4] : 0;
      const [pa, pb, pc] = [Math.abs(b - c), Math.abs(a - c), Math.abs(a + b - 2 * c)];
      const paeth = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter];
      pixels[y * stride + x] = (raw[y * (stride + 1) + 1 + x] + predictor) & 0xff;
    }
  }
  return { width, height, colorType, pixels };
}

describe('Teams app manifest', () => {
  it('uses the newest GA schema (≤ 1.30) bundled in @microsoft/app-manifest', () => {
    const versions = fs
      .readdirSync(SCHEMAS)
      .filter((d) => /^v1\.\d+$/.test(d) && fs.existsSync(path.join(SCHEMAS, d, 'MicrosoftTeams.schema.json')));
    const newest = versions
      .map((d) => Number(d.slice(3)))
      .filter((minor) => minor <= 30)
      .sort((a, b) => b - a)[0];
    expect(manifest.manifestVersion).toBe(`1.${newest}`);
    expect(Number(manifest.manifestVersion.split('.')[1])).toBeGreaterThanOrEqual(19);
    expect(manifest.$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`,
    );
  });

  it('is valid against the official JSON schema (draft-04, offline)', () => {
    const schema = schemaFor(manifest.manifestVersion);
    expect(schema.$schema).toBe('http://json-schema.org/draft-04/schema#');
    const ajv = new Ajv({ allErrors: true, strictTypes: false });
    addFormats(ajv, ['uri', 'email', 'regex']);
    const validate = ajv.compile(schema);
    validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
  });

  it('declares the bot in personal, team and group chat scopes, with no files and not notification-only', () => {
    expect(manifest.bots).toHaveLength(1);
    expect(manifest.bots[0]).toMatchObject({
      botId: BOT_ID,
      scopes: [...BOT_SCOPES],
      supportsFiles: false,
      isNotificationOnly: false,
    });
    expect(manifest.id).toBe(DEFAULT_TEAMS_APP_ID);
  });

  it('keeps names and descriptions within Teams limits and uses valid https links', () => {
    expect(manifest.name.short.length).toBeLessThanOrEqual(30);
    expect(manifest.description.full.length).toBeLessThanOrEqual(4000);
    for (const url of [manifest.developer.websiteUrl, manifest.developer.privacyUrl, manifest.developer.termsOfUseUrl])
      expect(new URL(url).protocol).toBe('https:');
    expect(manifest.validDomains).toEqual([]);
    expect(
      buildManifest(packageIds({ MicrosoftAppId: BOT_ID, BOT_DOMAIN: 'adebot.contoso.com' })).manifest.validDomains,
    ).toEqual(['adebot.contoso.com']);
  });
});

describe('command menus', () => {
  const lists: { scopes: string[]; commands: { title: string; description: string }[] }[] =
    manifest.bots[0].commandLists;
  const en = messages('en');
  const shown = commands.slice(0, TEAMS_LIMITS.commandsPerList);

  it.each([...BOT_SCOPES])('list every router command, in order, for the %s scope', (scope) => {
    const matching = lists.filter((l) => l.scopes.includes(scope));
    expect(matching).toHaveLength(1);
    const entries = matching[0].commands;
    expect(entries).toHaveLength(shown.length);
    expect(omitted).toEqual(commands.slice(shown.length).map((c) => c.name));
    entries.forEach((entry, i) => {
      const { usage, description } = shown[i].describe(en);
      const required = usage.replace(/\s*\[[^\]]*\]/g, '');
      // The title is what a person starts typing: the usage itself when it fits, else the start of its required part,
      // with the rest of the usage in the description.
      if (usage.length <= TEAMS_LIMITS.commandTitle)
        expect({ usage, title: entry.title }).toEqual({ usage, title: usage });
      else {
        expect({ usage, title: entry.title, isStart: required.startsWith(entry.title) }).toEqual({
          usage,
          title: entry.title,
          isStart: true,
        });
        expect(entry.description).toContain(required === entry.title ? 'Optional:' : `Usage: ${usage}`);
      }
      expect(entry.description.startsWith(description.slice(0, 60))).toBe(true);
    });
  });

  it('stay within Teams limits (title ≤ 32, description ≤ 128, ≤ 10 commands)', () => {
    for (const list of lists) {
      expect(list.commands.length).toBeLessThanOrEqual(TEAMS_LIMITS.commandsPerList);
      for (const c of list.commands) {
        expect(c.title.length).toBeLessThanOrEqual(32);
        expect(c.description.length).toBeLessThanOrEqual(128);
      }
    }
  });

  it('leave out commands past the tenth, keeping the first ten in routing order', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({
      ...commands[0],
      name: `c${i}`,
      describe: () => ({ usage: `command${i} <vm>`, description: `Command ${i}.` }),
    }));
    const result = buildManifest(packageIds({ MicrosoftAppId: BOT_ID }), many);
    expect(result.manifest.bots[0].commandLists[0].commands.map((c: { title: string }) => c.title)).toEqual(
      many.slice(0, 10).map((_, i) => `command${i} <vm>`),
    );
    expect(result.omitted).toEqual(['c10', 'c11']);
  });
});

describe('package ids', () => {
  it('requires MicrosoftAppId as a GUID, naming the variable in one sentence', () => {
    expect(() => packageIds({})).toThrow(/^MicrosoftAppId must .*\.$/);
    expect(() => packageIds({ MicrosoftAppId: 'my-bot' })).toThrow(/^MicrosoftAppId must .*\(got "my-bot"\)\.$/);
    expect(() => packageIds({ MicrosoftAppId: BOT_ID, TEAMS_APP_ID: '42' })).toThrow(/^TEAMS_APP_ID must /);
  });

  it('uses the zero GUID for a missing bot id only with --allow-placeholder', () => {
    expect(packageIds({}, { allowPlaceholder: true })).toEqual({
      appId: DEFAULT_TEAMS_APP_ID,
      botId: PLACEHOLDER_GUID,
      botDomain: undefined,
    });
    expect(packageIds({ TEAMS_APP_ID: BOT_ID.toUpperCase(), MicrosoftAppId: BOT_ID }).appId).toBe(BOT_ID.toUpperCase());
  });

  it('npm run package fails with that sentence and exit code 1 when MicrosoftAppId is missing', () => {
    const env = { ...process.env, MicrosoftAppId: '' };
    const run = spawnSync(process.execPath, [require.resolve('tsx/cli'), 'scripts/package-app.ts'], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toMatch(/^MicrosoftAppId must [^\n]*\.$/);
  });
});

describe('icons', () => {
  const color = readPng(fs.readFileSync(path.join(MANIFEST_DIR, 'color.png')));
  const outline = readPng(fs.readFileSync(path.join(MANIFEST_DIR, 'outline.png')));

  it('color.png is a 192×192 opaque full-colour icon', () => {
    expect([color.width, color.height, color.colorType]).toEqual([192, 192, 6]);
    const alphas = new Set<number>();
    const colours = new Set<string>();
    for (let i = 0; i < color.pixels.length; i += 4) {
      alphas.add(color.pixels[i + 3]);
      colours.add(color.pixels.toString('hex', i, i + 3));
    }
    expect([...alphas]).toEqual([255]);
    expect(colours.size).toBeGreaterThan(2);
  });

  it('outline.png is a 32×32 white-on-transparent icon', () => {
    expect([outline.width, outline.height, outline.colorType]).toEqual([32, 32, 6]);
    let drawn = 0;
    for (let i = 0; i < outline.pixels.length; i += 4) {
      const [r, g, b, a] = outline.pixels.subarray(i, i + 4);
      if (a > 0) expect([r, g, b]).toEqual([255, 255, 255]);
      if (a === 255) drawn++;
    }
    expect(drawn).toBeGreaterThan(50);
    expect(outline.pixels[3]).toBe(0);
  });
});

describe('app package zip', () => {
  const zip = new AdmZip(buildPackage(manifest));

  it('holds exactly manifest.json and the two icons at its root', () => {
    expect(
      zip
        .getEntries()
        .map((e) => e.entryName)
        .sort(),
    ).toEqual(['color.png', 'manifest.json', 'outline.png']);
  });

  it('carries the generated manifest and the committed icons byte for byte', () => {
    expect(JSON.parse(zip.readAsText('manifest.json'))).toEqual(manifest);
    for (const icon of ['color.png', 'outline.png'])
      expect(zip.readFile(icon)).toEqual(fs.readFileSync(path.join(MANIFEST_DIR, icon)));
  });

  it('is the same bytes for the same inputs', () => {
    expect(buildPackage(manifest).equals(buildPackage(manifest))).toBe(true);
  });
});
