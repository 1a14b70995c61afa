/**
 * Encryption at host needs a VM size whose SKU says `EncryptionAtHostSupported: True` in the VM's region
 * (ADE-MIGRATION-FACTS §3); legacy sizes do not. For a size without it, the nearest size of the same family that
 * has it: closest in vCPUs, then in memory, then the larger one, then by name.
 */
import type { VmSku } from '../azure/fleet';

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Whether `size` can run with encryption at host in the region whose SKUs these are. */
export function supportsEah(size: string, skus: VmSku[]): boolean {
  const sku = skus.find((s) => same(s.name, size));
  return !!sku && sku.encryptionAtHost && !sku.restricted;
}

/** The nearest supported size of the same family, or `undefined` when the family has none (or the size is unknown). */
export function nearestSupported(size: string, skus: VmSku[]): string | undefined {
  const sku = skus.find((s) => same(s.name, size));
  if (!sku?.family) return undefined;
  const family = sku.family;
  const candidates = skus.filter(
    (s) =>
      s.family !== undefined && same(s.family, family) && !same(s.name, size) && s.encryptionAtHost && !s.restricted,
  );
  const gap = (a?: number, b?: number) =>
    a === undefined || b === undefined ? Number.MAX_SAFE_INTEGER : Math.abs(a - b);
  candidates.sort(
    (x, y) =>
      gap(x.vCpus, sku.vCpus) - gap(y.vCpus, sku.vCpus) ||
      gap(x.memoryGb, sku.memoryGb) - gap(y.memoryGb, sku.memoryGb) ||
      (y.vCpus ?? 0) - (x.vCpus ?? 0) ||
      x.name.localeCompare(y.name),
  );
  return candidates[0]?.name;
}
