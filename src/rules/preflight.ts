/**
 * The preflight behind `check`, and run again before every backup/protect confirmation: everything Azure Backup needs
 * from an encrypted VM, read from Azure, with the problems that would make a backup fail.
 */
import {
  isAde,
  resourceName,
  type AzurePort,
  type KeyVaultInfo,
  type ProtectionInfo,
  type VmDetails,
  type VmRef,
} from '../azure/port';
import { isAzureError } from '../errors';
import { assessKeyVaultAccess, type AccessAssessment } from './key-vault-access';

export type Problem =
  | { code: 'KeyVaultAccessMissing'; vault: string }
  | { code: 'KeyVaultUnreadable'; vault: string; error: string }
  | { code: 'AgentNotReady' }
  | { code: 'NotProtected' }
  | { code: 'ProtectionUnhealthy'; state: string };

export interface KeyVaultCheck {
  id: string;
  name: string;
  info?: KeyVaultInfo;
  access?: AccessAssessment;
  /** Error code when the vault could not be read. */
  error?: string;
}

export interface Preflight {
  vm: VmDetails;
  /** The vault(s) holding the BEK (and the KEK, when different). Empty for PMK/CMK. */
  keyVaults: KeyVaultCheck[];
  protection?: ProtectionInfo;
  problems: Problem[];
}

async function checkVault(azure: AzurePort, id: string, vm: VmDetails, objectId: string): Promise<KeyVaultCheck> {
  const name = resourceName(id);
  try {
    const info = await azure.getKeyVault(id);
    return { id, name, info, access: await assessKeyVaultAccess(azure, info, objectId, vm.encryption) };
  } catch (e) {
    if (isAzureError(e)) return { id, name, error: e.code };
    throw e;
  }
}

const HEALTHY = ['protected', 'irpending'];

export async function runPreflight(azure: AzurePort, ref: VmRef, backupManagementObjectId: string): Promise<Preflight> {
  const vm = await azure.getVm(ref);
  const vaultIds = new Map<string, string>();
  for (const id of [vm.ade?.secretVaultId, vm.ade?.kekVaultId]) if (id) vaultIds.set(id.toLowerCase(), id);
  const [keyVaults, protection] = await Promise.all([
    isAde(vm.encryption)
      ? Promise.all([...vaultIds.values()].map((id) => checkVault(azure, id, vm, backupManagementObjectId)))
      : Promise.resolve([]),
    azure.getProtection(vm),
  ]);
  const problems: Problem[] = [];
  for (const kv of keyVaults) {
    if (kv.error) problems.push({ code: 'KeyVaultUnreadable', vault: kv.name, error: kv.error });
    else if (kv.access && !kv.access.granted) problems.push({ code: 'KeyVaultAccessMissing', vault: kv.name });
  }
  if (vm.agent.state !== 'Ready') problems.push({ code: 'AgentNotReady' });
  if (!protection) problems.push({ code: 'NotProtected' });
  else if (!HEALTHY.includes(protection.protectionState.toLowerCase()))
    problems.push({ code: 'ProtectionUnhealthy', state: protection.protectionState });
  return { vm, keyVaults, protection, problems };
}

export function needsKeyVaultAccess(p: Preflight): boolean {
  return p.problems.some((x) => x.code === 'KeyVaultAccessMissing');
}
