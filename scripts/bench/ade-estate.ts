/**
 * A fleet for the ADE report's bench stage, added to the simulator's estate: `vms` VMs (every `vms / ade`-th one with
 * ADE: Windows on every volume, or Linux on its OS or data disk), two managed disks each, over two regions, protected
 * in `vaults` Recovery Services vaults (half per region, each with a 30-day and a yearly policy), their keys in 20 Key
 * Vaults. Built in the simulator's own model, so every list the report reads comes back paged as Azure would send it.
 */
import { createHash } from 'node:crypto';
import type { Estate } from '../../src/simulator';
import type {
  AdeRef,
  SimDisk,
  SimPolicy,
  SimProtectedItem,
  SimRecoveryVault,
  SimVm,
} from '../../src/simulator/estate/model';

const RG = 'rg-bench-ade';
const REGIONS = ['japaneast', 'westeurope'];
const DAY = 86_400_000;
const hex = (seed: string, n = 32) => createHash('sha1').update(seed).digest('hex').slice(0, n);

export interface FleetOptions {
  vms: number;
  ade: number;
  vaults: number;
  now: number;
}

export function benchAdeVaultIds(subscriptionId: string, count: number): string[] {
  return Array.from(
    { length: count },
    (_, i) =>
      `/subscriptions/${subscriptionId}/resourceGroups/${RG}/providers/Microsoft.RecoveryServices/vaults/rsv-ade-${String(i + 1).padStart(2, '0')}`,
  );
}

function policies(): SimPolicy[] {
  const at = '2023-06-01T21:00:00Z';
  const daily = (count: number) => ({ retentionTimes: [at], retentionDuration: { count, durationType: 'Days' } });
  const schedule = {
    schedulePolicyType: 'SimpleSchedulePolicy',
    scheduleRunFrequency: 'Daily',
    scheduleRunTimes: [at],
    scheduleWeeklyFrequency: 0,
  };
  const weekly = { daysOfTheWeek: ['Sunday'], weeksOfTheMonth: ['First'] };
  return [
    {
      name: 'DefaultPolicy',
      properties: {
        backupManagementType: 'AzureIaasVM',
        schedulePolicy: schedule,
        retentionPolicy: { retentionPolicyType: 'LongTermRetentionPolicy', dailySchedule: daily(30) },
        timeZone: 'UTC',
      },
    },
    {
      name: 'Yearly7',
      properties: {
        backupManagementType: 'AzureIaasVM',
        schedulePolicy: schedule,
        retentionPolicy: {
          retentionPolicyType: 'LongTermRetentionPolicy',
          dailySchedule: daily(30),
          yearlySchedule: {
            retentionScheduleFormatType: 'Weekly',
            monthsOfYear: ['January'],
            retentionScheduleWeekly: weekly,
            retentionTimes: [at],
            retentionDuration: { count: 7, durationType: 'Years' },
          },
        },
        timeZone: 'UTC',
      },
    },
  ];
}

/** Adds the fleet; returns the vault ids to configure the bot with. */
export function seedAdeFleet(estate: Estate, o: FleetOptions): string[] {
  const sub = estate.subscriptionId;
  const id = (type: string, name: string) => `/subscriptions/${sub}/resourceGroups/${RG}/providers/${type}/${name}`;
  estate.resourceGroups.push({ name: RG, location: REGIONS[0] });
  const keyVaults = Array.from({ length: 20 }, (_, i) => `kv-bench-ade-${String(i).padStart(2, '0')}`);
  for (const [i, name] of keyVaults.entries()) {
    estate.keyVaults.push({
      id: id('Microsoft.KeyVault/vaults', name),
      name,
      resourceGroup: RG,
      location: REGIONS[i % 2],
      tenantId: estate.tenantId,
      enableRbacAuthorization: false,
      enabledForDiskEncryption: true,
      accessPolicies: [],
      enableSoftDelete: true,
      ...(i % 5 ? { enablePurgeProtection: true } : {}),
    });
  }
  const vaultIds = benchAdeVaultIds(sub, o.vaults);
  const vaults: SimRecoveryVault[] = vaultIds.map((vaultId, i) => ({
    id: vaultId,
    name: vaultId.split('/').pop()!,
    resourceGroup: RG,
    location: REGIONS[i % 2],
    crossRegionRestore: false,
    policies: policies(),
    items: [],
    jobs: [],
    discovered: [],
  }));
  estate.recoveryVaults.push(...vaults);
  const every = Math.max(1, Math.round(o.vms / o.ade));
  const created = new Date(o.now - 700 * DAY).toISOString();
  for (let i = 0; i < o.vms; i++) {
    const name = `bench-vm-${String(i).padStart(5, '0')}`;
    const location = REGIONS[i % 2];
    const vmId = id('Microsoft.Compute/virtualMachines', name);
    const osType = i % 3 ? 'Linux' : 'Windows';
    const ade = i % every === 0 && i / every < o.ade;
    const vault = keyVaults[i % 20];
    const keys = (disk: string): AdeRef => ({
      secretUrl: `https://${vault}.vault.azure.net/secrets/${hex(disk)}/${hex(`v${disk}`)}`,
      secretVaultId: id('Microsoft.KeyVault/vaults', vault),
    });
    // Linux ADE: every other one on its data disk only.
    const encrypted = (role: 'os' | 'data') => ade && (osType === 'Windows' || role === 'data' || i % 4 === 0);
    const disk = (role: 'os' | 'data'): SimDisk => {
      const diskName = `${name}_${role === 'os' ? 'OsDisk' : 'DataDisk_0'}_1_${hex(`${name}${role}`)}`;
      return {
        id: id('Microsoft.Compute/disks', diskName),
        name: diskName,
        resourceGroup: RG,
        location,
        ...(role === 'os' ? { osType } : {}),
        sizeGb: role === 'os' ? 127 : 512,
        managedBy: vmId,
        ...(encrypted(role) ? { ade: keys(diskName) } : {}),
        timeCreated: created,
      };
    };
    const [os, data] = [disk('os'), disk('data')];
    estate.disks.push(os, data);
    const vm: SimVm = {
      id: vmId,
      name,
      resourceGroup: RG,
      location,
      vmId: `${hex(vmId, 8)}-${hex(vmId, 4)}-4${hex(vmId, 3)}-a${hex(vmId, 3)}-${hex(vmId, 12)}`,
      osType,
      vmSize: i % 50 === 0 ? 'Standard_D2_v2' : 'Standard_D2s_v5',
      osDisk: { name: os.name, managedDiskId: os.id, sizeGb: os.sizeGb },
      dataDisks: [{ name: data.name, lun: 0, managedDiskId: data.id, sizeGb: data.sizeGb }],
      agent: { ready: true, version: '2.10.0.8' },
      powerState: 'running',
      timeCreated: created,
    };
    estate.vms.push(vm);
    if (i % 10 === 9) continue; // one VM in ten is not protected
    const inRegion = vaults.filter((v) => v.location === location);
    const home = inRegion[Math.floor(i / 2) % inRegion.length];
    const last = o.now - (i % 24) * 3_600_000;
    const item: SimProtectedItem = {
      vmId,
      friendlyName: name,
      containerKey: `iaasvmcontainerv2;${RG};${name}`,
      policyName: i % 7 === 0 ? 'Yearly7' : 'DefaultPolicy',
      protectionState: 'Protected',
      lastBackupStatus: i % 97 === 0 ? 'Failed' : 'Completed',
      lastBackupTime: last,
      recoveryPoints: [
        {
          name: `${last}000`,
          time: last,
          consistency: 'AppConsistent',
          tiers: ['HardenedRP'],
          encrypted: !!ade,
          vmSize: vm.vmSize,
          osType,
          managed: true,
        },
      ],
      protectedItemDataId: String(parseInt(hex(vmId, 10), 16)),
    };
    home.items.push(item);
  }
  return vaultIds;
}
