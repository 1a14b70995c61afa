/**
 * Fixed identities of the demo estate. The bot is configured with these in simulator mode, so they are exported
 * from the simulator's index.
 */
export const SIM_SUBSCRIPTION_ID = '8f2c5e1a-3b7d-4c6e-9a1f-2d4b6c8e0a13';
export const SIM_TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';

/**
 * Object id of the Backup Management Service service principal (application id
 * `262044b1-e2ce-469f-a196-69ab7ada62d3`) in the simulated tenant. Real tenants each have their own object id.
 */
export const SIM_BACKUP_MANAGEMENT_OBJECT_ID = 'f40e18f0-6544-45c2-9d24-639a8bb3b41a';
export const BACKUP_MANAGEMENT_APP_ID = '262044b1-e2ce-469f-a196-69ab7ada62d3';

/** Another user who already holds an access policy on `kv-ade-noaccess`. */
export const SIM_OTHER_USER_OBJECT_ID = '3d1c7a52-8e4b-4f0a-b6a3-5c2e9d7f1b84';

const RSV = `/subscriptions/${SIM_SUBSCRIPTION_ID}/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults`;

/** The Recovery Services vaults the bot should be configured with (RECOVERY_VAULT_IDS) in simulator mode. */
export const SIM_RECOVERY_VAULT_IDS: string[] = [`${RSV}/rsv-prod-japaneast`, `${RSV}/rsv-dev-westeurope`];

/** Built-in role definition ids (GUIDs, the same in every tenant). */
export const KEY_VAULT_ADMINISTRATOR_ROLE_ID = '00482a5a-887f-4fb3-b363-3b7fe8e74483';
export const READER_ROLE_ID = 'acdd72a7-3385-48ef-bd42-f606fba81ae7';
/** A custom role in the demo subscription with exactly the five data actions Azure Backup needs. */
export const BACKUP_KEY_VAULT_READER_ROLE_ID = '6b1f3c2d-9a7e-4e58-8c41-0d2f5a7b9e63';

/** The five Key Vault data actions Azure Backup needs on an RBAC vault (AZURE-FACTS). */
export const BACKUP_KEY_VAULT_DATA_ACTIONS: readonly string[] = [
  'Microsoft.KeyVault/vaults/keys/backup/action',
  'Microsoft.KeyVault/vaults/secrets/backup/action',
  'Microsoft.KeyVault/vaults/secrets/getSecret/action',
  'Microsoft.KeyVault/vaults/keys/read',
  'Microsoft.KeyVault/vaults/secrets/readMetadata/action',
];

/** Paired regions the estate uses (for cross-region restore answers). */
export const PAIRED_REGIONS: Readonly<Record<string, string>> = {
  japaneast: 'japanwest',
  japanwest: 'japaneast',
  eastus: 'westus',
  westeurope: 'northeurope',
};
