/** The plan's pure parts with plain objects: the new VM's check, the new VM's policy, the steps and the runbook. */
import type { FleetDisk, FleetPolicy, FleetVm, MigrationVm } from '../../src/azure/fleet';
import { classifyAde } from '../../src/migration/classify';
import { backupDone, linkNewVm, newPlan } from '../../src/migration/plan';
import { checkNewVm, choosePolicy, planView } from '../../src/migration/plan-view';
import { runbook } from '../../src/migration/runbook';

const SUB = '00000000-0000-0000-0000-000000000001';
const RG = `/subscriptions/${SUB}/resourceGroups/rg`;
const vm = (name: string, extra: Partial<FleetVm> = {}): FleetVm => ({
  id: `${RG}/providers/Microsoft.Compute/virtualMachines/${name}`,
  name,
  resourceGroup: 'rg',
  subscriptionId: SUB,
  location: 'westeurope',
  vmSize: 'Standard_D2s_v5',
  osType: 'Windows',
  encryptionAtHost: false,
  osDisk: { name: `${name}-os`, managedDiskId: `${RG}/providers/Microsoft.Compute/disks/${name}-os` },
  dataDisks: [],
  ...extra,
});
const disk = (name: string, extra: Partial<FleetDisk> = {}): FleetDisk => ({
  id: `${RG}/providers/Microsoft.Compute/disks/${name}`,
  name,
  resourceGroup: 'rg',
  location: 'westeurope',
  ...extra,
});
const ade = {
  secretUrl: 'https://kv.vault.azure.net/secrets/s/1',
  secretVaultId: `${RG}/providers/Microsoft.KeyVault/vaults/kv`,
};

describe('checkNewVm', () => {
  const old = vm('old', { encryptionAtHost: false });
  const read = (v: FleetVm, disks: FleetDisk[] = [], adeExtension?: MigrationVm['adeExtension']): MigrationVm => ({
    vm: v,
    disks,
    ...(adeExtension ? { adeExtension } : {}),
  });

  it('accepts a VM with encryption at host, no ADE, in the same region and subscription', () => {
    expect(checkNewVm(old, read(vm('new', { encryptionAtHost: true })))).toEqual([]);
  });

  it('names every reason it cannot be the new VM', () => {
    const other = vm('new', { location: 'japaneast', subscriptionId: '00000000-0000-0000-0000-000000000002' });
    expect(checkNewVm(old, read(other, [disk('new-os', { ade })]))).toEqual(['noEah', 'ade', 'region', 'subscription']);
    expect(checkNewVm(old, read(vm('old', { encryptionAtHost: true })))).toEqual(['same']);
    expect(
      checkNewVm(
        old,
        read(vm('new', { encryptionAtHost: true }), [], { name: 'AzureDiskEncryption', type: 'AzureDiskEncryption' }),
      ),
    ).toEqual(['ade']);
  });
});

describe('choosePolicy', () => {
  const policy = (name: string, enhanced: boolean, years = 0): FleetPolicy => ({
    id: `p/${name}`,
    name,
    vaultId: 'v',
    enhanced,
    retention: [
      { kind: 'daily', count: 30, unit: 'Days' },
      ...(years ? [{ kind: 'yearly' as const, count: years, unit: 'Years' as const }] : []),
    ],
  });
  const policies = [
    policy('DefaultPolicy', false),
    policy('LongTermYearly', false, 5),
    policy('EnhancedShort', true),
    policy('EnhancedLong', true, 10),
  ];

  it("keeps the old VM's policy, unless Trusted Launch needs an Enhanced one (then the one keeping points longest)", () => {
    expect(choosePolicy('longtermyearly', policies, false)).toMatchObject({
      policy: { name: 'LongTermYearly' },
      why: 'same',
    });
    expect(choosePolicy('LongTermYearly', policies, true)).toMatchObject({
      policy: { name: 'EnhancedLong' },
      why: 'enhanced',
    });
    expect(choosePolicy('EnhancedShort', policies, true)).toMatchObject({
      policy: { name: 'EnhancedShort' },
      why: 'same',
    });
  });

  it('falls back to DefaultPolicy when the old one is not in the vault, and says when no Enhanced policy exists', () => {
    expect(choosePolicy('Gone', policies, false)).toMatchObject({ policy: { name: 'DefaultPolicy' }, why: 'default' });
    expect(
      choosePolicy(
        'Gone',
        policies.filter((p) => !p.enhanced),
        true,
      ),
    ).toEqual({ why: 'noEnhanced' });
    expect(choosePolicy(undefined, [], false)).toEqual({ why: 'none' });
  });
});

describe('planView and runbook', () => {
  const win = vm('win', {
    dataDisks: [{ name: 'win-data', managedDiskId: `${RG}/providers/Microsoft.Compute/disks/win-data`, lun: 0 }],
  });
  const disks = [
    disk('win-os', {
      ade,
      sizeGb: 127,
      sizeBytes: 127 * 2 ** 30,
      osType: 'Windows',
      hyperVGeneration: 'V1',
      sku: 'StandardSSD_LRS',
    }),
    disk('win-data', { ade, sizeGb: 64 }),
  ];
  const a = classifyAde(win, disks)!;
  const read: MigrationVm = { vm: win, disks, adeExtension: { name: 'ADE-custom-name', type: 'AzureDiskEncryption' } };
  const plan = newPlan({
    vm: win,
    osType: 'Windows',
    path: a.path,
    then: a.then,
    volumeType: a.volumeType,
    keyVaultIds: a.keyVaultIds,
    createdAt: 1,
    createdBy: { id: 'u', name: 'U' },
    conversationId: 'c',
    locale: 'en',
  });

  it('disables before it removes, removes the extension by its own name, and sizes copies at source + 512 bytes', () => {
    const steps = runbook({ ade: a, read, newVmName: 'win-new', size: 'Standard_D2s_v5' });
    expect(steps.map((s) => s.id)).toEqual([
      'disable',
      'waitDecrypt',
      'removeExtension',
      'deallocate',
      'copyDisk',
      'copyDisk',
      'createVm',
    ]);
    expect(steps[2].commands[0]).toBe(
      'az vm extension delete --resource-group rg --vm-name win --name ADE-custom-name',
    );
    expect(steps[4].commands[0]).toContain(
      '--upload-size-bytes 136365212160 --sku StandardSSD_LRS --os-type Windows --hyper-v-generation V1',
    );
    // A disk whose size in bytes is unknown is sized when the command runs.
    expect(steps[5].commands.slice(0, 2)).toEqual([
      'SIZE=$(az disk show --resource-group rg --name win-data --query diskSizeBytes --output tsv)',
      'az disk create --resource-group rg --name win-data-eah --location westeurope --upload-type Upload --upload-size-bytes $((SIZE + 512)) --sku Premium_LRS',
    ]);
    expect(steps[6].commands[0]).toBe(
      'az vm create --resource-group rg --name win-new --location westeurope --attach-os-disk win-os-eah --attach-data-disks win-data-eah --os-type Windows --size Standard_D2s_v5 --encryption-at-host true',
    );
  });

  it('quotes a name a shell would split', () => {
    const odd = { ...a, vm: { ...a.vm, resourceGroup: 'rg (prod)' } };
    expect(runbook({ ade: odd, read, newVmName: 'n', size: 's' })[0].commands[0]).toBe(
      'az vm encryption disable --resource-group "rg (prod)" --name win --volume-type ALL',
    );
  });

  it("steps follow the plan: backup first, then the owner's work and the link, then the new VM's protection", () => {
    const states = (p: typeof plan) =>
      planView({ plan: p, ade: a, read, featureState: 'Registered', skus: [], keyVaults: [] }).steps.map(
        (s) => `${s.id}:${s.state}`,
      );
    expect(states(plan)).toEqual(['backup:next', 'runbook:later', 'link:later', 'protectNew:later', 'stopOld:later']);
    const backedUp = backupDone(plan, { at: 2 });
    expect(states(backedUp)).toEqual(['backup:done', 'runbook:next', 'link:next', 'protectNew:later', 'stopOld:later']);
    expect(states(linkNewVm(backedUp, vm('new'), 'U', 3))).toEqual([
      'backup:done',
      'runbook:done',
      'link:done',
      'protectNew:next',
      'stopOld:later',
    ]);
  });
});
