/**
 * The offline checks catch what they claim to: each case breaks a copy of infra/azuredeploy.json in one way and
 * expects the check named by the problem's prefix to report it (and the template as shipped not to).
 */
import type { Json } from './arm-template';
import { checkTemplate } from './checks';
import { TEMPLATE_PATH, readJson, templateCheck } from './fixtures';

const byType = (t: Json, type: string): Json => t.resources.find((r: Json) => r.type === type);
const site = (t: Json): Json => byType(t, 'Microsoft.Web/sites');
const setting = (t: Json, name: string): Json =>
  site(t).properties.siteConfig.appSettings.find((s: Json) => s.name === name);
const bot = (t: Json): Json => byType(t, 'Microsoft.BotService/botServices');
/**
 * The nested deployment whose name contains `part` (`-vault-`, `-kv-rbac-`…), or `subscription`: the one at
 * subscription scope.
 */
const nested = (t: Json, part: string): Json =>
  t.resources.find((r: Json) => {
    if (r.type !== 'Microsoft.Resources/deployments') return false;
    return part === 'subscription' ? !r.resourceGroup : String(r.name).includes(part);
  });
const innerAssignment = (t: Json, part: string): Json =>
  nested(t, part).properties.template.resources.find((r: Json) => r.type === 'Microsoft.Authorization/roleAssignments');
const withoutSetting = (t: Json, name: string) => {
  site(t).properties.siteConfig.appSettings = site(t).properties.siteConfig.appSettings.filter(
    (s: Json) => s.name !== name,
  );
};

interface Case {
  what: string;
  breakIt: (template: Json) => void;
  /** The problem the checks must report. */
  reports: RegExp;
}

const cases: Case[] = [
  {
    what: 'a typo in an app-setting name',
    breakIt: (t) => (setting(t, 'RECOVERY_VAULT_IDS').name = 'RECOVERY_VAULTS_IDS'),
    reports: /^settings: the web app does not set RECOVERY_VAULT_IDS/,
  },
  {
    what: 'a setting the bot reads left out',
    breakIt: (t) => withoutSetting(t, 'AZURE_CLIENT_ID'),
    reports: /^settings: the web app does not set AZURE_CLIENT_ID/,
  },
  {
    what: 'a client secret added',
    breakIt: (t) =>
      site(t).properties.siteConfig.appSettings.push({
        name: 'MicrosoftAppPassword',
        value: "[parameters('namePrefix')]",
      }),
    reports: /^settings: the web app sets MicrosoftAppPassword/,
  },
  {
    what: 'a storage key written inline',
    breakIt: (t) =>
      (setting(t, 'STATE_BLOB_CONNECTION_STRING').value =
        'DefaultEndpointsProtocol=https;AccountName=st;AccountKey=c2VjcmV0'),
    reports: /^secret: STATE_BLOB_CONNECTION_STRING is written into the template/,
  },
  {
    what: 'a storage key in the outputs',
    breakIt: (t) =>
      (t.outputs.key = { type: 'string', value: "[listKeys(variables('storageId'), '2023-05-01').keys[0].value]" }),
    reports: /^secret: an output calls a list/,
  },
  {
    what: 'a wrong built-in role id',
    breakIt: (t) => (t.variables.builtInRoles.BackupReader = 'a795c7a0-77ef-4a3b-9c27-2ef9d3a05f3d'),
    reports: /^role: variables\.builtInRoles\.BackupReader is a795c7a0-77ef/,
  },
  {
    what: 'a broader role than the operation needs',
    breakIt: (t) =>
      (nested(t, '-vault-').properties.parameters.roleGuid.value = "[variables('builtInRoles').Contributor]"),
    reports: /^role: the identity gets \/subscriptions\/.*rsv-prod-japaneast at contributor/,
  },
  {
    what: 'a role at the wrong scope',
    breakIt: (t) =>
      (nested(t, 'subscription').properties.parameters.readerRoleGuid.value =
        "[variables('builtInRoles').BackupOperator]"),
    reports: /^role: the identity should get \/subscriptions\/[0-9-]+ at reader/,
  },
  {
    what: 'a custom role with more actions',
    breakIt: (t) => {
      const keyVaultRole = nested(t, 'subscription').properties.template.resources[0];
      keyVaultRole.properties.permissions[0].actions.push('Microsoft.KeyVault/vaults/write');
    },
    reports: /^role: the identity gets .*kv-ade-prod at custom role/,
  },
  {
    what: 'an unresolved parameter',
    breakIt: (t) => (site(t).properties.siteConfig.alwaysOn = "[parameters('alwaysOn')]"),
    reports: /^reference: the template uses parameters\('alwaysOn'\)/,
  },
  {
    what: 'an unresolved variable',
    breakIt: (t) => (bot(t).properties.displayName = "[variables('botDisplayname')]"),
    reports: /^reference: the template uses variables\('botDisplayname'\)/,
  },
  {
    what: 'an unused parameter',
    breakIt: (t) => (t.parameters.planTier = { type: 'string', defaultValue: 'Basic' }),
    reports: /^unused: the template declares parameter planTier/,
  },
  {
    what: 'a dependsOn on nothing',
    breakIt: (t) => bot(t).dependsOn.push("[resourceId('Microsoft.Web/sites', 'app-typo')]"),
    reports: /^dependsOn: resources\[4\] depends on .*app-typo/,
  },
  {
    what: 'a reference() without dependsOn',
    breakIt: (t) => (bot(t).dependsOn = ["[variables('identityId')]"]),
    reports: /^implicit: resources\[4\] reads .*microsoft\.web\/sites/,
  },
  {
    what: 'a role for another principal',
    breakIt: (t) =>
      (nested(t, '-vault-').properties.parameters.principalId.value =
        "[parameters('backupManagementServiceObjectId')]"),
    reports: /^principal: resources\[7\]#0.* not to the bot's identity/,
  },
  {
    what: 'principalType left out',
    breakIt: (t) => delete innerAssignment(t, 'subscription').properties.principalType,
    reports: /^principal: .* principalType undefined/,
  },
  {
    what: 'a fixed role assignment name',
    breakIt: (t) => (innerAssignment(t, 'subscription').name = 'ade-bot-reader'),
    reports: /^principal: .* not by guid\(\)/,
  },
  {
    what: 'RBAC Administrator without its condition',
    breakIt: (t) => delete innerAssignment(t, '-kv-rbac-').properties.condition,
    reports: /^condition: .*Role Based Access Control Administrator without the condition/,
  },
  {
    what: 'a condition that allows another role',
    breakIt: (t) => (t.variables.keyVaultBackupRole = "[variables('builtInRoles').Contributor]"),
    reports: /^condition: /,
  },
  {
    what: 'the bot on another identity than the web app',
    breakIt: (t) =>
      (bot(t).properties.msaAppMSIResourceId =
        "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-other')]"),
    reports: /^identity: the Azure Bot's msaAppMSIResourceId/,
  },
  {
    what: 'msaAppId not the client id',
    breakIt: (t) => (bot(t).properties.msaAppId = "[reference(variables('identityId'), '2023-01-31').principalId]"),
    reports: /^identity: the Azure Bot's msaAppId/,
  },
  {
    what: 'a misspelled enum value',
    breakIt: (t) => (site(t).properties.siteConfig.ftpsState = 'Disable'),
    reports: /^schema: the template resources\[3\] \(Microsoft\.Web\/sites\) \/properties\/siteConfig\/ftpsState/,
  },
  {
    what: 'a misspelled template property',
    breakIt: (t) => (t.outupts = {}),
    reports: /^schema: the template\/ must NOT have additional properties \(outupts\)/,
  },
  {
    what: 'a wrong value type',
    breakIt: (t) => (byType(t, 'Microsoft.Storage/storageAccounts').properties.supportsHttpsTrafficOnly = 'yes'),
    reports: /^schema: .*supportsHttpsTrafficOnly/,
  },
  {
    what: 'an apiVersion with no vendored schema',
    breakIt: (t) => (byType(t, 'Microsoft.Storage/storageAccounts').apiVersion = '2023-06-01'),
    reports: /^schema: .*no vendored schema for Microsoft\.Storage\/storageAccounts@2023-06-01/,
  },
  {
    what: 'a misspelled Teams channel property',
    breakIt: (t) => (byType(t, 'Microsoft.BotService/botServices/channels').properties.properties = { isEnable: true }),
    reports: /^schema: .*channel .*isEnabled/,
  },
  {
    what: 'the Teams channel disabled',
    breakIt: (t) => (byType(t, 'Microsoft.BotService/botServices/channels').properties.properties.isEnabled = false),
    reports: /^bot: the Microsoft Teams channel is not enabled/,
  },
  {
    what: 'TLS 1.0 allowed',
    breakIt: (t) => (site(t).properties.siteConfig.minTlsVersion = '1.0'),
    reports: /^webapp: TLS below 1\.2/,
  },
  {
    what: 'FTP on',
    breakIt: (t) => (site(t).properties.siteConfig.ftpsState = 'FtpsOnly'),
    reports: /^webapp: ftpsState is FtpsOnly/,
  },
  {
    what: 'a start that compiles on every restart',
    breakIt: (t) => (t.variables.startCommand = 'npm start'),
    reports: /^webapp: appCommandLine is "npm start"/,
  },
  {
    what: 'no build at deploy time',
    breakIt: (t) => (setting(t, 'SCM_DO_BUILD_DURING_DEPLOYMENT').value = 'false'),
    reports: /^webapp: SCM_DO_BUILD_DURING_DEPLOYMENT/,
  },
  {
    what: 'public blob access',
    breakIt: (t) => (byType(t, 'Microsoft.Storage/storageAccounts').properties.allowBlobPublicAccess = true),
    reports: /^storage: /,
  },
  {
    what: 'a nested deployment evaluated in the outer scope',
    breakIt: (t) => delete nested(t, '-vault-').properties.expressionEvaluationOptions,
    reports: /^evaluate: resources\[7\]#0: a nested deployment must use/,
  },
  {
    what: 'a nested parameter misspelled',
    breakIt: (t) => {
      const { vaultName, ...rest } = nested(t, '-vault-').properties.parameters;
      nested(t, '-vault-').properties.parameters = { ...rest, vaultname: vaultName };
    },
    reports: /^parameters: vaultname is given but the template does not declare it/,
  },
];

describe('the offline checks of infra/azuredeploy.json', () => {
  const shipped = checkTemplate(templateCheck());

  it.each(cases)('report $what', ({ breakIt, reports }) => {
    const copy = readJson(TEMPLATE_PATH);
    breakIt(copy);
    expect(shipped.filter((p) => reports.test(p))).toEqual([]);
    expect(checkTemplate(templateCheck(copy))).toEqual(expect.arrayContaining([expect.stringMatching(reports)]));
  });
});
