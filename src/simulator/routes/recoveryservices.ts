/** Microsoft.RecoveryServices vaults (@azure/arm-recoveryservices 7.2.0) and the vault's storage config. */
import { ok, sameId } from '../arm';
import { requireResourceGroup, requireSubscription } from '../estate/lookup';
import { recoveryVaultPayload, storageConfigPayload } from '../payloads/backup';
import { type Route, route } from '../router';
import { VAULT, vaultOf } from './backup-common';

export const recoveryServicesRoutes: Route[] = [
  route('GET', '/subscriptions/{sub}/providers/Microsoft.RecoveryServices/vaults', (ctx) => {
    requireSubscription(ctx.estate, ctx.params.sub);
    return ok({ value: ctx.estate.recoveryVaults.map(recoveryVaultPayload) });
  }),
  route('GET', '/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.RecoveryServices/vaults', (ctx) => {
    requireResourceGroup(ctx.estate, ctx.params.sub, ctx.params.rg);
    return ok({
      value: ctx.estate.recoveryVaults.filter((v) => sameId(v.resourceGroup, ctx.params.rg)).map(recoveryVaultPayload),
    });
  }),
  route('GET', VAULT, (ctx) => ok(recoveryVaultPayload(vaultOf(ctx)))),
  route('GET', `${VAULT}/backupstorageconfig/vaultstorageconfig`, (ctx) => ok(storageConfigPayload(vaultOf(ctx)))),
];
