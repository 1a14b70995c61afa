/** The fleet report and plan progress with plain objects: counts, blockers, exposure, holds and stages. */
import type { FleetDisk, FleetProtectedItem, FleetVm } from '../../src/azure/fleet';
import { buildReport, type FleetSnapshot } from '../../src/migration/fleet-report';
import {
  backupDone,
  linkNewVm,
  newPlan,
  newVmProtected,
  oldVmStopped,
  type MigrationPlan,
} from '../../src/migration/plan';
import { reconcile } from '../../src/migration/progress';

const NOW = Date.parse('2026-12-05T09:00:00Z');
const DAY = 86_400_000;
const SUB = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg';
const kv = (name: string) => `${SUB}/providers/Microsoft.KeyVault/vaults/${name}`;
const vmId = (name: string) => `${SUB}/providers/Microsoft.Compute/virtualMachines/${name}`;
const VAULT = `${SUB}/providers/Microsoft.RecoveryServices/vaults/rsv`;

function vm(
  name: string,
  osType: 'Windows' | 'Linux',
  vmSize = 'Standard_D2s_v5',
  extra: Partial<FleetVm> = {},
): FleetVm {
  return {
    id: vmId(name),
    name,
    resourceGroup: 'rg',
    subscriptionId: 's',
    location: 'westeurope',
    vmSize,
    osType,
    encryptionAtHost: false,
    osDisk: { name: `${name}-os`, managedDiskId: `${SUB}/providers/Microsoft.Compute/disks/${name}-os` },
    dataDisks: [],
    ...extra,
  };
}
const adeDisk = (name: string, vault: string): FleetDisk => ({
  id: `${SUB}/providers/Microsoft.Compute/disks/${name}-os`,
  name: `${name}-os`,
  resourceGroup: 'rg',
  location: 'westeurope',
  ade: { secretUrl: `https://${vault}.vault.azure.net/secrets/${name}/1`, secretVaultId: kv(vault) },
});
const item = (name: string, extra: Partial<FleetProtectedItem> = {}): FleetProtectedItem => ({
  vaultId: VAULT,
  vmId: vmId(name),
  friendlyName: name,
  containerName: `c;${name}`,
  protectedItemName: `i;${name}`,
  protectionState: 'Protected',
  lastBackupStatus: 'Completed',
  lastBackupTime: new Date(NOW - DAY),
  lastRecoveryPoint: new Date(NOW - DAY),
  policyId: `${VAULT}/backupPolicies/yearly`,
  ...extra,
});

function fleet(): FleetSnapshot {
  return {
    vms: [
      vm('win1', 'Windows'),
      vm('lnx1', 'Linux', 'Standard_D2_v2'),
      vm('win2', 'Windows'),
      vm('eah1', 'Windows', 'Standard_D2s_v5', { encryptionAtHost: true }),
    ],
    disks: [adeDisk('win1', 'kv-a'), adeDisk('lnx1', 'kv-b'), adeDisk('win2', 'kv-a')],
    items: [
      item('win1'),
      item('lnx1', { lastBackupStatus: 'Failed', policyId: `${VAULT}/backupPolicies/daily` }),
      item('gone1', { protectionState: 'ProtectionStopped' }),
    ],
    policies: [
      {
        id: `${VAULT}/backupPolicies/yearly`,
        name: 'yearly',
        vaultId: VAULT,
        enhanced: false,
        retention: [
          { kind: 'daily', count: 30, unit: 'Days' },
          { kind: 'yearly', count: 5, unit: 'Years' },
        ],
      },
      {
        id: `${VAULT}/backupPolicies/daily`,
        name: 'daily',
        vaultId: VAULT,
        enhanced: false,
        retention: [{ kind: 'daily', count: 30, unit: 'Days' }],
      },
    ],
    keyVaults: [
      {
        id: kv('kv-a'),
        name: 'kv-a',
        resourceGroup: 'rg',
        location: 'westeurope',
        softDelete: true,
        purgeProtection: true,
        enabledForDiskEncryption: true,
      },
      {
        id: kv('kv-b'),
        name: 'kv-b',
        resourceGroup: 'rg',
        location: 'westeurope',
        softDelete: true,
        purgeProtection: false,
        enabledForDiskEncryption: true,
      },
    ],
    skus: {
      westeurope: [
        { name: 'Standard_D2s_v5', family: 'dsv5', vCpus: 2, memoryGb: 8, encryptionAtHost: true, restricted: false },
        { name: 'Standard_D2_v2', family: 'dv2', vCpus: 2, memoryGb: 7, encryptionAtHost: false, restricted: false },
        { name: 'Standard_D11_v2', family: 'dv2', vCpus: 2, memoryGb: 14, encryptionAtHost: true, restricted: false },
      ],
    },
    featureState: 'NotRegistered',
  };
}

const plan = (name: string, extra: Partial<MigrationPlan> = {}): MigrationPlan => ({
  ...newPlan({
    vm: { id: vmId(name), name, resourceGroup: 'rg', subscriptionId: 's', location: 'westeurope' },
    osType: 'Windows',
    path: 'A',
    then: 'A',
    volumeType: 'All',
    keyVaultIds: [],
    createdAt: NOW - 3 * DAY,
    createdBy: { id: 'u', name: 'Aiko' },
    conversationId: 'c',
    locale: 'en',
  }),
  ...extra,
});

describe('buildReport', () => {
  it('counts ADE VMs by path, the feature and size blockers (with the nearest supported size)', () => {
    const { report } = buildReport(fleet(), [], NOW);
    expect(report).toMatchObject({
      vmCount: 4,
      adeCount: 3,
      eahCount: 1,
      byPath: { A: 2, B: 1, aad: 0, unmanaged: 0 },
      feature: { state: 'NotRegistered', registered: false },
      daysLeft: 650,
    });
    expect(report.sizeBlockers).toEqual([
      { size: 'Standard_D2_v2', region: 'westeurope', vms: ['lnx1'], nearest: 'Standard_D11_v2' },
    ]);
  });

  it('backup exposure: not protected, last backup failed, and points past 2028 (estimated from the policy)', () => {
    const { report } = buildReport(fleet(), [], NOW);
    expect(report.notProtected).toEqual(['win2']);
    expect(report.lastFailed).toEqual(['lnx1']);
    // No creation time or oldest point known: yearly points taken to exist since 15 Sep 2023 (an overcount at worst).
    expect(report.atRisk).toMatchObject({ vms: ['win1'], points: 3, latestExpiry: Date.parse('2031-12-04T09:00:00Z') });
    expect(report.orphanItems).toEqual(['gone1']);
  });

  it('key holds: the vault guarding live points, until the latest expiry; one without purge protection is a blocker', () => {
    const { report } = buildReport(fleet(), [], NOW);
    expect(report.keyHolds.map((h) => [h.name, h.until, h.vms, h.blocker])).toEqual([
      ['kv-b', NOW - DAY + 30 * DAY, ['lnx1'], true],
      ['kv-a', Date.parse('2031-12-04T09:00:00Z'), ['win1'], false],
    ]);
  });

  it("moves plans forward from the lists and counts them by stage; a gone VM's recorded hold stays", () => {
    const gone = {
      ...plan('gone1', { stage: 'oldStopped' }),
      keyHold: { keyVaultIds: [kv('kv-old')], until: 'indefinite' as const, recordedAt: NOW - DAY },
    };
    const { report, moved } = buildReport(fleet(), [plan('win1'), gone], NOW);
    expect(moved.map((p) => [p.vm.name, p.stage, p.backup?.at])).toEqual([['win1', 'backedUp', NOW - DAY]]);
    expect(report.plans).toEqual({ planned: 0, backedUp: 1, newProtected: 0, oldStopped: 1 });
    expect(report.rows.find((r) => r.name === 'win1')?.stage).toBe('backedUp');
    expect(report.keyHolds.find((h) => h.name === 'kv-old')).toMatchObject({
      until: 'indefinite',
      vms: ['gone1'],
      risks: ['deleted'],
      blocker: true,
    });
    expect(report.orphanItems).toEqual([]);
  });
});

describe('plan stages', () => {
  const hold = { keyVaultIds: [kv('kv-a')], until: NOW + 100 * DAY };
  const newVm = { id: vmId('new1'), name: 'new1', resourceGroup: 'rg', subscriptionId: 's', location: 'westeurope' };

  it('only move forward, in order, with the evidence of each step in the history', () => {
    let p = plan('win1');
    expect(backupDone(p, { at: p.createdAt - 1 })).toBe(p);
    p = backupDone(p, { at: NOW, jobId: 'job-1' });
    expect(newVmProtected(p, { vaultId: VAULT, at: NOW }, hold)).toBe(p);
    p = linkNewVm(p, newVm, 'Aiko', NOW);
    p = newVmProtected(p, { vaultId: VAULT, at: NOW + 1 }, hold);
    expect(linkNewVm(p, { ...newVm, name: 'other' }, 'Bob', NOW).newVm?.name).toBe('new1');
    p = oldVmStopped(p, NOW + 2);
    expect(p).toMatchObject({
      stage: 'oldStopped',
      backup: { at: NOW, jobId: 'job-1' },
      newProtection: { vaultId: VAULT },
      keyHold: { keyVaultIds: [kv('kv-a')] },
      stoppedAt: NOW + 2,
    });
    expect(p.history.map((e) => e.what)).toEqual([
      'planned',
      'backedUp',
      'linked',
      'newProtected',
      'keyHold',
      'oldStopped',
    ]);
  });

  it('reconcile: a stopped old item counts only once the new VM is protected; a deleted one never does', () => {
    const stopped = {
      protectionState: 'ProtectionStopped',
      lastBackupStatus: 'Completed',
      lastBackupTime: new Date(NOW),
      vaultId: VAULT,
    };
    const early = reconcile(plan('win1'), { oldItem: stopped, hold, now: NOW });
    expect(early.stage).toBe('backedUp');
    const linked = linkNewVm(early, newVm, 'Aiko', NOW);
    const done = reconcile(linked, {
      oldItem: stopped,
      newItem: { protectionState: 'IRPending', vaultId: VAULT },
      hold: { ...hold, until: 'indefinite' },
      now: NOW,
    });
    expect(done).toMatchObject({ stage: 'oldStopped', keyHold: { until: 'indefinite' } });
    expect(reconcile(linked, { newItem: { protectionState: 'Protected', vaultId: VAULT }, hold, now: NOW }).stage).toBe(
      'newProtected',
    );
  });
});
