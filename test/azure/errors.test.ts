/**
 * Failures as the bot will meet them: injected ARM errors, throttling, dropped connections, timeouts and a missing
 * token, each ending as an AzureError with the specific code (or a successful SDK retry).
 */
import { createAzurePort, simulatorCredential } from '../../src/azure/sdk-port';
import { SIM_RECOVERY_VAULT_IDS } from '../../src/simulator';
import { fetchSim, seen, useHarness, vmRef } from './sim-harness';

const [PROD] = SIM_RECOVERY_VAULT_IDS as [string];
const LIST_VMS = /\/providers\/Microsoft\.Compute\/virtualMachines$/i;

const h = useHarness();
afterEach(() => h.sim.faults.clear());

it('403 AuthorizationFailed becomes AzureError AuthorizationFailed with status and request id', async () => {
  h.sim.faults.add({ method: 'GET', path: LIST_VMS, status: 403, errorCode: 'AuthorizationFailed' });
  const error = await h.port.findVms('vm001').catch((e: unknown) => e);
  expect(error).toMatchObject({
    name: 'AzureError',
    code: 'AuthorizationFailed',
    statusCode: 403,
    operation: 'virtualMachines.list',
  });
  expect((error as { requestId?: string }).requestId).toMatch(/^[0-9a-f-]{36}$/);
});

it('429 with Retry-After: 0 once is retried by the SDK and succeeds', async () => {
  const before = seen(h, 'GET', LIST_VMS).length;
  h.sim.faults.add({ method: 'GET', path: LIST_VMS, status: 429, retryAfterSeconds: 0, errorCode: 'TooManyRequests' });
  await expect(h.port.findVms('vm001')).resolves.toHaveLength(1);
  expect(seen(h, 'GET', LIST_VMS).length - before).toBe(2);
});

it('a 429 on backup now is retried by the backup SDK too', async () => {
  const vm = await vmRef(h, 'vm006', 'rg-legacy');
  const protection = await h.port.getProtection(vm);
  if (!protection) throw new Error('vm006 should be protected');
  h.sim.faults.add({
    method: 'POST',
    path: /\/backup$/i,
    status: 429,
    retryAfterSeconds: 0,
    errorCode: 'TooManyRequests',
  });
  await expect(h.port.triggerBackup(protection, vm, new Date(h.clock.now() + 86_400_000))).resolves.toMatchObject({
    jobId: expect.any(String),
  });
  expect(seen(h, 'POST', /\/backup$/i)).toHaveLength(2);
});

it('a persistent 500 becomes AzureError with the ARM code after the SDK gives up', async () => {
  h.sim.faults.add({ method: 'GET', path: /backupJobs$/i, status: 500, errorCode: 'InternalServerError', times: 10 });
  await expect(h.port.listJobs(PROD, new Date(h.clock.now() - 3_600_000))).rejects.toMatchObject({
    code: 'InternalServerError',
    statusCode: 500,
    operation: 'backupJobs.list',
  });
});

it('an error without a body code falls back to Http<status>', async () => {
  h.sim.faults.add({ method: 'GET', path: LIST_VMS, status: 404, errorCode: '' });
  await expect(h.port.findVms('vm001')).rejects.toMatchObject({ code: 'Http404', statusCode: 404 });
});

it('a connection dropped once is retried; dropped every time it is AzureUnreachable', async () => {
  h.sim.faults.add({ method: 'GET', path: LIST_VMS, drop: true });
  await expect(h.port.findVms('vm001')).resolves.toHaveLength(1);
  h.sim.faults.add({ method: 'GET', path: LIST_VMS, drop: true, times: 10 });
  await expect(h.port.findVms('vm001')).rejects.toMatchObject({
    code: 'AzureUnreachable',
    statusCode: undefined,
    operation: 'virtualMachines.list',
  });
});

it('a server slower than the request timeout is AzureUnreachable', async () => {
  const impatient = createAzurePort({
    subscriptionId: h.sim.subscriptionId,
    endpoint: h.sim.url,
    credential: simulatorCredential,
    tlsCa: h.sim.ca,
    retry: { maxRetries: 0 },
    requestTimeoutMs: 100,
  });
  h.sim.faults.add({ method: 'GET', path: LIST_VMS, latencyMs: 500 });
  await expect(impatient.findVms('vm001')).rejects.toMatchObject({ code: 'AzureUnreachable' });
});

it('a request without a bearer token gets 401 AuthenticationFailed, with a request id', async () => {
  const res = await fetchSim(
    h,
    'GET',
    `/subscriptions/${h.sim.subscriptionId}/providers/Microsoft.Compute/virtualMachines`,
    { auth: false },
  );
  expect(res.status).toBe(401);
  expect(res.json).toEqual({
    error: { code: 'AuthenticationFailed', message: expect.stringContaining('Authorization') },
  });
  expect(res.headers['x-ms-request-id']).toMatch(/^[0-9a-f-]{36}$/);
});

it('a request without api-version gets 400 MissingApiVersionParameter; any api-version is accepted', async () => {
  const path = `/subscriptions/${h.sim.subscriptionId}/providers/Microsoft.Compute/virtualMachines`;
  await expect(fetchSim(h, 'GET', path, { apiVersion: null })).resolves.toMatchObject({
    status: 400,
    json: { error: { code: 'MissingApiVersionParameter' } },
  });
  await expect(fetchSim(h, 'GET', path, { apiVersion: '1999-01-01' })).resolves.toMatchObject({ status: 200 });
});

it('every client asks for tokens scoped to the endpoint it talks to', async () => {
  const scopes = new Set<string>();
  const spy = {
    getToken: async (scope: string | string[]) => {
      for (const s of [scope].flat()) scopes.add(s);
      return simulatorCredential.getToken(scope);
    },
  };
  const port = createAzurePort({
    subscriptionId: h.sim.subscriptionId,
    endpoint: h.sim.url,
    credential: spy,
    tlsCa: h.sim.ca,
  });
  await port.getVm(await vmRef(h, 'vm001', 'rg-prod'));
  await port.getKeyVault((await port.findKeyVaults('kv-ade-prod'))[0]?.id);
  await port.getRoleDefinition('00482a5a-887f-4fb3-b363-3b7fe8e74483');
  await port.getRecoveryVault(PROD);
  expect([...scopes]).toEqual([`${h.sim.url}/.default`]);
});
