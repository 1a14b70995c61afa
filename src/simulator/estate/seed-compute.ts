/**
 * Demo VMs, their managed disks and the CMK disk encryption set. One VM per case the bot must handle: ADE BEK+KEK,
 * ADE BEK only, ADE on an RBAC vault, PMK, CMK, unmanaged ADE, agent not ready, a duplicate name in two resource
 * groups, and a VM in a region without a vault.
 */
import type { AdeRef, SimDisk, SimDiskEncryptionSet, SimVm, VmDiskRef } from './model';
import { resourceId, stableGuid, stableVersion } from './ids';

export const KV = (name: string): string => resourceId('rg-security', 'Microsoft.KeyVault/vaults', name);
export const DES_PROD_ID = resourceId('rg-security', 'Microsoft.Compute/diskEncryptionSets', 'des-prod');

/** BEK secret (and KEK when `kek`) in `vault`, shaped like Disk_Get.json's encryptionSettings. */
function adeIn(vault: string, seed: string, kek: boolean): AdeRef {
  const uri = `https://${vault}.vault.azure.net`;
  return {
    secretUrl: `${uri}/secrets/${stableGuid(`bek-${seed}`).toUpperCase()}/${stableVersion(`bek-${seed}`)}`,
    secretVaultId: KV(vault),
    ...(kek ? { keyUrl: `${uri}/keys/ade-kek/${stableVersion(`kek-${vault}`)}`, keyVaultId: KV(vault) } : {}),
  };
}

interface VmSpec {
  name: string;
  rg: string;
  location?: string;
  os: 'Windows' | 'Linux';
  ade?: { vault: string; kek: boolean };
  cmk?: boolean;
  unmanaged?: boolean;
  agentReady?: boolean;
}

export interface ComputeSeed {
  vms: SimVm[];
  disks: SimDisk[];
  diskEncryptionSets: SimDiskEncryptionSet[];
}

export function seedCompute(now: number): ComputeSeed {
  const created = new Date(now - 200 * 86_400_000).toISOString();
  const out: ComputeSeed = {
    vms: [],
    disks: [],
    diskEncryptionSets: [
      {
        id: DES_PROD_ID,
        name: 'des-prod',
        resourceGroup: 'rg-security',
        location: 'japaneast',
        keyUrl: `https://kv-cmk.vault.azure.net/keys/cmk-disks/${stableVersion('cmk-disks')}`,
        keyVaultId: KV('kv-cmk'),
      },
    ],
  };
  const specs: VmSpec[] = [
    { name: 'vm001', rg: 'rg-prod', os: 'Windows', ade: { vault: 'kv-ade-prod', kek: true } },
    { name: 'vm002', rg: 'rg-prod', os: 'Linux', ade: { vault: 'kv-ade-noaccess', kek: false } },
    { name: 'vm003', rg: 'rg-prod', os: 'Windows', ade: { vault: 'kv-ade-rbac', kek: true } },
    { name: 'vm004', rg: 'rg-dev', os: 'Linux' },
    { name: 'vm005', rg: 'rg-dev', os: 'Windows', cmk: true },
    { name: 'vm006', rg: 'rg-legacy', os: 'Windows', ade: { vault: 'kv-ade-prod', kek: true }, unmanaged: true },
    { name: 'vm007', rg: 'rg-dev', os: 'Linux', agentReady: false },
    { name: 'web01', rg: 'rg-prod', os: 'Linux' },
    { name: 'web01', rg: 'rg-dev', os: 'Linux' },
    { name: 'vm008', rg: 'rg-east', location: 'eastus', os: 'Linux' },
  ];
  for (const spec of specs) addVm(out, spec, created);
  return out;
}

function addVm(out: ComputeSeed, spec: VmSpec, created: string): void {
  const location = spec.location ?? 'japaneast';
  const vmId = resourceId(spec.rg, 'Microsoft.Compute/virtualMachines', spec.name);
  const diskRef = (role: 'OsDisk' | 'DataDisk_0', lun?: number): VmDiskRef => {
    const name = `${spec.name}_${role}_1_${stableVersion(`${vmId}-${role}`)}`;
    const sizeGb = role === 'OsDisk' ? 127 : 256;
    const ade = spec.ade ? adeIn(spec.ade.vault, `${vmId}-${role}`, spec.ade.kek) : undefined;
    if (spec.unmanaged) {
      const vhdUri = `https://stlegacyvhds.blob.core.windows.net/vhds/${spec.name}-${role.toLowerCase()}.vhd`;
      return { name, lun, vhdUri, sizeGb, encryptionSettings: role === 'OsDisk' ? ade : undefined };
    }
    const id = resourceId(spec.rg, 'Microsoft.Compute/disks', name);
    out.disks.push({
      id,
      name,
      resourceGroup: spec.rg,
      location,
      osType: role === 'OsDisk' ? spec.os : undefined,
      sizeGb,
      managedBy: vmId,
      ade,
      diskEncryptionSetId: spec.cmk ? DES_PROD_ID : undefined,
      timeCreated: created,
    });
    return { name, lun, managedDiskId: id, sizeGb, diskEncryptionSetId: spec.cmk ? DES_PROD_ID : undefined };
  };
  out.vms.push({
    id: vmId,
    name: spec.name,
    resourceGroup: spec.rg,
    location,
    vmId: stableGuid(vmId),
    osType: spec.os,
    vmSize: spec.os === 'Windows' ? 'Standard_D4s_v5' : 'Standard_D2s_v5',
    osDisk: diskRef('OsDisk'),
    dataDisks: [diskRef('DataDisk_0', 0)],
    agent: { ready: spec.agentReady ?? true, version: spec.os === 'Windows' ? '2.7.41491.1102' : '2.10.0.8' },
    powerState: 'running',
    timeCreated: created,
  });
}
