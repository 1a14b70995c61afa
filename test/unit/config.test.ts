import { ConfigError, loadConfig } from '../../src/config';

const SUB = '8f2c5e1a-3b7d-4c6e-9a1f-2d4b6c8e0a13';
const VAULT = `/subscriptions/${SUB}/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/rsv-prod`;
const BMS = '11111111-2222-4333-8444-555555555555';

describe('loadConfig', () => {
  it('defaults to the simulator, port 3978, 30 s polling and 24 h approvals', () => {
    const c = loadConfig({}, '/srv/bot');
    expect(c.subscriptionId).toBeUndefined();
    expect(c.port).toBe(3978);
    expect(c.armEndpoint).toBe('https://management.azure.com');
    expect(c.statePath).toBe('/srv/bot/data/state.sqlite');
    expect(c.jobPollIntervalMs).toBe(30_000);
    expect(c.approvalTtlMs).toBe(24 * 3600_000);
    expect(c.approvalRequiredFor).toEqual(['delete-data', 'stop', 'policy-change', 'undelete']);
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('APPROVAL_REQUIRED_FOR: any of the operations, in any case; deleting data always needs an approver', () => {
    expect(loadConfig({ APPROVAL_REQUIRED_FOR: ' Stop, resume ' }).approvalRequiredFor).toEqual([
      'delete-data',
      'stop',
      'resume',
    ]);
    expect(loadConfig({ APPROVAL_REQUIRED_FOR: 'none' }).approvalRequiredFor).toEqual(['delete-data']);
    expect(loadConfig({ APPROVAL_REQUIRED_FOR: 'undelete,delete-data' }).approvalRequiredFor).toEqual([
      'delete-data',
      'undelete',
    ]);
  });

  it('parses a real-Azure configuration', () => {
    const c = loadConfig({
      AZURE_SUBSCRIPTION_ID: SUB,
      RECOVERY_VAULT_IDS: ` ${VAULT} `,
      BACKUP_MANAGEMENT_SERVICE_OBJECT_ID: BMS,
      BACKUP_OPERATOR_IDS: `${BMS}, ${SUB}`,
      AZURE_RESOURCE_MANAGER_ENDPOINT: 'https://management.usgovcloudapi.net/',
    });
    expect(c.recoveryVaultIds).toEqual([VAULT]);
    expect(c.operatorIds).toEqual([BMS, SUB]);
    expect(c.armEndpoint).toBe('https://management.usgovcloudapi.net');
  });

  it.each([
    [{ PORT: 'eighty' }, /^PORT must be a whole number from 0 to 65535 \(got "eighty"\)\.$/],
    [{ AZURE_SUBSCRIPTION_ID: 'my-sub' }, /^AZURE_SUBSCRIPTION_ID must be a GUID/],
    [{ AZURE_SUBSCRIPTION_ID: SUB }, /^RECOVERY_VAULT_IDS must list at least one/],
    [
      { AZURE_SUBSCRIPTION_ID: SUB, RECOVERY_VAULT_IDS: VAULT },
      /^BACKUP_MANAGEMENT_SERVICE_OBJECT_ID must be the object id/,
    ],
    [
      { RECOVERY_VAULT_IDS: 'rsv-prod' },
      /^RECOVERY_VAULT_IDS must be a comma-separated list of Recovery Services vault resource ids/,
    ],
    [
      { BACKUP_OPERATOR_IDS: 'alice@contoso.com' },
      /^BACKUP_OPERATOR_IDS must be a comma-separated list of Entra object ids/,
    ],
    [
      { AZURE_RESOURCE_MANAGER_ENDPOINT: 'http://127.0.0.1:8443' },
      /^AZURE_RESOURCE_MANAGER_ENDPOINT must be an https:\/\/ URL/,
    ],
    [{ MicrosoftAppId: BMS }, /^MicrosoftAppPassword must be set when MicrosoftAppId is set/],
    [{ MicrosoftAppType: 'Tenant' }, /^MicrosoftAppType must be MultiTenant, SingleTenant or UserAssignedMSI/],
    [{ JOB_POLL_INTERVAL_SECONDS: '0' }, /^JOB_POLL_INTERVAL_SECONDS must be a whole number from 1 to 3600/],
    [
      { APPROVAL_REQUIRED_FOR: 'stop,disable-soft-delete' },
      /^APPROVAL_REQUIRED_FOR must be "none" or a comma-separated list of delete-data, stop, policy-change, undelete, resume \(got "disable-soft-delete"\)\.$/,
    ],
  ])('refuses %j with one sentence naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
