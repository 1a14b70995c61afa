/**
 * The inputs of the infra tests: the template and its example parameters as shipped, the parameter sets they are
 * checked with, and what the bot expects of its host.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ArmSchemas } from './arm-schemas';
import type { Json } from './arm-template';
import type { TemplateCheck } from './checks';
import { SECRET_SETTINGS, expectedAppSettings, packageScripts } from './bot-settings';

export const ROOT = path.resolve(__dirname, '..', '..');
export const TEMPLATE_PATH = path.join(ROOT, 'infra', 'azuredeploy.json');
export const PARAMETERS_PATH = path.join(ROOT, 'infra', 'azuredeploy.parameters.example.json');

export const readJson = (file: string): Json => JSON.parse(fs.readFileSync(file, 'utf8'));

let schemas: ArmSchemas | undefined;

/** The template check as `npm test` runs it; `template` may be a broken copy. */
export function templateCheck(template: Json = readJson(TEMPLATE_PATH)): TemplateCheck {
  schemas ??= new ArmSchemas();
  const example = Object.fromEntries(
    Object.entries<Json>(readJson(PARAMETERS_PATH).parameters).map(([k, v]) => [k, v.value]),
  );
  return {
    template,
    schemas,
    parameterSets: {
      // As shipped: shared state, every kind of scope in use.
      example,
      // Only what has no default: reads, backup now, nothing else granted.
      minimal: {
        recoveryVaultIds: example.recoveryVaultIds,
        backupManagementServiceObjectId: example.backupManagementServiceObjectId,
      },
      // SQLite state, the custom Key Vault data-action role instead of Key Vault Administrator, and deleting backup
      // data allowed (Backup Contributor on the vaults instead of Backup Operator).
      sqliteCustomRole: {
        ...example,
        sharedState: false,
        keyVaultBackupRoleId: '7a6c1a4f-8b0e-4c36-9d2a-3f5e8b1c2d40',
        allowDeleteBackupData: true,
      },
    },
    app: {
      settingNames: expectedAppSettings(),
      secretSettings: SECRET_SETTINGS,
      startCommand: packageScripts()['start:prod'],
    },
  };
}
