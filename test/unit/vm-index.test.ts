import type { AzurePort, VmRef } from '../../src/azure/port';
import { withVmIndex } from '../../src/azure/vm-index';
import { ManualClock } from '../../src/clock';

const vm = (rg: string, name: string): VmRef => ({
  id: `/subscriptions/s/resourceGroups/${rg}/providers/Microsoft.Compute/virtualMachines/${name}`,
  name,
  resourceGroup: rg,
  subscriptionId: 's',
  location: 'japaneast',
});

function setup() {
  const clock = new ManualClock();
  const estate = [vm('rg-prod', 'vm001'), vm('rg-prod', 'web01'), vm('rg-dev', 'WEB01')];
  const calls = { list: 0, scoped: 0 };
  const port = {
    listVms: async () => (calls.list++, [...estate]),
    findVms: async (name: string, rg?: string) => (
      calls.scoped++,
      estate.filter((v) => v.name.toLowerCase() === name.toLowerCase() && v.resourceGroup === rg)
    ),
  } as unknown as AzurePort;
  return { clock, estate, calls, azure: withVmIndex(port, clock, { ttlMs: 300_000, missRefreshMs: 30_000 }) };
}

describe('VM index', () => {
  it('lists the subscription once for many lookups, case-insensitively, with same-named VMs together', async () => {
    const { azure, calls } = setup();
    expect((await azure.findVms('VM001')).map((v) => v.name)).toEqual(['vm001']);
    expect(await azure.findVms('web01')).toHaveLength(2);
    await Promise.all([azure.findVms('vm001'), azure.findVms('web01')]);
    expect(calls.list).toBe(1);
  });

  it('finds a VM created since, but a typo does not list the subscription on every message', async () => {
    const { azure, calls, clock, estate } = setup();
    await azure.findVms('vm001');
    estate.push(vm('rg-new', 'vm009'));
    expect(await azure.findVms('vm009')).toEqual([]); // listed a moment ago
    clock.advance(31_000);
    expect((await azure.findVms('vm009')).map((v) => v.resourceGroup)).toEqual(['rg-new']);
    expect(await azure.findVms('nosuchvm')).toEqual([]);
    expect(await azure.findVms('nosuchvm')).toEqual([]);
    expect(calls.list).toBe(2);
  });

  it('refreshes after the time to live, and asks Azure directly for resourceGroup/name', async () => {
    const { azure, calls, clock } = setup();
    await azure.findVms('vm001');
    clock.advance(301_000);
    await azure.findVms('vm001');
    expect(calls.list).toBe(2);
    expect(await azure.findVms('web01', 'rg-dev')).toHaveLength(1);
    expect(calls.scoped).toBe(1);
  });
});
