/**
 * Compute payloads, shaped like compute/VirtualMachine_Get.json, VirtualMachine_Get_InstanceView.json,
 * Disk_Get.json and DiskEncryptionSet_Get.json. `osDisk.encryptionSettings` and
 * `instanceView.disks[].encryptionSettings`
 * are not in those examples; their shape is the SDK's DiskEncryptionSettings (keyVaultSecretReference +
 * keyVaultKeyReference + enabled), the same objects Disk_Get.json nests in encryptionSettingsCollection.
 */
import type { AdeRef, Estate, SimDisk, SimDiskEncryptionSet, SimVm, VmDiskRef } from '../estate/model';
import { vmAde } from '../estate/lookup';

function adeSettings(ade: AdeRef): Record<string, unknown> {
  return {
    diskEncryptionKey: { sourceVault: { id: ade.secretVaultId }, secretUrl: ade.secretUrl },
    ...(ade.keyUrl
      ? { keyEncryptionKey: { sourceVault: { id: ade.keyVaultId ?? ade.secretVaultId }, keyUrl: ade.keyUrl } }
      : {}),
  };
}

function diskModel(vm: SimVm, disk: VmDiskRef, role: 'os' | 'data'): Record<string, unknown> {
  const storage = disk.vhdUri
    ? { vhd: { uri: disk.vhdUri } }
    : {
        managedDisk: {
          storageAccountType: 'Premium_LRS',
          id: disk.managedDiskId,
          ...(disk.diskEncryptionSetId ? { diskEncryptionSet: { id: disk.diskEncryptionSetId } } : {}),
        },
      };
  return {
    ...(role === 'os' ? { osType: vm.osType } : { lun: disk.lun }),
    ...(disk.encryptionSettings
      ? { encryptionSettings: { ...adeSettings(disk.encryptionSettings), enabled: true } }
      : {}),
    name: disk.name,
    createOption: role === 'os' ? 'FromImage' : 'Empty',
    caching: 'ReadWrite',
    ...storage,
    diskSizeGB: disk.sizeGb,
  };
}

export function vmPayload(estate: Estate, vm: SimVm, withInstanceView: boolean): Record<string, unknown> {
  const windows = vm.osType === 'Windows';
  return {
    name: vm.name,
    id: vm.id,
    type: 'Microsoft.Compute/virtualMachines',
    location: vm.location,
    tags: {},
    properties: {
      vmId: vm.vmId,
      hardwareProfile: { vmSize: vm.vmSize },
      storageProfile: {
        imageReference: windows
          ? {
              publisher: 'MicrosoftWindowsServer',
              offer: 'WindowsServer',
              sku: '2022-datacenter-azure-edition',
              version: 'latest',
            }
          : { publisher: 'Canonical', offer: '0001-com-ubuntu-server-jammy', sku: '22_04-lts-gen2', version: 'latest' },
        osDisk: diskModel(vm, vm.osDisk, 'os'),
        dataDisks: vm.dataDisks.map((d) => diskModel(vm, d, 'data')),
      },
      osProfile: {
        computerName: vm.name,
        adminUsername: 'azureuser',
        ...(windows
          ? { windowsConfiguration: { provisionVMAgent: true, enableAutomaticUpdates: true } }
          : { linuxConfiguration: { disablePasswordAuthentication: true, provisionVMAgent: true } }),
        secrets: [],
      },
      networkProfile: {
        networkInterfaces: [
          { id: `${vm.id.split('/providers/')[0]}/providers/Microsoft.Network/networkInterfaces/${vm.name}-nic` },
        ],
      },
      ...(vm.encryptionAtHost || vm.securityType
        ? {
            securityProfile: {
              ...(vm.securityType
                ? { securityType: vm.securityType, uefiSettings: { secureBootEnabled: true, vTpmEnabled: true } }
                : {}),
              ...(vm.encryptionAtHost ? { encryptionAtHost: true } : {}),
            },
          }
        : {}),
      diagnosticsProfile: { bootDiagnostics: { enabled: true } },
      provisioningState: 'Succeeded',
      timeCreated: vm.timeCreated,
      ...(withInstanceView ? { instanceView: instanceViewPayload(estate, vm) } : {}),
    },
  };
}

const provisioned = (time: string): Record<string, unknown> => ({
  code: 'ProvisioningState/succeeded',
  level: 'Info',
  displayStatus: 'Provisioning succeeded',
  time,
});

export function instanceViewPayload(estate: Estate, vm: SimVm): Record<string, unknown> {
  const ade = vmAde(estate, vm);
  const agentStatus = vm.agent.ready
    ? {
        code: 'ProvisioningState/succeeded',
        level: 'Info',
        displayStatus: 'Ready',
        message: 'GuestAgent is running and accepting new configurations.',
        time: vm.timeCreated,
      }
    : {
        code: 'ProvisioningState/Unavailable',
        level: 'Warning',
        displayStatus: 'Not Ready',
        message: 'VM Agent is unresponsive.',
        time: vm.timeCreated,
      };
  const disks = [vm.osDisk, ...vm.dataDisks].map((d) => ({
    name: d.name,
    ...(ade ? { encryptionSettings: [{ ...adeSettings(ade), enabled: true }] } : {}),
    statuses: [provisioned(vm.timeCreated)],
  }));
  return {
    computerName: vm.name,
    osName: vm.osType === 'Windows' ? 'Windows Server 2022 Datacenter Azure Edition' : 'ubuntu',
    osVersion: vm.osType === 'Windows' ? 'Microsoft Windows NT 10.0.20348.0' : '22.04',
    vmAgent: {
      vmAgentVersion: vm.agent.ready ? vm.agent.version : 'Unknown',
      statuses: [agentStatus],
      extensionHandlers: [],
    },
    disks,
    hyperVGeneration: 'V2',
    statuses: [
      provisioned(vm.timeCreated),
      { code: `PowerState/${vm.powerState}`, level: 'Info', displayStatus: `VM ${vm.powerState}` },
    ],
  };
}

export function diskPayload(disk: SimDisk): Record<string, unknown> {
  return {
    ...(disk.managedBy ? { managedBy: disk.managedBy } : {}),
    sku: { name: 'Premium_LRS' },
    properties: {
      ...(disk.osType ? { osType: disk.osType } : {}),
      hyperVGeneration: 'V2',
      creationData: { createOption: disk.osType ? 'FromImage' : 'Empty' },
      diskSizeGB: disk.sizeGb,
      ...(disk.ade
        ? {
            encryptionSettingsCollection: {
              enabled: true,
              encryptionSettings: [adeSettings(disk.ade)],
              ...(disk.adeVersion ? { encryptionSettingsVersion: disk.adeVersion } : {}),
            },
          }
        : {}),
      encryption: disk.diskEncryptionSetId
        ? { type: 'EncryptionAtRestWithCustomerKey', diskEncryptionSetId: disk.diskEncryptionSetId }
        : { type: 'EncryptionAtRestWithPlatformKey' },
      timeCreated: disk.timeCreated,
      provisioningState: 'Succeeded',
      diskState: disk.managedBy ? 'Attached' : 'Unattached',
      diskSizeBytes: disk.sizeGb * 2 ** 30,
    },
    type: 'Microsoft.Compute/disks',
    location: disk.location,
    tags: {},
    id: disk.id,
    name: disk.name,
  };
}

export function diskEncryptionSetPayload(des: SimDiskEncryptionSet): Record<string, unknown> {
  return {
    identity: { type: 'SystemAssigned' },
    properties: {
      activeKey: { sourceVault: { id: des.keyVaultId }, keyUrl: des.keyUrl },
      encryptionType: 'EncryptionAtRestWithCustomerKey',
      previousKeys: [],
      provisioningState: 'Succeeded',
    },
    type: 'Microsoft.Compute/diskEncryptionSets',
    location: des.location,
    tags: {},
    id: des.id,
    name: des.name,
  };
}
