/**
 * The ADE retirement cases, in `rg-migrate` (westeurope), protected in rsv-dev-westeurope, so nothing the older demo
 * VMs in japaneast show changes:
 *
 * | VM | case |
 * |---|---|
 * | ade-win01 | Windows, ADE BEK+KEK on every volume: path A; yearly points kept past 15 Sep 2028 |
 * | ade-lnxdata01 | Linux, ADE on the data disk only: path A with VolumeType Data |
 * | ade-lnxos01 | Linux, ADE on the OS disk: path B; its keys in kv-migrate-nopurge (no purge protection) |
 * | ade-aad01 | Windows, ADE with an Entra (AAD) app (encryptionSettingsVersion 1.0): migrate to single pass first; not
 * protected |
 * | ade-oldsize01 | Windows ADE on Standard_D2_v2, a size without encryption at host here; last backup failed |
 * | ade-mig01 / eah-mig01 | a migrated pair: the old VM deallocated, its protection stopped with the points kept; the
 * new one with encryption at host, Trusted Launch, protected with an Enhanced policy |
 * | eah-win01 | a new VM for ade-win01 (encryption at host, Trusted Launch), not protected yet |
 *
 * The subscription's EncryptionAtHost feature is Unregistered (it was registered for the migrated pair, then
 * unregistered: new EAH VMs cannot be created until it is registered again). Unmanaged ADE is vm006 (rg-legacy).
 */
import { SIM_RECOVERY_VAULT_IDS } from '../constants';
import { recoveryPointName } from '../jobs/effects';
import { resourceId, stableGuid, stableVersion } from './ids';
import { containerKeyForVm } from './lookup';
import type {
  AdeRef,
  Estate,
  SimDisk,
  SimKeyVault,
  SimPolicy,
  SimProtectedItem,
  SimRecoveryPoint,
  SimVm,
  SimVmSku,
  VmDiskRef,
} from './model';
import { lastScheduledRun } from './seed-backup';

const RG = 'rg-migrate';
const REGION = 'westeurope';
const DAY = 86_400_000;

export const MIGRATE_KV = (name: string): string => resourceId(RG, 'Microsoft.KeyVault/vaults', name);

interface Spec {
  name: string;
  os: 'Windows' | 'Linux';
  size: string;
  ade?: { vault: string; kek: boolean; os: boolean; aad?: boolean };
  eah?: boolean;
  trustedLaunch?: boolean;
  deallocated?: boolean;
}

const SPECS: Spec[] = [
  { name: 'ade-win01', os: 'Windows', size: 'Standard_D4s_v5', ade: { vault: 'kv-migrate', kek: true, os: true } },
  { name: 'ade-lnxdata01', os: 'Linux', size: 'Standard_D2s_v5', ade: { vault: 'kv-migrate', kek: false, os: false } },
  {
    name: 'ade-lnxos01',
    os: 'Linux',
    size: 'Standard_D2s_v5',
    ade: { vault: 'kv-migrate-nopurge', kek: true, os: true },
  },
  {
    name: 'ade-aad01',
    os: 'Windows',
    size: 'Standard_D4s_v5',
    ade: { vault: 'kv-migrate', kek: false, os: true, aad: true },
  },
  { name: 'ade-oldsize01', os: 'Windows', size: 'Standard_D2_v2', ade: { vault: 'kv-migrate', kek: false, os: true } },
  {
    name: 'ade-mig01',
    os: 'Windows',
    size: 'Standard_D4s_v5',
    ade: { vault: 'kv-migrate', kek: true, os: true },
    deallocated: true,
  },
  { name: 'eah-mig01', os: 'Windows', size: 'Standard_D4s_v5', eah: true, trustedLaunch: true },
  { name: 'eah-win01', os: 'Windows', size: 'Standard_D4s_v5', eah: true, trustedLaunch: true },
];

function keysIn(vault: string, seed: string, kek: boolean): AdeRef {
  const uri = `https://${vault}.vault.azure.net`;
  return {
    secretUrl: `${uri}/secrets/${stableGuid(`bek-${seed}`).toUpperCase()}/${stableVersion(`bek-${seed}`)}`,
    secretVaultId: MIGRATE_KV(vault),
    ...(kek ? { keyUrl: `${uri}/keys/ade-kek/${stableVersion(`kek-${vault}`)}`, keyVaultId: MIGRATE_KV(vault) } : {}),
  };
}

function addVm(estate: Estate, spec: Spec, created: string): SimVm {
  const vmId = resourceId(RG, 'Microsoft.Compute/virtualMachines', spec.name);
  const disk = (role: 'OsDisk' | 'DataDisk_0'): VmDiskRef => {
    const name = `${spec.name}_${role}_1_${stableVersion(`${vmId}-${role}`)}`;
    const id = resourceId(RG, 'Microsoft.Compute/disks', name);
    const encrypted = spec.ade && (role === 'DataDisk_0' || spec.ade.os);
    const sizeGb = role === 'OsDisk' ? (spec.os === 'Windows' ? 127 : 30) : 256;
    const d: SimDisk = {
      id,
      name,
      resourceGroup: RG,
      location: REGION,
      ...(role === 'OsDisk' ? { osType: spec.os } : {}),
      sizeGb,
      managedBy: vmId,
      ...(encrypted && spec.ade
        ? { ade: keysIn(spec.ade.vault, `${vmId}-${role}`, spec.ade.kek), adeVersion: spec.ade.aad ? '1.0' : '1.1' }
        : {}),
      timeCreated: created,
    };
    estate.disks.push(d);
    // ADE with an Entra app also writes the OS disk's settings into the VM model (ADE-MIGRATION-FACTS §5).
    const model = role === 'OsDisk' && spec.ade?.aad && d.ade ? { encryptionSettings: d.ade } : {};
    return { name, ...(role === 'DataDisk_0' ? { lun: 0 } : {}), managedDiskId: id, sizeGb, ...model };
  };
  const vm: SimVm = {
    id: vmId,
    name: spec.name,
    resourceGroup: RG,
    location: REGION,
    vmId: stableGuid(vmId),
    osType: spec.os,
    vmSize: spec.size,
    osDisk: disk('OsDisk'),
    dataDisks: [disk('DataDisk_0')],
    agent: { ready: true, version: spec.os === 'Windows' ? '2.7.41491.1102' : '2.10.0.8' },
    powerState: spec.deallocated ? 'deallocated' : 'running',
    timeCreated: created,
    ...(spec.eah ? { encryptionAtHost: true } : {}),
    ...(spec.trustedLaunch ? { securityType: 'TrustedLaunch' as const } : {}),
  };
  estate.vms.push(vm);
  return vm;
}

/**
 * A standard policy keeping daily points 30 days, monthly 12 months and yearly 5 years; its monthly and yearly
 * schedules shaped like the recorded Enhanced policy (test/recorded backup-policy-get-v2-weekly.json).
 */
function longTermYearly(): SimPolicy {
  const at = '2023-06-01T21:00:00Z';
  const weekly = { daysOfTheWeek: ['Sunday'], weeksOfTheMonth: ['First'] };
  return {
    name: 'LongTermYearly',
    properties: {
      backupManagementType: 'AzureIaasVM',
      policyType: 'V1',
      instantRpRetentionRangeInDays: 2,
      schedulePolicy: {
        schedulePolicyType: 'SimpleSchedulePolicy',
        scheduleRunFrequency: 'Daily',
        scheduleRunTimes: [at],
        scheduleWeeklyFrequency: 0,
      },
      retentionPolicy: {
        retentionPolicyType: 'LongTermRetentionPolicy',
        dailySchedule: { retentionTimes: [at], retentionDuration: { count: 30, durationType: 'Days' } },
        monthlySchedule: {
          retentionScheduleFormatType: 'Weekly',
          retentionScheduleWeekly: weekly,
          retentionTimes: [at],
          retentionDuration: { count: 12, durationType: 'Months' },
        },
        yearlySchedule: {
          retentionScheduleFormatType: 'Weekly',
          monthsOfYear: ['January'],
          retentionScheduleWeekly: weekly,
          retentionTimes: [at],
          retentionDuration: { count: 5, durationType: 'Years' },
        },
      },
      timeZone: 'UTC',
    },
  };
}

/** The recorded Enhanced (V2) weekly policy (test/recorded backup-policy-get-v2-weekly.json), renamed. */
function enhancedWeekly(): SimPolicy {
  const at = '2025-10-27T13:00:00Z';
  const weekly = { daysOfTheWeek: ['Sunday'], weeksOfTheMonth: ['First'] };
  return {
    name: 'EnhancedWeekly',
    properties: {
      backupManagementType: 'AzureIaasVM',
      policyType: 'V2',
      instantRPDetails: {},
      schedulePolicy: {
        schedulePolicyType: 'SimpleSchedulePolicyV2',
        scheduleRunFrequency: 'Weekly',
        weeklySchedule: { scheduleRunDays: ['Sunday'], scheduleRunTimes: [at] },
      },
      retentionPolicy: {
        retentionPolicyType: 'LongTermRetentionPolicy',
        weeklySchedule: {
          daysOfTheWeek: ['Sunday'],
          retentionTimes: [at],
          retentionDuration: { count: 104, durationType: 'Weeks' },
        },
        monthlySchedule: {
          retentionScheduleFormatType: 'Weekly',
          retentionScheduleWeekly: weekly,
          retentionTimes: [at],
          retentionDuration: { count: 60, durationType: 'Months' },
        },
        yearlySchedule: {
          retentionScheduleFormatType: 'Weekly',
          monthsOfYear: ['January'],
          retentionScheduleWeekly: weekly,
          retentionTimes: [at],
          retentionDuration: { count: 10, durationType: 'Years' },
        },
      },
      tieringPolicy: { ArchivedRP: { tieringMode: 'DoNotTier', duration: 0, durationType: 'Invalid' } },
      instantRpRetentionRangeInDays: 7,
      timeZone: 'UTC',
    },
  };
}

function keyVault(estate: Estate, name: string, purgeProtection: boolean): SimKeyVault {
  return {
    id: MIGRATE_KV(name),
    name,
    resourceGroup: RG,
    location: REGION,
    tenantId: estate.tenantId,
    enableRbacAuthorization: false,
    enabledForDiskEncryption: true,
    // Backup Management Service can read both, so backups of these VMs succeed.
    accessPolicies: [
      {
        tenantId: estate.tenantId,
        objectId: estate.backupManagementObjectId,
        permissions: { keys: ['get', 'list', 'backup'], secrets: ['get', 'list', 'backup'], certificates: [] },
      },
    ],
    enableSoftDelete: true,
    ...(purgeProtection ? { enablePurgeProtection: true } : {}),
  };
}

/**
 * VM sizes of the demo's regions. Families and sizes as Azure names them; the capability values are the simulator's.
 */
function vmSkus(): SimVmSku[] {
  const sizes: Omit<SimVmSku, 'location'>[] = [
    {
      name: 'Standard_D2s_v5',
      family: 'standardDSv5Family',
      size: 'D2s_v5',
      vCpus: 2,
      memoryGb: 8,
      encryptionAtHost: true,
    },
    {
      name: 'Standard_D4s_v5',
      family: 'standardDSv5Family',
      size: 'D4s_v5',
      vCpus: 4,
      memoryGb: 16,
      encryptionAtHost: true,
    },
    {
      name: 'Standard_D2_v2',
      family: 'standardDv2Family',
      size: 'D2_v2',
      vCpus: 2,
      memoryGb: 7,
      encryptionAtHost: false,
    },
    {
      name: 'Standard_D3_v2',
      family: 'standardDv2Family',
      size: 'D3_v2',
      vCpus: 4,
      memoryGb: 14,
      encryptionAtHost: true,
    },
    {
      name: 'Standard_D11_v2',
      family: 'standardDv2Family',
      size: 'D11_v2',
      vCpus: 2,
      memoryGb: 14,
      encryptionAtHost: true,
    },
    {
      name: 'Standard_A2_v2',
      family: 'standardAv2Family',
      size: 'A2_v2',
      vCpus: 2,
      memoryGb: 4,
      encryptionAtHost: false,
    },
  ];
  return ['japaneast', 'westeurope', 'eastus'].flatMap((location) => sizes.map((s) => ({ ...s, location })));
}

export function seedMigrationEstate(estate: Estate, now: number): void {
  estate.resourceGroups.push({ name: RG, location: REGION });
  estate.features.push({ namespace: 'Microsoft.Compute', name: 'EncryptionAtHost', state: 'Unregistered' });
  estate.vmSkus.push(...vmSkus());
  estate.keyVaults.push(keyVault(estate, 'kv-migrate', true), keyVault(estate, 'kv-migrate-nopurge', false));
  // The older demo vaults: purge protection on where ADE points' keys live (kv-ade-prod, kv-ade-rbac).
  for (const kv of estate.keyVaults)
    if (kv.name === 'kv-ade-prod' || kv.name === 'kv-ade-rbac') kv.enablePurgeProtection = true;

  const created = new Date(now - 400 * DAY).toISOString();
  const vms = new Map(SPECS.map((spec) => [spec.name, addVm(estate, spec, created)]));
  const vm = (name: string) => vms.get(name) as SimVm;
  const lastRun = lastScheduledRun(now) + 2 * 3_600_000;
  const points = (v: SimVm, count: number, newest: number): SimRecoveryPoint[] => {
    const ade = [v.osDisk, ...v.dataDisks]
      .map((d) => estate.disks.find((x) => x.id === d.managedDiskId)?.ade)
      .find(Boolean);
    return Array.from({ length: count }, (_, i) => {
      const time = newest - (count - 1 - i) * DAY + 5 * 60_000;
      return {
        name: recoveryPointName(time, i),
        time,
        consistency: v.osType === 'Windows' ? 'AppConsistent' : 'FileSystemConsistent',
        tiers: i === count - 1 ? ['InstantRP', 'HardenedRP'] : ['HardenedRP'],
        encrypted: !!ade,
        ...(ade ? { keyAndSecret: { ...ade } } : {}),
        vmSize: v.vmSize,
        osType: v.osType,
        managed: true,
      } satisfies SimRecoveryPoint;
    });
  };
  const item = (
    v: SimVm,
    policyName: string,
    rps: SimRecoveryPoint[],
    extra: Partial<SimProtectedItem> = {},
  ): SimProtectedItem => ({
    vmId: v.id,
    friendlyName: v.name,
    containerKey: containerKeyForVm(v),
    policyName,
    protectionState: 'Protected',
    lastBackupStatus: 'Completed',
    lastBackupTime: rps[rps.length - 1]?.time,
    recoveryPoints: rps,
    protectedItemDataId: String(17592186044416 + Number.parseInt(stableGuid(v.id).slice(0, 6), 16)),
    ...extra,
  });
  const dev = estate.recoveryVaults.find((v) => v.id === SIM_RECOVERY_VAULT_IDS[1]);
  if (!dev) throw new Error('seed: no westeurope vault');
  dev.policies.push(longTermYearly(), enhancedWeekly());
  const stoppedAt = lastRun - 20 * DAY;
  dev.items.push(
    item(vm('ade-win01'), 'LongTermYearly', points(vm('ade-win01'), 3, lastRun)),
    item(vm('ade-lnxdata01'), 'DefaultPolicy', points(vm('ade-lnxdata01'), 3, lastRun)),
    item(vm('ade-lnxos01'), 'LongTermYearly', points(vm('ade-lnxos01'), 3, lastRun)),
    // Failed last night; the failed job itself is older than the job lists the demo shows.
    item(vm('ade-oldsize01'), 'DefaultPolicy', points(vm('ade-oldsize01'), 2, lastRun - DAY), {
      lastBackupStatus: 'Failed',
      lastBackupTime: lastRun,
    }),
    // Stopped keeping its points: no policy any more (policyId "" as Azure writes it for stopped items).
    item(vm('ade-mig01'), '', points(vm('ade-mig01'), 3, stoppedAt), { protectionState: 'ProtectionStopped' }),
    item(vm('eah-mig01'), 'EnhancedWeekly', points(vm('eah-mig01'), 2, lastRun)),
  );
  dev.discovered.push(
    ...['ade-win01', 'ade-lnxdata01', 'ade-lnxos01', 'ade-oldsize01', 'ade-mig01', 'eah-mig01'].map((n) =>
      vm(n).id.toLowerCase(),
    ),
  );
}
