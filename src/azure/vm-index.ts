/**
 * Finding a VM by name without listing the whole subscription on every command: an index of every VM's name,
 * refreshed when it is older than `ttlMs`, or at once when a name is not in it (a VM created since), at most every
 * `missRefreshMs` so a typo cannot make the bot list the subscription on every message. A lookup scoped to a resource
 * group asks Azure directly. Wraps any `AzurePort`; nothing else changes.
 */
import type { Clock } from '../clock';
import type { AzurePort, VmRef } from './port';

export interface VmIndexOptions {
  ttlMs: number;
  missRefreshMs: number;
}

export function withVmIndex(
  port: AzurePort,
  clock: Clock,
  options: VmIndexOptions = { ttlMs: 5 * 60_000, missRefreshMs: 30_000 },
): AzurePort {
  let index: { at: number; byName: Map<string, VmRef[]> } | undefined;
  let loading: Promise<Map<string, VmRef[]>> | undefined;

  function refresh(): Promise<Map<string, VmRef[]>> {
    loading ??= port
      .listVms()
      .then((vms) => {
        const byName = new Map<string, VmRef[]>();
        for (const vm of vms) byName.set(vm.name.toLowerCase(), [...(byName.get(vm.name.toLowerCase()) ?? []), vm]);
        index = { at: clock.now(), byName };
        return byName;
      })
      .finally(() => (loading = undefined));
    return loading;
  }

  return {
    ...port,
    async findVms(name, resourceGroup) {
      if (resourceGroup !== undefined) return port.findVms(name, resourceGroup);
      const key = name.toLowerCase();
      const age = index ? clock.now() - index.at : Infinity;
      let byName = age < options.ttlMs && index ? index.byName : await refresh();
      if (!byName.has(key) && index && clock.now() - index.at >= options.missRefreshMs) byName = await refresh();
      return byName.get(key) ?? [];
    },
  };
}
