/** findVms / getVm against the simulator's demo estate, through the real compute SDK over HTTPS. */
import { SIM_SUBSCRIPTION_ID } from '../../src/simulator';
import { seen, useHarness, vmRef } from './sim-harness';

const h = useHarness();

describe('findVms', () => {
  it('finds a VM by name across the subscription, case-insensitively', async () => {
    const vms = await h.port.findVms('VM001');
    expect(vms).toEqual([
      {
        id: `/subscriptions/${SIM_SUBSCRIPTION_ID}/resourceGroups/rg-prod/providers/Microsoft.Compute/virtualMachines/vm001`,
        name: 'vm001',
        resourceGroup: 'rg-prod',
        subscriptionId: SIM_SUBSCRIPTION_ID,
        location: 'japaneast',
      },
    ]);
  });

  it('returns both web01 VMs, one per resource group', async () => {
    const vms = await h.port.findVms('web01');
    expect(vms.map((v) => v.resourceGroup).sort()).toEqual(['rg-dev', 'rg-prod']);
  });

  it('narrows to one resource group with list(rg)', async () => {
    const vms = await h.port.findVms('web01', 'rg-dev');
    expect(vms).toHaveLength(1);
    expect(seen(h, 'GET', /resourceGroups\/rg-dev\/providers\/Microsoft\.Compute\/virtualMachines$/i)).not.toHaveLength(
      0,
    );
  });

  it('returns nothing for an unknown name', async () => {
    await expect(h.port.findVms('nope')).resolves.toEqual([]);
  });

  it('answers ResourceGroupNotFound for an unknown resource group', async () => {
    await expect(h.port.findVms('vm001', 'rg-missing')).rejects.toMatchObject({
      code: 'ResourceGroupNotFound',
      statusCode: 404,
    });
  });

  it('refuses a name that could reshape the URL', async () => {
    await expect(h.port.findVms('vm001/../x')).rejects.toMatchObject({ code: 'InvalidInput' });
  });
});

describe('getVm', () => {
  it('classifies vm001 as ADE BEK+KEK with its Key Vault, agent Ready and running', async () => {
    const vm = await h.port.getVm(await vmRef(h, 'vm001', 'rg-prod'));
    expect(vm.encryption).toBe('ADE_BEK_KEK');
    expect(vm.osType).toBe('Windows');
    expect(vm.managedDisks).toBe(true);
    expect(vm.ade?.secretVaultId).toMatch(/\/vaults\/kv-ade-prod$/);
    expect(vm.ade?.secretUrl).toMatch(/^https:\/\/kv-ade-prod\.vault\.azure\.net\/secrets\//);
    expect(vm.ade?.kekUrl).toMatch(/^https:\/\/kv-ade-prod\.vault\.azure\.net\/keys\/ade-kek\//);
    expect(vm.agent.state).toBe('Ready');
    expect(vm.powerState).toBe('running');
    expect(vm.disks.map((d) => d.role)).toEqual(['os', 'data']);
    expect(seen(h, 'GET', /virtualMachines\/vm001$/i)[0]?.query['$expand']).toBe('instanceView');
    expect(seen(h, 'GET', /providers\/Microsoft\.Compute\/disks\/vm001_/i)).toHaveLength(2);
  });

  it('classifies vm002 as ADE BEK only (Linux, kv-ade-noaccess)', async () => {
    const vm = await h.port.getVm(await vmRef(h, 'vm002', 'rg-prod'));
    expect(vm.encryption).toBe('ADE_BEK');
    expect(vm.osType).toBe('Linux');
    expect(vm.ade?.kekUrl).toBeUndefined();
    expect(vm.ade?.secretVaultId).toMatch(/kv-ade-noaccess$/);
  });

  it('classifies vm005 as CMK through des-prod', async () => {
    const vm = await h.port.getVm(await vmRef(h, 'vm005', 'rg-dev'));
    expect(vm.encryption).toBe('CMK');
    expect(vm.disks[0]?.diskEncryptionSetId).toMatch(/diskEncryptionSets\/des-prod$/);
  });

  it('classifies vm006 (unmanaged disks) as ADE BEK+KEK from osDisk.encryptionSettings', async () => {
    const vm = await h.port.getVm(await vmRef(h, 'vm006', 'rg-legacy'));
    expect(vm.managedDisks).toBe(false);
    expect(vm.encryption).toBe('ADE_BEK_KEK');
    expect(vm.ade?.secretVaultId).toMatch(/kv-ade-prod$/);
    expect(seen(h, 'GET', /disks\/vm006_/i)).toHaveLength(0);
  });

  it('classifies vm004 as PMK', async () => {
    expect((await h.port.getVm(await vmRef(h, 'vm004', 'rg-dev'))).encryption).toBe('PMK');
  });

  it('reports vm007 agent NotReady', async () => {
    const vm = await h.port.getVm(await vmRef(h, 'vm007', 'rg-dev'));
    expect(vm.agent.state).toBe('NotReady');
    expect(vm.agent.version).toBeUndefined();
  });

  it('answers ResourceNotFound with a request id for a VM that does not exist', async () => {
    const ref = { ...(await vmRef(h, 'vm001', 'rg-prod')), name: 'vm999' };
    await expect(h.port.getVm(ref)).rejects.toMatchObject({
      code: 'ResourceNotFound',
      statusCode: 404,
      operation: 'virtualMachines.get',
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
  });

  it('sends the bearer token on every request', async () => {
    expect(h.sim.requests.every((r) => r.authorization === 'Bearer simulator-token')).toBe(true);
  });
});
