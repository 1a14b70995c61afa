/**
 * Which environment variables the bot reads, taken from the code rather than a list kept by hand: `loadConfig` (the
 * only reader of process.env) is given an environment that records every name it looks up, in a simulator, a
 * real-Azure UserAssignedMSI and a SingleTenant configuration, so reads that happen only in one of them are seen too.
 * What App Service should set follows from that, with every exception named here with its reason.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/config';

const ROOT = path.resolve(__dirname, '..', '..');
const GUID = '11111111-2222-4333-8444-555555555555';
const VAULT = `/subscriptions/${GUID}/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/rsv`;
const CONFIGURATIONS: Record<string, string>[] = [
  {},
  {
    AZURE_SUBSCRIPTION_ID: GUID,
    RECOVERY_VAULT_IDS: VAULT,
    BACKUP_MANAGEMENT_SERVICE_OBJECT_ID: GUID,
    MicrosoftAppId: GUID,
    MicrosoftAppType: 'UserAssignedMSI',
    MicrosoftAppTenantId: GUID,
  },
  {
    MicrosoftAppId: GUID,
    MicrosoftAppType: 'SingleTenant',
    MicrosoftAppTenantId: GUID,
    MicrosoftAppPassword: 'x',
    STATE_BLOB_CONNECTION_STRING: 'UseDevelopmentStorage=true',
  },
];

/** Read by a library rather than config.ts, and needed in App Service. */
export const LIBRARY_SETTINGS: Record<string, string> = {
  AZURE_CLIENT_ID: '@azure/identity: DefaultAzureCredential uses the user-assigned identity with this client id',
};

/** Read by config.ts, but not set as an App Service app setting. */
export const NOT_APP_SETTINGS: Record<string, string> = {
  PORT: 'App Service sets PORT for the Node container and forwards requests to it',
  WEBSITE_INSTANCE_ID: 'App Service sets it per instance',
  MicrosoftAppPassword: 'UserAssignedMSI: the bot authenticates with its managed identity, there is no client secret',
  SIMULATOR_PORT: 'simulator only (ignored when AZURE_SUBSCRIPTION_ID is set)',
  SIMULATOR_JOB_SECONDS: 'simulator only (ignored when AZURE_SUBSCRIPTION_ID is set)',
};

/** App settings for App Service itself, not read by the bot. */
export const PLATFORM_SETTINGS: Record<string, string> = {
  SCM_DO_BUILD_DURING_DEPLOYMENT:
    'App Service build automation: npm install (devDependencies included) and npm run build at deploy time',
};

/** In .env.example for `npm run package`, which reads them; the bot does not. */
export const PACKAGE_SETTINGS = ['TEAMS_APP_ID', 'BOT_DOMAIN'];

/** Values that are secrets: never a literal in the template. */
export const SECRET_SETTINGS = ['MicrosoftAppPassword', 'STATE_BLOB_CONNECTION_STRING'];

export function configSettingNames(): string[] {
  const seen = new Set<string>();
  for (const values of CONFIGURATIONS) {
    const env = new Proxy(values, {
      get(target, key) {
        if (typeof key === 'string') seen.add(key);
        return target[key as string];
      },
    });
    loadConfig(env, '/srv/bot');
  }
  return [...seen].sort();
}

export function envExampleKeys(file = path.join(ROOT, '.env.example')): string[] {
  return [...fs.readFileSync(file, 'utf8').matchAll(/^([A-Za-z_][A-Za-z0-9_]*)=/gm)].map((m) => m[1]);
}

/**
 * The app settings the web app must have: what the bot reads, less what App Service provides, plus its build switch.
 */
export function expectedAppSettings(): string[] {
  const read = [...configSettingNames(), ...Object.keys(LIBRARY_SETTINGS)];
  return [...read.filter((n) => !(n in NOT_APP_SETTINGS)), ...Object.keys(PLATFORM_SETTINGS)].sort();
}

/** package.json's production start (`start:prod`), which the web app runs. */
export function packageScripts(): Record<string, string> {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts;
}
