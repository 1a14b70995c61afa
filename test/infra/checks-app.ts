/**
 * The bot's hosting, as the template deploys it: one identity behind the web app, its app settings, the Azure Bot and
 * its Teams channel; the web app locked down (HTTPS only, TLS 1.2+, FTP off, health check, Always On) and started from
 * the built `dist/`; secrets never written into the template or its outputs. Problems start with `identity:`,
 * `settings:`, `secret:`, `webapp:`, `bot:` or `storage:`.
 */
import { isExpression } from './arm-expression';
import { allTemplates, type DeployedResource, type ExpandedTemplate, type Json } from './arm-template';

export interface AppExpectations {
  /** Every app setting the web app must have, and no other. */
  settingNames: string[];
  /** Settings whose value is a secret: never a literal in the template. */
  secretSettings: string[];
  /** The web app's startup command (package.json `start:prod`). */
  startCommand: string;
}

const deployed = (root: ExpandedTemplate): DeployedResource[] => allTemplates(root).flatMap((t) => t.resources);

function one(root: ExpandedTemplate, type: string, problems: string[], category: string): DeployedResource | undefined {
  const found = deployed(root).filter((r) => r.type.toLowerCase() === type.toLowerCase());
  if (found.length !== 1) problems.push(`${category}: the template deploys ${found.length} ${type}, not one`);
  return found.length === 1 ? found[0] : undefined;
}

function settingsProblems(
  site: DeployedResource,
  expect: AppExpectations,
  storage: DeployedResource | undefined,
): string[] {
  const problems: string[] = [];
  const raw: Json[] = site.raw.properties?.siteConfig?.appSettings ?? [];
  const names = raw.map((s) => String(s.name));
  for (const name of names.filter((n, i) => names.indexOf(n) !== i)) problems.push(`settings: ${name} is set twice`);
  for (const name of expect.settingNames)
    if (!names.includes(name)) problems.push(`settings: the web app does not set ${name}, which the bot reads`);
  for (const name of names)
    if (!expect.settingNames.includes(name))
      problems.push(`settings: the web app sets ${name}, which the bot does not read`);
  for (const s of raw) {
    const literal = typeof s.value === 'string' && !isExpression(s.value) ? s.value : '';
    if (expect.secretSettings.includes(s.name) && literal)
      problems.push(`secret: ${s.name} is written into the template`);
    if (/AccountKey=|SharedAccessSignature=|sig=|password|secret/i.test(literal))
      problems.push(`secret: the value of ${s.name} looks like a secret written into the template`);
  }
  const blob = site.value.properties.siteConfig.appSettings.find(
    (s: Json) => s.name === 'STATE_BLOB_CONNECTION_STRING',
  )?.value;
  if (storage && !String(blob).includes(`listKeys(${storage.id})`))
    problems.push('settings: STATE_BLOB_CONNECTION_STRING does not come from the deployed Storage account');
  if (!storage && blob) problems.push('settings: STATE_BLOB_CONNECTION_STRING is set without a Storage account');
  return problems;
}

function siteProblems(site: DeployedResource, plan: DeployedResource | undefined, expect: AppExpectations): string[] {
  const p = site.value.properties ?? {};
  const c = p.siteConfig ?? {};
  const setting = (name: string) => c.appSettings?.find((s: Json) => s.name === name)?.value;
  const rules: [boolean, string][] = [
    [p.httpsOnly === true, 'httpsOnly is not true'],
    [
      ['1.2', '1.3'].includes(c.minTlsVersion) && ['1.2', '1.3'].includes(c.scmMinTlsVersion),
      'TLS below 1.2 is allowed',
    ],
    [c.ftpsState === 'Disabled', `ftpsState is ${c.ftpsState}, not Disabled`],
    [c.healthCheckPath === '/healthz', `healthCheckPath is ${c.healthCheckPath}, not /healthz`],
    [c.alwaysOn === true, 'Always On is off (the job poller would stop when idle)'],
    [/^NODE\|20-lts$/i.test(c.linuxFxVersion), `linuxFxVersion is ${c.linuxFxVersion}, not NODE|20-lts`],
    [
      c.appCommandLine === expect.startCommand,
      `appCommandLine is ${JSON.stringify(c.appCommandLine)}, not package.json start:prod (${expect.startCommand})`,
    ],
    [
      setting('SCM_DO_BUILD_DURING_DEPLOYMENT') === 'true',
      'SCM_DO_BUILD_DURING_DEPLOYMENT is not "true" (nothing would run npm run build)',
    ],
    [
      !!plan && String(p.serverFarmId).toLowerCase() === plan.id.toLowerCase(),
      "the web app is not on the template's plan",
    ],
    [
      !!plan && plan.value.properties?.reserved === true && /linux/i.test(plan.value.kind),
      'the plan is not a Linux plan',
    ],
  ];
  return rules.filter(([ok]) => !ok).map(([, what]) => `webapp: ${what}`);
}

export function appProblems(root: ExpandedTemplate, expect: AppExpectations): string[] {
  const problems: string[] = [];
  const identity = one(root, 'Microsoft.ManagedIdentity/userAssignedIdentities', problems, 'identity');
  const site = one(root, 'Microsoft.Web/sites', problems, 'webapp');
  const bot = one(root, 'Microsoft.BotService/botServices', problems, 'bot');
  const plan = one(root, 'Microsoft.Web/serverfarms', problems, 'webapp');
  const storage = deployed(root).find((r) => r.type === 'Microsoft.Storage/storageAccounts');
  if (!identity || !site || !bot) return problems;
  const clientId = `reference(${identity.id}).clientId`;
  const settings = Object.fromEntries<unknown>(
    site.value.properties.siteConfig.appSettings.map((s: Json) => [s.name, s.value]),
  );
  const webIdentities = Object.keys(site.value.identity?.userAssignedIdentities ?? {}).map((k) => k.toLowerCase());
  const b = bot.value.properties ?? {};
  const identityRules: [boolean, string][] = [
    [
      site.value.identity?.type === 'UserAssigned' && webIdentities.join() === identity.id.toLowerCase(),
      "the web app does not run as exactly the template's identity",
    ],
    [
      settings.AZURE_CLIENT_ID === clientId,
      "AZURE_CLIENT_ID is not the identity's client id (DefaultAzureCredential would not pick it)",
    ],
    [
      settings.MicrosoftAppId === clientId && settings.MicrosoftAppType === 'UserAssignedMSI',
      "MicrosoftAppId/MicrosoftAppType are not the identity's client id / UserAssignedMSI",
    ],
    [
      b.msaAppType === 'UserAssignedMSI' && b.msaAppId === clientId,
      "the Azure Bot's msaAppId is not the web app identity's client id",
    ],
    [
      String(b.msaAppMSIResourceId).toLowerCase() === identity.id.toLowerCase(),
      "the Azure Bot's msaAppMSIResourceId is not the web app's identity",
    ],
    [b.msaAppTenantId === settings.MicrosoftAppTenantId, "the Azure Bot's tenant is not MicrosoftAppTenantId"],
  ];
  problems.push(...identityRules.filter(([ok]) => !ok).map(([, what]) => `identity: ${what}`));
  if (b.endpoint !== `https://reference(${site.id}).defaultHostName/api/messages`) {
    problems.push(`bot: the messaging endpoint ${b.endpoint} is not the web app's /api/messages`);
  }
  const teams = deployed(root).find(
    (r) => r.type === 'Microsoft.BotService/botServices/channels' && r.name === `${bot.name}/MsTeamsChannel`,
  );
  const channel = teams?.value.properties;
  if (channel?.channelName !== 'MsTeamsChannel' || channel.properties?.isEnabled !== true)
    problems.push('bot: the Microsoft Teams channel is not enabled');
  problems.push(...settingsProblems(site, expect, storage), ...siteProblems(site, plan, expect));
  if (storage) {
    const s = storage.value.properties ?? {};
    if (s.minimumTlsVersion !== 'TLS1_2' || s.supportsHttpsTrafficOnly !== true || s.allowBlobPublicAccess !== false) {
      problems.push('storage: the Storage account must require TLS 1.2 and HTTPS and forbid public blob access');
    }
  }
  if (/\blist\w*\(/i.test(JSON.stringify(root.raw.outputs ?? {}))) {
    problems.push('secret: an output calls a list*() function (outputs are visible in the deployment history)');
  }
  if (/\b(newGuid|utcNow)\s*\(/i.test(JSON.stringify(root.raw))) {
    problems.push('principal: newGuid()/utcNow() make names differ on every deployment (not idempotent)');
  }
  return problems;
}
