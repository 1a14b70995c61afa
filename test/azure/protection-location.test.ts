/** getProtection remembers where a VM is protected, so a repeated status costs one read — and never goes stale. */
import { useHarness } from './sim-harness';

const h = useHarness();

const since = () => h.sim.requests.length;

it('reads backupStatus once, then only the protected item, until five minutes have passed', async () => {
  const [vm] = await h.port.findVms('vm001');
  await h.port.getProtection(vm);
  const before = since();
  const again = await h.port.getProtection(vm);
  expect(again?.policyName).toBe('DefaultPolicy');
  const paths = h.sim.requests.slice(before).map((r) => `${r.method} ${r.path}`);
  expect(paths).toHaveLength(1);
  expect(paths[0]).toMatch(/^GET .*protectedItems\/vm;iaasvmcontainerv2;rg-prod;vm001$/);
  h.clock.advance(5 * 60_000 + 1);
  const later = since();
  await h.port.getProtection(vm);
  expect(h.sim.requests.slice(later).some((r) => r.path.endsWith('/backupStatus'))).toBe(true);
});

it('an item that disappeared sends it back to backupStatus instead of answering from memory', async () => {
  const [vm] = await h.port.findVms('vm005');
  await h.port.getProtection(vm);
  h.sim.faults.add({
    method: 'GET',
    path: /protectedItems\/vm;iaasvmcontainerv2;rg-dev;vm005$/i,
    status: 404,
    errorCode: 'BMSUserErrorObjectNotFound',
    times: 1,
  });
  const before = since();
  const found = await h.port.getProtection(vm);
  expect(found?.policyName).toBe('GoldPolicy');
  expect(h.sim.requests.slice(before).some((r) => r.path.endsWith('/backupStatus'))).toBe(true);
});
