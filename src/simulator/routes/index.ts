/** The route table, in matching order: specific resource providers first, scope-wide authorization last. */
import type { Route } from '../router';
import { authorizationRoutes } from './authorization';
import { backupItemRoutes } from './backup-items';
import { backupJobRoutes } from './backup-jobs';
import { backupLifecycleRoutes } from './backup-lifecycle';
import { backupOperationRoutes } from './backup-operations';
import { computeRoutes } from './compute';
import { fleetRoutes } from './fleet';
import { keyVaultRoutes } from './keyvault';
import { recoveryServicesRoutes } from './recoveryservices';

export const routes: Route[] = [
  ...fleetRoutes,
  ...computeRoutes,
  ...keyVaultRoutes,
  ...recoveryServicesRoutes,
  ...backupItemRoutes,
  ...backupOperationRoutes,
  ...backupLifecycleRoutes,
  ...backupJobRoutes,
  ...authorizationRoutes,
];
