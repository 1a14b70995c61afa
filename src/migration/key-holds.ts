/**
 * Key holds: every Key Vault holding a BEK or KEK that a live ADE recovery point still needs, until when, and whether
 * it is safe from loss. A point restores only with its keys (ADE-MIGRATION-FACTS §4): the vault, its secrets and keys,
 * and `enabledForDiskEncryption` must stay until the last such point expires. A vault without purge protection that
 * guards points is a blocker: a deleted vault could then be purged with the only copy of the keys.
 *
 * Estimated: a point's keys are taken to be in the Key Vault the VM's disks use now (a point's own `keyAndSecret`
 * needs a read per point), and how long points live comes from point-expiry.ts. Plans add the holds they recorded
 * for VMs that may be gone since.
 */
import type { FleetKeyVault } from '../azure/fleet';
import { laterExpiry, type Expiry } from './point-expiry';

export type HoldRisk = 'deleted' | 'softDeleteOff' | 'purgeProtectionOff' | 'diskEncryptionOff';

/** One reason to keep a Key Vault: a VM whose points need it, until when. */
export interface HoldClaim {
  keyVaultId: string;
  vmName: string;
  until: Expiry;
}

export interface KeyHold {
  keyVaultId: string;
  name: string;
  until: Expiry;
  vms: string[];
  /** Undefined when no Key Vault of that id is in the subscription's list any more. */
  vault?: FleetKeyVault;
  risks: HoldRisk[];
  /** Purge protection off, or the vault gone: the keys could be lost for good. */
  blocker: boolean;
}

const lower = (s: string) => s.toLowerCase();
const lastSegment = (id: string) => id.split('/').filter(Boolean).pop() ?? id;

export function keyHolds(claims: HoldClaim[], vaults: FleetKeyVault[], now: number): KeyHold[] {
  const byId = new Map(vaults.map((v) => [lower(v.id), v]));
  const held = new Map<string, { keyVaultId: string; until?: Expiry; vms: Set<string> }>();
  for (const c of claims) {
    if (c.until !== 'indefinite' && c.until <= now) continue;
    const entry = held.get(lower(c.keyVaultId)) ?? { keyVaultId: c.keyVaultId, vms: new Set<string>() };
    entry.until = laterExpiry(entry.until, c.until);
    entry.vms.add(c.vmName);
    held.set(lower(c.keyVaultId), entry);
  }
  return [...held.values()]
    .map(({ keyVaultId, until, vms }) => {
      const vault = byId.get(lower(keyVaultId));
      const risks: HoldRisk[] = vault
        ? [
            ...(vault.softDelete ? [] : (['softDeleteOff'] as const)),
            ...(vault.purgeProtection ? [] : (['purgeProtectionOff'] as const)),
            ...(vault.enabledForDiskEncryption ? [] : (['diskEncryptionOff'] as const)),
          ]
        : ['deleted'];
      return {
        keyVaultId,
        name: vault?.name ?? lastSegment(keyVaultId),
        until: until ?? now,
        vms: [...vms].sort(),
        ...(vault ? { vault } : {}),
        risks,
        blocker: risks.includes('deleted') || risks.includes('purgeProtectionOff'),
      };
    })
    .sort(
      (a, b) =>
        Number(b.blocker) - Number(a.blocker) || b.risks.length - a.risks.length || a.name.localeCompare(b.name),
    );
}
