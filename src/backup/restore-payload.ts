/** What a restore form stores on the server: the VM, the vault, and exactly what was offered (and, once reviewed, chosen). */
import type { EncryptionKind, RestoreKind } from '../azure/port';
import type { RestoreChoices, RestoreSelection } from './restore-options';

export interface RestorePayload {
  vm: { id: string; name: string; resourceGroup: string; subscriptionId: string; location: string; encryption: EncryptionKind; osType: string };
  vault: { id: string; name: string; location: string };
  points: { name: string; time: string; consistency: string; tiers: string[] }[];
  choices: RestoreChoices;
  selection?: RestoreSelection;
}

export type { RestoreKind };
