/** What a backup confirmation stores on the server: the VM and where it is protected, as read by the preflight. */
import type { ProtectionInfo, VmDetails } from '../azure/port';

export interface BackupPayload {
  vm: { id: string; name: string; resourceGroup: string; subscriptionId: string; location: string; encryption: string; osType: string };
  protection: Pick<ProtectionInfo, 'vaultId' | 'containerName' | 'protectedItemName' | 'policyName' | 'protectionState'>;
}

export function backupPayload(vm: VmDetails, protection: ProtectionInfo): BackupPayload {
  const { id, name, resourceGroup, subscriptionId, location, encryption, osType } = vm;
  const { vaultId, containerName, protectedItemName, policyName, protectionState } = protection;
  return { vm: { id, name, resourceGroup, subscriptionId, location, encryption, osType }, protection: { vaultId, containerName, protectedItemName, policyName, protectionState } };
}
