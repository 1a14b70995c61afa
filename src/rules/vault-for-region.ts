/**
 * New protection goes to the configured Recovery Services vault in the VM's region (Azure Backup requires the same
 * region).
 */
import type { AzurePort, RecoveryVaultInfo } from '../azure/port';

const norm = (region: string) => region.toLowerCase().replace(/\s+/g, '');

export async function configuredVaults(azure: AzurePort, ids: string[]): Promise<RecoveryVaultInfo[]> {
  return Promise.all(ids.map((id) => azure.getRecoveryVault(id)));
}

export function vaultInRegion(vaults: RecoveryVaultInfo[], region: string): RecoveryVaultInfo | undefined {
  return vaults.find((v) => norm(v.location) === norm(region));
}
