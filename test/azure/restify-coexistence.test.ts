/**
 * The embedded simulator shares a process with the bot, whose restify patches http.ServerResponse (its writeHead
 * returns undefined). 202 and 204 answers must still complete there.
 */
import 'restify';
import { SIM_RECOVERY_VAULT_IDS } from '../../src/simulator';
import { useHarness, vmRef } from './sim-harness';

const h = useHarness();

it('backup now (202 + operation status) and discovery (202 then 204) complete with restify loaded', async () => {
  const vm = await vmRef(h, 'vm001', 'rg-prod');
  const protection = await h.port.getProtection(vm);
  if (!protection) throw new Error('vm001 should be protected');
  await expect(h.port.triggerBackup(protection, vm, new Date(h.clock.now() + 86_400_000))).resolves.toMatchObject({
    jobId: expect.any(String),
  });
  await expect(
    h.port.enableProtection(
      await vmRef(h, 'vm004', 'rg-dev'),
      SIM_RECOVERY_VAULT_IDS[0],
      `${SIM_RECOVERY_VAULT_IDS[0]}/backupPolicies/DefaultPolicy`,
    ),
  ).resolves.toMatchObject({
    jobId: expect.any(String),
  });
});
