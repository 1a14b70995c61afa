/**
 * Samples of the ADE retirement cards, built by the real builders from a small realistic fleet (every path, a size
 * without encryption at host, a Key Vault without purge protection, long-term points past 2028, a plan under way) and
 * from a large one whose names are as long as Azure allows (the longest page). Part of `card-samples.ts`.
 */
import type { FleetDisk, FleetKeyVault, FleetPolicy, FleetProtectedItem, FleetVm } from '../../src/azure/fleet';
import { adePlanCard } from '../../src/cards/ade-plan-card';
import { adeReportCard } from '../../src/cards/ade-report-card';
import { adeReportPageCard, ROWS_PER_PAGE } from '../../src/cards/ade-report-page-card';
import type { Card } from '../../src/core/poster';
import { messages, type Locale } from '../../src/i18n';
import { buildReport, type FleetSnapshot } from '../../src/migration/fleet-report';
import { classifyAde } from '../../src/migration/classify';
import { backupDone, linkNewVm, newPlan, newVmProtected, type MigrationPlan } from '../../src/migration/plan';
import { planView } from '../../src/migration/plan-view';

const NOW = Date.parse('2026-11-29T09:00:00Z');
const DAY = 86_400_000;
const SUB = '3f2c8a1e-5b7d-4c9a-9e21-7d4b6a0c1f85';
const arm = (rg: string, type: string, name: string) =>
  `/subscriptions/${SUB}/resourceGroups/${rg}/providers/${type}/${name}`;
const RSV = arm('rg-backup', 'Microsoft.RecoveryServices/vaults', 'rsv-prod-jpe');

function vm(
  rg: string,
  name: string,
  osType: 'Windows' | 'Linux',
  vmSize: string,
  extra: Partial<FleetVm> = {},
): FleetVm {
  return {
    id: arm(rg, 'Microsoft.Compute/virtualMachines', name),
    name,
    resourceGroup: rg,
    subscriptionId: SUB,
    location: 'japaneast',
    vmSize,
    osType,
    encryptionAtHost: false,
    createdAt: new Date(NOW - 900 * DAY),
    osDisk: { name: `${name}_OsDisk`, managedDiskId: arm(rg, 'Microsoft.Compute/disks', `${name}_OsDisk`) },
    dataDisks: [{ name: `${name}_Data0`, managedDiskId: arm(rg, 'Microsoft.Compute/disks', `${name}_Data0`), lun: 0 }],
    ...extra,
  };
}

function disks(v: FleetVm, vault: string, which: 'all' | 'data' | 'none', version = '1.1'): FleetDisk[] {
  const ade = (d: string) => ({
    secretUrl: `https://${vault}.vault.azure.net/secrets/${d}/0f1e2d3c`,
    secretVaultId: arm('rg-security', 'Microsoft.KeyVault/vaults', vault),
  });
  return [v.osDisk, ...v.dataDisks].map((d, i) => ({
    id: d.managedDiskId!,
    name: d.name,
    resourceGroup: v.resourceGroup,
    location: v.location,
    sizeGb: i ? 256 : 127,
    ...(which === 'all' || (which === 'data' && i > 0) ? { ade: ade(d.name), adeVersion: version } : {}),
  }));
}

const item = (v: FleetVm, policy: string, extra: Partial<FleetProtectedItem> = {}): FleetProtectedItem => ({
  vaultId: RSV,
  vmId: v.id,
  friendlyName: v.name,
  containerName: `iaasvmcontainerv2;${v.resourceGroup};${v.name}`,
  protectedItemName: `vm;iaasvmcontainerv2;${v.resourceGroup};${v.name}`,
  protectionState: 'Protected',
  lastBackupStatus: 'Completed',
  lastBackupTime: new Date(NOW - DAY / 2),
  lastRecoveryPoint: new Date(NOW - DAY / 2),
  policyId: `${RSV}/backupPolicies/${policy}`,
  ...extra,
});

const policies: FleetPolicy[] = [
  {
    id: `${RSV}/backupPolicies/daily-2200-30d`,
    name: 'daily-2200-30d',
    vaultId: RSV,
    enhanced: false,
    retention: [{ kind: 'daily', count: 30, unit: 'Days' }],
  },
  {
    id: `${RSV}/backupPolicies/finance-7y`,
    name: 'finance-7y',
    vaultId: RSV,
    enhanced: false,
    retention: [
      { kind: 'daily', count: 35, unit: 'Days' },
      { kind: 'monthly', count: 24, unit: 'Months' },
      { kind: 'yearly', count: 7, unit: 'Years' },
    ],
  },
];
const kv = (name: string, purgeProtection: boolean): FleetKeyVault => ({
  id: arm('rg-security', 'Microsoft.KeyVault/vaults', name),
  name,
  resourceGroup: 'rg-security',
  location: 'japaneast',
  softDelete: true,
  purgeProtection,
  enabledForDiskEncryption: true,
});
const skus = [
  {
    name: 'Standard_D4s_v5',
    family: 'standardDSv5Family',
    vCpus: 4,
    memoryGb: 16,
    encryptionAtHost: true,
    restricted: false,
  },
  {
    name: 'Standard_D2_v2',
    family: 'standardDv2Family',
    vCpus: 2,
    memoryGb: 7,
    encryptionAtHost: false,
    restricted: false,
  },
  {
    name: 'Standard_D11_v2',
    family: 'standardDv2Family',
    vCpus: 2,
    memoryGb: 14,
    encryptionAtHost: true,
    restricted: false,
  },
];

function realistic(registered: boolean): FleetSnapshot {
  const sql = vm('rg-finance', 'sql-prod-01', 'Windows', 'Standard_D4s_v5');
  const web = vm('rg-web', 'web-prod-02', 'Linux', 'Standard_D4s_v5');
  const files = vm('rg-finance', 'files-prod-03', 'Linux', 'Standard_D2_v2');
  const legacy = vm('rg-legacy', 'erp-legacy-01', 'Windows', 'Standard_D4s_v5');
  return {
    vms: [sql, web, files, legacy, vm('rg-web', 'web-prod-03', 'Linux', 'Standard_D4s_v5', { encryptionAtHost: true })],
    disks: [
      ...disks(sql, 'kv-finance', 'all'),
      ...disks(web, 'kv-web', 'data'),
      ...disks(files, 'kv-files', 'all'),
      ...disks(legacy, 'kv-finance', 'all', '1.0'),
    ],
    items: [
      item(sql, 'finance-7y'),
      item(web, 'daily-2200-30d'),
      item(files, 'finance-7y', { lastBackupStatus: 'Failed' }),
    ],
    policies,
    keyVaults: [kv('kv-finance', true), kv('kv-web', true), kv('kv-files', false)],
    skus: { japaneast: skus },
    featureState: registered ? 'Registered' : 'NotRegistered',
  };
}

/** 130 ADE VMs named as long as Azure allows: the longest report pages. */
function large(): FleetSnapshot {
  const rg = `rg-${'finance-platform-'.repeat(5)}`.slice(0, 90);
  const vms = Array.from({ length: 130 }, (_, i) =>
    vm(
      rg,
      `${'erp-application-server-'.repeat(3)}${String(i).padStart(4, '0')}`.slice(0, 64),
      i % 2 ? 'Linux' : 'Windows',
      i % 3 ? 'Standard_D4s_v5' : 'Standard_D2_v2',
    ),
  );
  const vaults = [
    'kv-finance-platform-01',
    'kv-finance-platform-02',
    'kv-finance-platform-03',
    'kv-finance-platform-04',
  ];
  return {
    vms,
    disks: vms
      .flatMap((v, i) => disks(v, vaults[i % 4], 'all'))
      .map((d, i) =>
        i % 2
          ? {
              ...d,
              ade: {
                ...d.ade!,
                kekUrl: 'https://kv-kek-central-store-01.vault.azure.net/keys/k/1',
                kekVaultId: arm('rg-security', 'Microsoft.KeyVault/vaults', 'kv-kek-central-store-01'),
              },
            }
          : d,
      ),
    items: vms.map((v) => item(v, 'finance-7y')),
    policies,
    keyVaults: vaults.map((n) => kv(n, true)),
    skus: { japaneast: skus },
    featureState: 'Registered',
  };
}

/** Plan cards: path A planned with blockers, path B with the new VM linked and step 2 next, Entra-app ADE. */
function planCards(locale: Locale): [string, Card][] {
  const m = messages(locale);
  const fleet = realistic(false);
  const byName = (name: string) => fleet.vms.find((v) => v.name === name)!;
  const card = (name: string, change: (p: MigrationPlan) => MigrationPlan, policy = false): Card => {
    const v = byName(name);
    const vmDisks = fleet.disks
      .filter((d) => d.id.includes(`/${name}_`))
      .map((d) => ({
        ...d,
        sizeBytes: (d.sizeGb ?? 0) * 2 ** 30,
        sku: 'Premium_LRS',
        ...(d.id.endsWith('_OsDisk') ? { osType: v.osType, hyperVGeneration: 'V2' } : {}),
      }));
    const ade = classifyAde({ ...v, image: 'Canonical:0001-com-ubuntu-server-jammy:22_04-lts-gen2:latest' }, vmDisks)!;
    const plan = change(
      newPlan({
        vm: v,
        osType: v.osType,
        path: ade.path,
        then: ade.then,
        volumeType: ade.volumeType,
        keyVaultIds: ade.keyVaultIds,
        createdAt: NOW - DAY,
        createdBy: { id: 'u', name: 'Aiko Tanaka' },
        conversationId: 'c',
        locale,
        oldPolicyName: 'finance-7y',
      }),
    );
    const read = {
      vm: v,
      disks: vmDisks,
      adeExtension: {
        name: v.osType === 'Windows' ? 'AzureDiskEncryption' : 'AzureDiskEncryptionForLinux',
        type: 'AzureDiskEncryption',
      },
      powerState: 'running',
    };
    const view = planView({
      plan,
      ade,
      read,
      featureState: fleet.featureState,
      skus: fleet.skus.japaneast,
      keyVaults: fleet.keyVaults,
      protection: {
        vaultId: RSV,
        policyName: 'finance-7y',
        protectionState: 'Protected',
        lastBackupStatus: 'Completed',
        lastBackupTime: new Date(NOW - DAY / 2),
      },
      holdUntil: NOW + 2500 * DAY,
    });
    return adePlanCard(
      m,
      locale,
      view,
      policy
        ? {
            policy: {
              policy: { id: `${RSV}/backupPolicies/enhanced-7y`, name: 'enhanced-7y', enhanced: true },
              why: 'enhanced',
            },
          }
        : {},
    );
  };
  const newVm = {
    id: arm('rg-web', 'Microsoft.Compute/virtualMachines', 'web-prod-02-eah'),
    name: 'web-prod-02-eah',
    resourceGroup: 'rg-web',
    subscriptionId: SUB,
    location: 'japaneast',
  };
  return [
    ['ade-plan', card('files-prod-03', (p) => p)],
    [
      'ade-plan.linked',
      card(
        'web-prod-02',
        (p) =>
          linkNewVm(
            backupDone(p, { at: NOW - DAY / 3, jobId: '9a1d2c3e-4b5f-4a6b-8c7d-0e1f2a3b4c5d' }),
            newVm,
            'Aiko Tanaka',
            NOW - DAY / 4,
          ),
        true,
      ),
    ],
    ['ade-plan.entra-app', card('erp-legacy-01', (p) => p)],
    [
      'ade-plan.stop-next',
      card('sql-prod-01', (p) =>
        newVmProtected(
          linkNewVm(
            backupDone(p, { at: NOW - DAY / 3 }),
            {
              ...newVm,
              name: 'sql-prod-01-eah',
              id: newVm.id.replace('web-prod-02-eah', 'sql-prod-01-eah'),
              resourceGroup: 'rg-finance',
            },
            'Aiko Tanaka',
            NOW - DAY / 4,
          ),
          { vaultId: RSV, at: NOW - DAY / 5 },
          { keyVaultIds: p.keyVaultIds, until: NOW + 2500 * DAY },
        ),
      ),
    ],
  ];
}

export function adeCardSamples(locale: Locale): [string, Card][] {
  const m = messages(locale);
  const sqlPlan = newPlan({
    vm: {
      id: arm('rg-finance', 'Microsoft.Compute/virtualMachines', 'sql-prod-01'),
      name: 'sql-prod-01',
      resourceGroup: 'rg-finance',
      subscriptionId: SUB,
      location: 'japaneast',
    },
    osType: 'Windows',
    path: 'A',
    then: 'A',
    volumeType: 'All',
    keyVaultIds: [],
    createdAt: NOW - 2 * DAY,
    createdBy: { id: 'u', name: 'Aiko Tanaka' },
    conversationId: 'c',
    locale,
  });
  const { report } = buildReport(realistic(false), [sqlPlan], NOW);
  const clear = buildReport(realistic(true), [], NOW).report;
  const big = buildReport(large(), [], NOW).report;
  const lastPage = Math.ceil(big.rows.length / ROWS_PER_PAGE);
  return [
    ['ade-report', adeReportCard(m, locale, report)],
    ['ade-report.registered', adeReportCard(m, locale, clear, m.common.simulatorNote)],
    ['ade-report.large', adeReportCard(m, locale, big)],
    ['ade-report-page', adeReportPageCard(m, locale, report, 1)],
    ['ade-report-page.longest', adeReportPageCard(m, locale, big, 2)],
    ['ade-report-page.last', adeReportPageCard(m, locale, big, lastPage)],
    ...planCards(locale),
  ];
}
