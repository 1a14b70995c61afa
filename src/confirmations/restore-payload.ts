/** What a restore form stores on the server: the VM, the vault, and exactly what was offered (and, once reviewed, chosen). */
import type { EncryptionKind, ItemPlace, RestoreKind } from '../azure/port';
import type { RestoreChoices, RestoreSelection } from '../rules/restore-options';

export interface RestorePayload {
  vm: { id: string; name: string; resourceGroup: string; subscriptionId: string; location: string; encryption: EncryptionKind; osType: string };
  vault: { id: string; name: string; location: string };
  /** The protected item the points belong to (its names as Azure gave them when the form was made). */
  item?: ItemPlace;
  points: { name: string; time: string; consistency: string; tiers: string[] }[];
  choices: RestoreChoices;
  selection?: RestoreSelection;
}

export type { RestoreKind };
