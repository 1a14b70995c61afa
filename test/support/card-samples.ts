/**
 * Representative cards for every template in `cards/`, in English and Japanese, built by the real builders (and, for
 * cards a command assembles itself, by running the command) from a small, realistic estate: an ADE BEK+KEK SQL server
 * whose Key Vault lacks Azure Backup's access, a BEK-only web server on an RBAC vault that has it, an unprotected ADE
 * file
 * server on the same vault as the SQL server, an unprotected CMK VM whose agent is down, and two VMs sharing a name.
 * Shared by `test/unit/cards.test.ts` and `scripts/render-cards.ts`.
 */
import type {
  AzurePort,
  BackupJob,
  BackupPolicyInfo,
  KeyVaultInfo,
  ProtectionInfo,
  RecoveryPointInfo,
  RoleDefinitionInfo,
  VmDetails,
  VmRef,
} from '../../src/azure/port';
import { planGrant } from '../../src/approvals/grant-plan';
import type { GrantRequest } from '../../src/approvals/key-vault-grant';
import { runPreflight } from '../../src/rules/preflight';
import { sendProtectConfirmation } from '../../src/flows/offer-protect';
import { DEFAULT_RETENTION_DAYS, retainUntilAfter } from '../../src/rules/retention';
import { KEY_VAULT_ADMINISTRATOR_ROLE_ID } from '../../src/rules/key-vault-access';
import { resolveVm } from '../../src/flows/resolve-vm';
import { vmKey } from '../../src/core/vm';
import type { HandlerContext, Services } from '../../src/core/types';
import type { Card } from '../../src/core/poster';
import { approvalCard } from '../../src/cards/approval-card';
import { backupCard } from '../../src/cards/backup-confirm-card';
import { noticeCard } from '../../src/cards/notice-card';
import { checkCard } from '../../src/cards/check-card';
import { helpCard } from '../../src/cards/help-card';
import { commands } from '../../src/commands';
import { jobs } from '../../src/commands/jobs';
import { restore } from '../../src/commands/restore';
import { alertCard } from '../../src/cards/alert-card';
import type { Alert } from '../../src/watch/alert';
import { status } from '../../src/commands/status';
import { restoreSummaryCard } from '../../src/cards/restore-summary-card';
import { restoreChoices } from '../../src/rules/restore-options';
import { restoreNextSteps } from '../../src/rules/restore-next-steps';
import type { RestorePayload } from '../../src/confirmations/payloads';
import { loadConfig } from '../../src/config';
import { formatTime, messages, type Locale } from '../../src/i18n';
import { jobCard } from '../../src/cards/job-card';
import type { TrackedJob } from '../../src/jobs/tracked-job';
import { adeCardSamples } from './ade-card-samples';
import { protectionChangeCardSamples } from './protection-change-card-samples';
import { silentLogger } from '../../src/log';
import { openSqliteStore } from '../../src/state/sqlite-store';
import type { StateStore } from '../../src/state/store';

export interface CardSample {
  /** The template in `cards/` (without `.json`). */
  template: string;
  /** `template` or `template.variant`: names the PNG `scripts/render-cards.ts` writes. */
  id: string;
  locale: Locale;
  card: Card;
}

export const NOW = Date.parse('2026-11-29T09:00:00Z');
const SUB = '3f2c8a1e-5b7d-4c9a-9e21-7d4b6a0c1f85';
const TENANT = '5d1c7e2a-8f43-4b6e-a9d0-2c7f1e8b3a64';
/** The tenant's object id of "Backup Management Service" (app id 262044b1-…). */
const BACKUP_MANAGEMENT_OBJECT_ID = 'f40e18f0-6544-45c2-9d24-639a8bb3b41a';
const OPERATOR = { id: '0f8e1a5c-3b2d-4e6f-9a7b-1c2d3e4f5a6b', name: 'Aiko Tanaka' };
const APPROVER = { id: '7b6a5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d', name: 'Ben Okafor' };
const arm = (rg: string, type: string, name: string) =>
  `/subscriptions/${SUB}/resourceGroups/${rg}/providers/${type}/${name}`;
const RSV = arm('rg-backup', 'Microsoft.RecoveryServices/vaults', 'rsv-prod-jpe');
const ref = (rg: string, name: string, location = 'japaneast'): VmRef => ({
  id: arm(rg, 'Microsoft.Compute/virtualMachines', name),
  name,
  resourceGroup: rg,
  subscriptionId: SUB,
  location,
});
const at = (iso: string) => new Date(iso);

function keyVault(
  rg: string,
  name: string,
  model: KeyVaultInfo['permissionModel'],
  accessPolicies: KeyVaultInfo['accessPolicies'] = [],
): KeyVaultInfo {
  return {
    id: arm(rg, 'Microsoft.KeyVault/vaults', name),
    name,
    resourceGroup: rg,
    subscriptionId: SUB,
    location: 'japaneast',
    tenantId: TENANT,
    permissionModel: model,
    accessPolicies,
    enabledForDiskEncryption: true,
  };
}

/** Access policies: Backup may list and read secrets but lacks `backup`, and has no key permissions for the KEK. */
const sqlVault = keyVault('rg-prod-sql', 'kv-prod-ade-jpe', 'accessPolicy', [
  {
    tenantId: TENANT,
    objectId: '2a9e7c1b-6d4f-4e8a-b3c5-9f0d1e2a3b4c',
    keys: ['all'],
    secrets: ['all'],
    certificates: ['all'],
  },
  { tenantId: TENANT, objectId: BACKUP_MANAGEMENT_OBJECT_ID, keys: [], secrets: ['get', 'list'], certificates: [] },
]);
const webVault = keyVault('rg-prod-web', 'kv-web-ade', 'rbac');
const kvAdmin: RoleDefinitionInfo = {
  id: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${KEY_VAULT_ADMINISTRATOR_ROLE_ID}`,
  roleName: 'Key Vault Administrator',
  actions: ['Microsoft.Authorization/*/read', 'Microsoft.KeyVault/checkNameAvailability/read'],
  dataActions: ['Microsoft.KeyVault/vaults/*'],
};

const sqlAde = {
  secretVaultId: sqlVault.id,
  secretUrl:
    'https://kv-prod-ade-jpe.vault.azure.net/secrets/8C1F2A64-3B7D-4E0A-9F15-6D2C8B4E7A31/0f3c9b1e2d4a4c6e8f0a1b2c3d4e5f60',
  kekUrl: 'https://kv-prod-ade-jpe.vault.azure.net/keys/ade-kek/6d1f0e2c3b4a59687f8e9d0c1b2a3f4e',
  kekVaultId: sqlVault.id,
};
const webAde = {
  secretVaultId: webVault.id,
  secretUrl:
    'https://kv-web-ade.vault.azure.net/secrets/3E5A7C91-0B2D-4F6E-8A1C-5D7F9B3E1A24/9a8b7c6d5e4f30211f2e3d4c5b6a7980',
};

const vms: VmDetails[] = [
  {
    ...ref('rg-prod-sql', 'sql-prod-01'),
    osType: 'Windows',
    managedDisks: true,
    encryption: 'ADE_BEK_KEK',
    ade: sqlAde,
    agent: { state: 'Ready', version: '2.7.41491.1102' },
    powerState: 'VM running',
    disks: [
      { name: 'sql-prod-01_OsDisk_1', role: 'os', managed: true, ade: sqlAde },
      { name: 'sql-prod-01_data_0', role: 'data', managed: true, ade: sqlAde },
    ],
  },
  {
    ...ref('rg-prod-web', 'web-prod-02'),
    osType: 'Linux',
    managedDisks: true,
    encryption: 'ADE_BEK',
    ade: webAde,
    agent: { state: 'Ready', version: '2.10.0.8' },
    powerState: 'VM running',
    disks: [{ name: 'web-prod-02_OsDisk_1', role: 'os', managed: true, ade: webAde }],
  },
  {
    ...ref('rg-prod-files', 'files-ade-04'),
    osType: 'Windows',
    managedDisks: true,
    encryption: 'ADE_BEK_KEK',
    ade: sqlAde,
    agent: { state: 'Ready', version: '2.7.41491.1102' },
    powerState: 'VM running',
    disks: [{ name: 'files-ade-04_OsDisk_1', role: 'os', managed: true, ade: sqlAde }],
  },
  {
    ...ref('rg-prod-app', 'app-cmk-03'),
    osType: 'Windows',
    managedDisks: true,
    encryption: 'CMK',
    agent: { state: 'NotReady', message: 'VM agent is unable to connect to the Azure platform.' },
    powerState: 'VM running',
    disks: [
      {
        name: 'app-cmk-03_OsDisk_1',
        role: 'os',
        managed: true,
        diskEncryptionSetId: arm('rg-prod-app', 'Microsoft.Compute/diskEncryptionSets', 'des-prod-app'),
      },
    ],
  },
];
const [sqlVm, webVm, filesVm, cmkVm] = vms;
const twins = [ref('rg-prod-web', 'web01'), ref('rg-dr-web', 'web01', 'japanwest')];

function protection(vm: VmRef, lastBackupStatus: string, lastBackupTime: string, healthStatus: string): ProtectionInfo {
  const item = `iaasvmcontainerv2;${vm.resourceGroup};${vm.name}`;
  return {
    vaultId: RSV,
    containerName: `iaasvmcontainer;${item}`,
    protectedItemName: `vm;${item}`,
    policyName: 'daily-2200-30d',
    policyId: `${RSV}/backupPolicies/daily-2200-30d`,
    protectionState: 'Protected',
    healthStatus,
    lastBackupStatus,
    lastBackupTime: at(lastBackupTime),
  };
}
const protections = new Map([
  [sqlVm.id, protection(sqlVm, 'Failed', '2026-11-28T22:14:03Z', 'ActionRequired')],
  [webVm.id, protection(webVm, 'Completed', '2026-11-28T21:03:41Z', 'Passed')],
]);

const VM_NAMES = ['sql-prod-01', 'web-prod-02', 'web01', 'app-cmk-03', 'db-analytics-ade-long-name-07'];
/** 30 jobs of the last day (the `jobs` command shows 25): the biggest notice card people get. */
const jobList: BackupJob[] = Array.from({ length: 30 }, (_, i) => {
  const status = (['Completed', 'Failed', 'InProgress', 'CompletedWithWarnings', 'Completed'] as const)[i % 5];
  const startTime = new Date(NOW - (i + 1) * 45 * 60_000);
  return {
    jobId: `6b1e4d2c-9a3f-4c5e-8d7b-${String(100000000000 + i)}`,
    vaultId: RSV,
    operation: i % 7 === 3 ? 'Restore' : 'Backup',
    status,
    entityFriendlyName: VM_NAMES[i % VM_NAMES.length],
    startTime,
    durationMs: status === 'InProgress' ? undefined : (14 + i) * 60_000,
    errors: [],
  };
});
const kvError = {
  code: 'UserErrorKeyVaultPermissionsNotConfigured',
  message:
    'Azure Backup Service does not have sufficient permissions to Key Vault for Backup of Encrypted Virtual Machines.',
  recommendations: [
    'Please provide Backup Service permissions to access Key Vault. You can provide permissions in the Access Policies section of the Key Vault in the Azure portal.',
  ],
};
const vssWarning = {
  code: 'ExtensionSnapshotBitlockerError',
  message: 'The snapshot operation failed with the Volume Shadow Copy Service (VSS) operation error.',
  recommendations: ['Unlock all BitLocker-encrypted drives and check that the VSS service is running.'],
};
const policy = (
  name: string,
  frequency: string,
  times: string[],
  more: Partial<BackupPolicyInfo>,
): BackupPolicyInfo => ({
  id: `${RSV}/backupPolicies/${name}`,
  name,
  scheduleFrequency: frequency,
  scheduleTimes: times,
  timeZone: 'Tokyo Standard Time',
  ...more,
});
const policies = [
  policy('DefaultPolicy', 'Daily', ['2026-01-01T22:00:00Z'], { dailyRetentionDays: 30, instantRpRetentionDays: 2 }),
  policy('daily-2200-30d', 'Daily', ['2026-01-01T22:00:00Z'], {
    dailyRetentionDays: 30,
    weeklyRetentionWeeks: 12,
    monthlyRetentionMonths: 12,
    instantRpRetentionDays: 5,
  }),
  policy('enhanced-4h', 'Hourly', ['2026-01-01T08:00:00Z'], { dailyRetentionDays: 14, instantRpRetentionDays: 7 }),
  policy('weekly-sun-52w', 'Weekly', ['2026-01-01T02:00:00Z'], {
    scheduleWeekdays: ['Sunday'],
    weeklyRetentionWeeks: 52,
    yearlyRetentionYears: 7,
  }),
];
const points: RecoveryPointInfo[] = [
  {
    id: `${RSV}/recoveryPoints/41829374650192`,
    name: '41829374650192',
    time: at('2026-11-28T21:09:12Z'),
    consistency: 'FileSystemConsistent',
    tiers: ['Snapshot', 'Vault'],
    isSourceVmEncrypted: true,
    keyAndSecret: { secretUrl: webAde.secretUrl, secretVaultId: webVault.id },
  },
];

/** An Azure port over the estate above; any method the samples do not need fails loudly. */
const azure: AzurePort = new Proxy(
  // The assertion below is what lets the Proxy's handler index the target by any port method name.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
  {
    findVms: async (name: string, rg?: string) =>
      [...vms, ...twins].filter((v) => v.name === name && (!rg || v.resourceGroup === rg)),
    getVm: async (vm: VmRef) => vms.find((v) => v.id === vm.id)!,
    getKeyVault: async (id: string) => [sqlVault, webVault].find((v) => v.id === id)!,
    listRoleAssignments: async (scope: string, principalId: string) =>
      scope === webVault.id
        ? [
            {
              id: `${scope}/providers/Microsoft.Authorization/roleAssignments/c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f`,
              name: 'c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f',
              scope,
              principalId,
              roleDefinitionId: kvAdmin.id,
            },
          ]
        : [],
    getRoleDefinition: async () => kvAdmin,
    getProtection: async (vm: VmRef) => protections.get(vm.id),
    listRecoveryPoints: async () => points,
    getBackupStatus: async (vm: VmRef) => {
      const protection = protections.get(vm.id);
      return protection && { protection, points, running: jobList.filter((j) => j.status === 'InProgress') };
    },
    getRecoveryVault: async (id: string) => ({
      id,
      name: 'rsv-prod-jpe',
      resourceGroup: 'rg-backup',
      subscriptionId: SUB,
      location: 'japaneast',
      crossRegionRestore: true,
    }),
    listPolicies: async () => policies,
    listJobs: async () => jobList,
    getJob: async (_vault: string, jobId: string) => {
      const job = jobList.find((j) => j.jobId === jobId)!;
      return { ...job, errors: [job.status === 'Failed' ? kvError : vssWarning] };
    },
  } as Partial<AzurePort>,
  {
    get: (target, name) =>
      name in target || typeof name === 'symbol' || name === 'then'
        ? target[name as keyof AzurePort]
        : () => Promise.reject(new Error(`card samples do not use AzurePort.${String(name)}`)),
  },
) as AzurePort;

/** State the builders below never touch: reaching it is a bug in the samples. */
function unused<T extends object>(what: string): T {
  return new Proxy({} as T, {
    get: (_t, name) => {
      throw new Error(`card samples do not use ${what}.${String(name)}`);
    },
  });
}

const config = loadConfig({
  RECOVERY_VAULT_IDS: RSV,
  BACKUP_OPERATOR_IDS: `${OPERATOR.id},2c3d4e5f-6a7b-4c8d-9e0f-a1b2c3d4e5f6`,
  BACKUP_APPROVER_IDS: APPROVER.id,
  BACKUP_MANAGEMENT_SERVICE_OBJECT_ID: BACKUP_MANAGEMENT_OBJECT_ID,
  STATE_PATH: '/nonexistent/state.sqlite',
});
const servicesWith = (store: StateStore): Services => ({
  config,
  azure,
  store,
  clock: { now: () => NOW },
  log: silentLogger,
  jobs: unused('jobs'),
  simulated: false,
});

/** Runs a command (or part of one) as an operator in `locale` and returns the one card it sends. */
async function cardFrom(
  locale: Locale,
  services: Services,
  run: (ctx: HandlerContext) => Promise<unknown>,
): Promise<Card> {
  const sent: Card[] = [];
  const ctx: HandlerContext = {
    user: OPERATOR,
    conversation: {
      id: '19:3b6f0c2d9e1a4f5b8c7d6e5f4a3b2c1d@thread.tacv2;messageid=1732870000000',
      channelId: '19:3b6f0c2d9e1a4f5b8c7d6e5f4a3b2c1d@thread.tacv2',
    },
    locale,
    msg: messages(locale),
    log: silentLogger,
    services,
    send: async (message) => {
      if (message.card) sent.push(message.card);
      return undefined;
    },
    update: () => Promise.reject(new Error('card samples do not update')),
    background: () => {
      throw new Error('card samples run no background work');
    },
  };
  await run(ctx);
  if (sent.length !== 1) throw new Error(`expected one card, got ${sent.length}`);
  return sent[0];
}

function trackedJob(locale: Locale, view: TrackedJob['view'], operation = 'Backup'): TrackedJob {
  return {
    jobId: '9a1d2c3e-4b5f-4a6b-8c7d-0e1f2a3b4c5d',
    vaultId: RSV,
    operation,
    vm: {
      id: sqlVm.id,
      name: sqlVm.name,
      resourceGroup: sqlVm.resourceGroup,
      encryption: sqlVm.encryption,
      osType: sqlVm.osType,
    },
    conversationId: '19:3b6f0c2d9e1a4f5b8c7d6e5f4a3b2c1d@thread.tacv2',
    locale,
    startedBy: OPERATOR,
    createdAt: NOW - 20 * 60_000,
    view,
    details: { retainUntil: formatTime(locale, at('2026-12-29T23:59:59Z')) },
  };
}

/** A reviewed restore of the ADE web server: restore disks into another resource group, through a staging account. */
function restorePayload(): RestorePayload {
  return {
    vm: {
      id: webVm.id,
      name: webVm.name,
      resourceGroup: webVm.resourceGroup,
      subscriptionId: SUB,
      location: webVm.location,
      encryption: webVm.encryption,
      osType: webVm.osType,
    },
    vault: { id: RSV, name: 'rsv-prod-jpe', location: 'japaneast' },
    points: points.map((p) => ({
      name: p.name,
      time: p.time.toISOString(),
      consistency: p.consistency,
      tiers: p.tiers,
    })),
    choices: restoreChoices(webVm.encryption, { location: 'japaneast', crossRegionRestore: true }),
    selection: {
      pointName: points[0].name,
      kind: 'RestoreDisks',
      region: 'japaneast',
      crossRegion: false,
      resourceGroup: 'rg-restore-test',
      storageAccount: { resourceGroup: 'rg-restore-test', name: 'strestorestaging01' },
    },
  };
}

async function approval(locale: Locale, status: GrantRequest['status']): Promise<Card> {
  const { plan } = await planGrant(azure, sqlVault, BACKUP_MANAGEMENT_OBJECT_ID, [
    { key: vmKey(sqlVm), encryption: sqlVm.encryption },
  ]);
  const decided =
    status === 'draft' || status === 'pending'
      ? {}
      : {
          decidedBy: APPROVER,
          decidedAt: NOW - 5 * 60_000,
          comment: locale === 'ja' ? 'CHG0042817 で承認' : 'Approved under CHG0042817',
        };
  const reason =
    locale === 'ja'
      ? '今夜のバックアップが UserErrorKeyVaultPermissionsNotConfigured で失敗したため'
      : "Last night's backup failed with UserErrorKeyVaultPermissionsNotConfigured";
  return approvalCard(
    {
      id: 'e2f3a4b5-c6d7-4e8f-9a0b-1c2d3e4f5a6b',
      status,
      plan,
      requester: OPERATOR,
      reason: status === 'draft' ? undefined : reason,
      conversationId: 'c',
      locale,
      createdAt: NOW - 30 * 60_000,
      expiresAt: NOW + 23 * 3600_000,
      ...decided,
    },
    NOW,
  );
}

function restoredJobCard(locale: Locale): Card {
  const job = trackedJob(
    locale,
    {
      status: 'Completed',
      startTime: '2026-11-29T07:10:00Z',
      endTime: '2026-11-29T08:02:00Z',
      durationMs: 52 * 60_000,
      errors: [],
    },
    'Restore',
  );
  return jobCard(job, restoreNextSteps(job));
}

function alert(locale: Locale, status: Alert['status']): Card {
  return alertCard({
    vmName: sqlVm.name,
    vmKey: vmKey(sqlVm),
    vaultId: RSV,
    day: '2026-11-29',
    kind: 'failed',
    status,
    jobIds: ['a', 'b'],
    count: 2,
    lastAt: Date.parse('2026-11-29T08:41:35Z'),
    error: { code: 'UserErrorKeyvaultPermissionsNotConfigured', message: kvError.message },
    policyName: 'daily-2200-30d',
    scheduled: true,
    conversationId: '19:3b6f0c2d9e1a4f5b8c7d6e5f4a3b2c1d@thread.tacv2',
    locale,
    resolvedAt: status === 'resolved' ? NOW : undefined,
  });
}

/** Every sample for one language. */
export async function cardSamples(locale: Locale): Promise<CardSample[]> {
  const store = openSqliteStore(':memory:');
  try {
    return await samplesWith(locale, servicesWith(store));
  } finally {
    await store.close();
  }
}

async function samplesWith(locale: Locale, services: Services): Promise<CardSample[]> {
  const m = messages(locale);
  const oid = BACKUP_MANAGEMENT_OBJECT_ID;
  const [sqlCheck, webCheck, , cmkCheck] = await Promise.all(vms.map((vm) => runPreflight(azure, vm, oid)));
  const retainUntil = retainUntilAfter(DEFAULT_RETENTION_DAYS, NOW);
  const failed = {
    status: 'Failed' as const,
    startTime: '2026-11-29T08:40:00Z',
    endTime: '2026-11-29T08:41:35Z',
    durationMs: 95_000,
    errors: [kvError],
  };
  const cards: [string, Card | Promise<Card>][] = [
    ['alert', alert(locale, 'open')],
    ['alert.resolved', alert(locale, 'resolved')],
    ['approval', approval(locale, 'draft')],
    ['approval.pending', approval(locale, 'pending')],
    ['approval.applied', approval(locale, 'applied')],
    [
      'backup-confirm',
      backupCard(m, locale, webCheck, { pendingId: '1f2e3d4c-5b6a-4798-8a9b-0c1d2e3f4a5b', retainUntil, now: NOW }),
    ],
    ['backup-confirm.kv-missing', backupCard(m, locale, sqlCheck, { retainUntil, now: NOW })],
    ['backup-confirm.unprotected', backupCard(m, locale, cmkCheck, { retainUntil, now: NOW })],
    ['check', checkCard(m, locale, sqlCheck, new Date(NOW))],
    ['check.ready', checkCard(m, locale, webCheck, new Date(NOW))],
    ['check.unprotected', checkCard(m, locale, cmkCheck, new Date(NOW))],
    ['choose-vm', cardFrom(locale, services, (ctx) => resolveVm(ctx, 'web01', 'check', m.commands.check.usage))],
    ['help', helpCard(m, commands, services)],
    ['job', jobCard(trackedJob(locale, failed))],
    [
      'job.in-progress',
      jobCard(
        trackedJob(locale, {
          status: 'InProgress',
          task: 'Take Snapshot',
          taskAt: '2026-11-29T08:41:00Z',
          startTime: '2026-11-29T08:40:00Z',
          errors: [],
        }),
      ),
    ],
    ['job.restore-completed', restoredJobCard(locale)],
    ['restore-form', cardFrom(locale, services, (ctx) => restore.handle(ctx, { vm: 'web-prod-02' }))],
    ['restore-summary', restoreSummaryCard(m, locale, '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d', restorePayload())],
    [
      'notice',
      noticeCard(
        m.backup.startingTitle(sqlVm.name),
        [m.backup.starting(OPERATOR.name, formatTime(locale, at(`${retainUntil}T23:59:59Z`)))],
        { color: 'Accent' },
      ),
    ],
    ['notice.status', cardFrom(locale, services, (ctx) => status.handle(ctx, { vm: 'web-prod-02' }))],
    ['protect-confirm', cardFrom(locale, services, (ctx) => sendProtectConfirmation(ctx, filesVm))],
    ['protect-confirm.cmk', cardFrom(locale, services, (ctx) => sendProtectConfirmation(ctx, cmkVm, 'weekly-sun-52w'))],
    ['notice.jobs', cardFrom(locale, services, (ctx) => jobs.handle(ctx, {}))],
    ...adeCardSamples(locale),
    ...protectionChangeCardSamples(locale),
  ];
  return Promise.all(cards.map(async ([id, card]) => ({ template: id.split('.')[0], id, locale, card: await card })));
}

export async function allCardSamples(): Promise<CardSample[]> {
  return [...(await cardSamples('en')), ...(await cardSamples('ja'))];
}
