/**
 * IaasVMRecoveryPoint payloads shaped like RecoveryPoints_List.json / RecoveryPoints_Get.json. `keyAndSecret`
 * (kekDetails / bekDetails / encryptionMechanism) is in no example; its field names come from the SDK 12.0.0 types,
 * and `encryptionMechanism: "SinglePass"` (ADE without an Entra app) is an assumption.
 */
import { isoTime } from '../arm';
import type { SimProtectedItem, SimRecoveryPoint, SimRecoveryVault } from '../estate/model';
import { protectedItemId } from './backup';

const BLOB = Buffer.from('simulated key material backup').toString('base64');

export function recoveryPointPayload(
  vault: SimRecoveryVault,
  item: SimProtectedItem,
  rp: SimRecoveryPoint,
): Record<string, unknown> {
  const ks = rp.keyAndSecret;
  return {
    id: `${protectedItemId(vault, item)}/recoveryPoints/${rp.name}`,
    name: rp.name,
    type: 'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems/recoveryPoints',
    properties: {
      objectType: 'IaasVMRecoveryPoint',
      recoveryPointType: rp.consistency,
      recoveryPointTime: isoTime(rp.time),
      recoveryPointAdditionalInfo: '',
      sourceVMStorageType: 'NormalStorage',
      isSourceVMEncrypted: rp.encrypted,
      ...(ks
        ? {
            keyAndSecret: {
              ...(ks.keyUrl
                ? {
                    kekDetails: {
                      keyUrl: ks.keyUrl,
                      keyVaultId: ks.keyVaultId ?? ks.secretVaultId,
                      keyBackupData: BLOB,
                    },
                  }
                : {}),
              bekDetails: { secretUrl: ks.secretUrl, secretVaultId: ks.secretVaultId, secretData: BLOB },
              encryptionMechanism: 'SinglePass',
            },
          }
        : {}),
      isInstantIlrSessionActive: false,
      recoveryPointTierDetails: rp.tiers.map((type) => ({ type, status: 'Valid' })),
      recoveryPointMoveReadinessInfo: {
        ArchivedRP: { isReadyForMove: false, additionalInfo: 'Recovery point cannot be moved to archive tier yet.' },
      },
      isManagedVirtualMachine: rp.managed,
      virtualMachineSize: rp.vmSize,
      originalStorageAccountOption: false,
      osType: rp.osType,
      securityType: 'None',
      isPrivateAccessEnabledOnAnyDisk: false,
      // Field names from the SDK 12.0.0 types (RecoveryPointProperties); no recording shows them.
      ...(rp.expiry !== undefined
        ? { recoveryPointProperties: { expiryTime: isoTime(rp.expiry), isSoftDeleted: false } }
        : {}),
    },
  };
}
