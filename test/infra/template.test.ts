/**
 * infra/azuredeploy.json, checked offline: Microsoft's JSON schemas, then what the template would deploy with each
 * parameter set (see checks.ts). Also what keeps the template, the bot and the README in step: the settings the bot
 * reads (config.ts ⇄ .env.example ⇄ app settings), the production start, the README's roles table, the schema files.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expandTemplate, allTemplates } from './arm-template';
import { ArmSchemas } from './arm-schemas';
import {
  LIBRARY_SETTINGS,
  NOT_APP_SETTINGS,
  PACKAGE_SETTINGS,
  configSettingNames,
  envExampleKeys,
  packageScripts,
} from './bot-settings';
import { DEPLOYMENT_SCOPE, checkTemplate } from './checks';
import { BUILT_IN_ROLES, CUSTOM_ROLE_ACTIONS, builtInRoleName } from './documented';
import { PARAMETERS_PATH, ROOT, TEMPLATE_PATH, readJson, templateCheck } from './fixtures';

describe('infra/azuredeploy.json', () => {
  it('passes every offline check with each parameter set', () => {
    expect(checkTemplate(templateCheck())).toEqual([]);
  });

  it('has an example parameters file that is valid, for declared parameters, and leaves none without a value', () => {
    const example = readJson(PARAMETERS_PATH);
    const declared = readJson(TEMPLATE_PATH).parameters;
    expect(new ArmSchemas().validateDocument(example)).toEqual([]);
    expect(Object.keys(example.parameters).filter((name) => !(name in declared))).toEqual([]);
    const required = Object.keys(declared).filter((name) => declared[name].defaultValue === undefined);
    expect(required.filter((name) => !(name in example.parameters))).toEqual([]);
  });
});

describe('the settings the bot reads', () => {
  it('are listed in .env.example, with what npm run package reads, and nothing else', () => {
    // WEBSITE_INSTANCE_ID is App Service's: .env.example mentions it in a comment, not as a key to set.
    const expected = [
      ...configSettingNames().filter((n) => n !== 'WEBSITE_INSTANCE_ID'),
      ...Object.keys(LIBRARY_SETTINGS),
      ...PACKAGE_SETTINGS,
    ];
    expect(envExampleKeys().sort()).toEqual(expected.sort());
    expect(fs.readFileSync(path.join(ROOT, '.env.example'), 'utf8')).toContain('WEBSITE_INSTANCE_ID');
  });

  it('leave out of App Service only names config.ts really reads', () => {
    const read = configSettingNames();
    expect(Object.keys(NOT_APP_SETTINGS).filter((n) => !read.includes(n))).toEqual([]);
  });
});

describe('the production start', () => {
  it('runs the built dist/ with exactly the Node flags npm start uses, and does not compile', () => {
    const scripts = packageScripts();
    expect(scripts.start).toBe(`npm run build --silent && ${scripts['start:prod']}`);
    expect(scripts['start:prod']).toMatch(/^node( --\S+)* dist\/src\/index\.js$/);
  });
});

describe('README, "Roles the bot\'s identity needs"', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf("### Roles the bot's identity needs"));
  const table = section.slice(0, section.search(/\n#{2,3} /));

  it('names exactly the built-in roles the template uses (with any parameter set), with their documented ids', () => {
    const check = templateCheck();
    const assigned = Object.values(check.parameterSets)
      .flatMap((parameters) => allTemplates(expandTemplate(check.template, parameters, DEPLOYMENT_SCOPE)))
      .flatMap((t) => t.resources)
      .filter((r) => r.type === 'Microsoft.Authorization/roleAssignments')
      .map((r) => String(r.value.properties.roleDefinitionId).split('/').pop()!)
      .filter((guid) => builtInRoleName(guid));
    const used = new Set([...assigned, BUILT_IN_ROLES['Key Vault Administrator']]);
    const listed = new Set(table.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g) ?? []);
    expect([...listed].sort()).toEqual([...used].sort());
    for (const guid of used) {
      const row = table.split('\n').find((line) => line.includes(guid));
      expect({ guid, row }).toEqual({ guid, row: expect.stringContaining(builtInRoleName(guid)!) });
    }
  });

  it("lists the custom roles' actions", () => {
    for (const action of Object.values(CUSTOM_ROLE_ACTIONS).flat()) expect(table).toContain(action);
  });
});

describe('test/infra/schemas', () => {
  it('holds the files SOURCE.md names, unmodified', () => {
    const dir = path.join(__dirname, 'schemas');
    const rows = [
      ...fs
        .readFileSync(path.join(dir, 'SOURCE.md'), 'utf8')
        .matchAll(/^\| `([^`]+\.json)` \|.*\| `([0-9a-f]{40})` \|$/gm),
    ];
    expect(rows.length).toBeGreaterThan(0);
    for (const [, file, blob] of rows) {
      const content = fs.readFileSync(path.join(dir, file));
      const id = createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
      expect({ file, id }).toEqual({ file, id: blob });
    }
    expect(fs.existsSync(path.join(dir, 'LICENSE'))).toBe(true);
  });
});
