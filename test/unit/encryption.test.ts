/** The pure encryption classifier, fed with plain objects in ARM's shape (Disk_Get.json, VirtualMachine_Get.json). */
import {
  adeFromSettings,
  classifyEncryption,
  type ManagedDiskLike,
  type VmModelLike,
} from '../../src/azure/encryption';

const sub = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg';
const kv = `${sub}/providers/Microsoft.KeyVault/vaults/myVMVault`;
const des = `${sub}/providers/Microsoft.Compute/diskEncryptionSets/des`;
const osId = `${sub}/providers/Microsoft.Compute/disks/os`;
const dataId = `${sub}/providers/Microsoft.Compute/disks/data`;

const bek = {
  diskEncryptionKey: { sourceVault: { id: kv }, secretUrl: 'https://myvmvault.vault.azure.net/secrets/s/1' },
};
const bekKek = {
  ...bek,
  keyEncryptionKey: { sourceVault: { id: kv }, keyUrl: 'https://myvmvault.vault.azure.net/keys/k/1' },
};

function managedVm(dataDes?: string, osDes?: string): VmModelLike {
  return {
    storageProfile: {
      osDisk: { name: 'os', managedDisk: { id: osId, ...(osDes ? { diskEncryptionSet: { id: osDes } } : {}) } },
      dataDisks: [
        { name: 'data', managedDisk: { id: dataId, ...(dataDes ? { diskEncryptionSet: { id: dataDes } } : {}) } },
      ],
    },
  };
}

const platformDisk = (id: string, name: string): ManagedDiskLike => ({
  id,
  name,
  encryption: { type: 'EncryptionAtRestWithPlatformKey' },
});
const adeDisk = (id: string, name: string, settings: object): ManagedDiskLike => ({
  ...platformDisk(id, name),
  encryptionSettingsCollection: { enabled: true, encryptionSettings: [settings] },
});

describe('classifyEncryption', () => {
  it('PMK: platform keys only', () => {
    const r = classifyEncryption(managedVm(), [platformDisk(osId, 'os'), platformDisk(dataId, 'data')]);
    expect(r.kind).toBe('PMK');
    expect(r.ade).toBeUndefined();
    expect(r.disks).toEqual([
      { name: 'os', role: 'os', managed: true },
      { name: 'data', role: 'data', managed: true },
    ]);
  });

  it('CMK: a disk encryption set on the VM model', () => {
    const r = classifyEncryption(managedVm(des, des), [platformDisk(osId, 'os'), platformDisk(dataId, 'data')]);
    expect(r.kind).toBe('CMK');
    expect(r.disks[0]?.diskEncryptionSetId).toBe(des);
  });

  it('CMK: a disk encryption set only on the disk resource', () => {
    const r = classifyEncryption(managedVm(), [
      { id: osId, name: 'os', encryption: { type: 'EncryptionAtRestWithCustomerKey', diskEncryptionSetId: des } },
      platformDisk(dataId, 'data'),
    ]);
    expect(r.kind).toBe('CMK');
  });

  it('ADE BEK only: encryptionSettingsCollection without a key encryption key', () => {
    const r = classifyEncryption(managedVm(), [adeDisk(osId, 'os', bek), adeDisk(dataId, 'data', bek)]);
    expect(r.kind).toBe('ADE_BEK');
    expect(r.ade).toEqual({ secretVaultId: kv, secretUrl: 'https://myvmvault.vault.azure.net/secrets/s/1' });
  });

  it('ADE BEK+KEK: the key encryption key is reported with its vault', () => {
    const r = classifyEncryption(managedVm(), [adeDisk(osId, 'os', bekKek), platformDisk(dataId, 'data')]);
    expect(r.kind).toBe('ADE_BEK_KEK');
    expect(r.ade).toEqual({
      secretVaultId: kv,
      secretUrl: bek.diskEncryptionKey.secretUrl,
      kekUrl: 'https://myvmvault.vault.azure.net/keys/k/1',
      kekVaultId: kv,
    });
    expect(r.disks.map((d) => d.ade !== undefined)).toEqual([true, false]);
  });

  it('ADE wins over a disk encryption set', () => {
    expect(classifyEncryption(managedVm(des), [adeDisk(osId, 'os', bekKek), platformDisk(dataId, 'data')]).kind).toBe(
      'ADE_BEK_KEK',
    );
  });

  it('ADE on unmanaged disks: storageProfile.osDisk.encryptionSettings', () => {
    const vm: VmModelLike = {
      storageProfile: {
        osDisk: {
          name: 'osvhd',
          vhd: { uri: 'https://st.blob.core.windows.net/vhds/os.vhd' },
          encryptionSettings: { ...bekKek, enabled: true },
        },
        dataDisks: [{ name: 'datavhd', vhd: { uri: 'https://st.blob.core.windows.net/vhds/data.vhd' } }],
      },
    };
    const r = classifyEncryption(vm, []);
    expect(r.kind).toBe('ADE_BEK_KEK');
    expect(r.disks.map((d) => d.managed)).toEqual([false, false]);
  });

  it('ADE seen only in the instance view', () => {
    const vm: VmModelLike = {
      ...managedVm(),
      instanceView: { disks: [{ name: 'os', encryptionSettings: [{ ...bek, enabled: true }] }] },
    };
    expect(classifyEncryption(vm, []).kind).toBe('ADE_BEK');
  });

  it('ignores encryption settings that are disabled', () => {
    const disabled: ManagedDiskLike = {
      id: osId,
      name: 'os',
      encryptionSettingsCollection: { enabled: false, encryptionSettings: [bek] },
    };
    expect(classifyEncryption(managedVm(), [disabled, platformDisk(dataId, 'data')]).kind).toBe('PMK');
    expect(adeFromSettings({ ...bek, enabled: false })).toBeUndefined();
  });

  it('a VM with no storage profile is PMK with no disks', () => {
    expect(classifyEncryption({}, [])).toEqual({ kind: 'PMK', disks: [] });
  });
});
