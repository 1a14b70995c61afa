/** The demo estate, built relative to the clock's start so "last night" is always last night. */
import { SIM_BACKUP_MANAGEMENT_OBJECT_ID, SIM_SUBSCRIPTION_ID, SIM_TENANT_ID } from '../constants';
import type { Estate } from './model';
import { seedRecoveryVaults } from './seed-backup';
import { seedCompute } from './seed-compute';
import { seedMigrationEstate } from './seed-migration';
import { seedKeyVaults, seedRoleAssignments, seedRoleDefinitions } from './seed-security';

export function seedDemoEstate(now: number): Estate {
  const compute = seedCompute(now);
  const estate: Estate = {
    subscriptionId: SIM_SUBSCRIPTION_ID,
    tenantId: SIM_TENANT_ID,
    backupManagementObjectId: SIM_BACKUP_MANAGEMENT_OBJECT_ID,
    resourceGroups: [
      { name: 'rg-prod', location: 'japaneast' },
      { name: 'rg-dev', location: 'japaneast' },
      { name: 'rg-legacy', location: 'japaneast' },
      { name: 'rg-east', location: 'eastus' },
      { name: 'rg-security', location: 'japaneast' },
      { name: 'rg-backup', location: 'japaneast' },
      { name: 'rg-restore', location: 'japaneast' },
    ],
    ...compute,
    keyVaults: seedKeyVaults(SIM_TENANT_ID, SIM_BACKUP_MANAGEMENT_OBJECT_ID),
    roleDefinitions: seedRoleDefinitions(),
    roleAssignments: seedRoleAssignments(now),
    recoveryVaults: [],
    operations: [],
    features: [],
    vmSkus: [],
  };
  estate.recoveryVaults = seedRecoveryVaults(estate, now);
  seedMigrationEstate(estate, now);
  return estate;
}
