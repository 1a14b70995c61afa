/**
 * Azure-edge harness: a simulator on 127.0.0.1:0 with a ManualClock, and the real SDK port pointed at it over HTTPS.
 * Sleeps are instant and SDK retries fast, so the whole tier runs in seconds.
 */
import https from 'node:https';
import { createAzurePort, simulatorCredential, type AzurePortOptions } from '../../src/azure/sdk-port';
import type { AzurePort, VmRef } from '../../src/azure/port';
import { ManualClock } from '../../src/clock';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../src/simulator';

export interface Harness {
  sim: Simulator;
  port: AzurePort;
  clock: ManualClock;
  sleeps: number[];
}

export const TIMINGS = { snapshotMs: 15_000, transferMs: 30_000, restoreMs: 60_000, configureMs: 10_000 };

export async function startHarness(sim: SimulatorOptions = {}, port: Partial<AzurePortOptions> = {}): Promise<Harness> {
  const clock = new ManualClock();
  const simulator = await startSimulator({ port: 0, clock, timings: TIMINGS, retryAfterSeconds: 0, ...sim });
  const sleeps: number[] = [];
  const azure = createAzurePort({
    subscriptionId: simulator.subscriptionId,
    endpoint: simulator.url,
    credential: simulatorCredential,
    tlsCa: simulator.ca,
    clock,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    retry: { maxRetries: 3, retryDelayInMs: 5, maxRetryDelayInMs: 20 },
    requestTimeoutMs: 5_000,
    defaultPollMs: 0,
    ...port,
  });
  return { sim: simulator, port: azure, clock, sleeps };
}

/**
 * A test file's harness: started before its first test and closed after its last. The object is returned at once
 * and filled in when the harness is up, so tests use `h.port`, `h.sim`… as they are.
 */
export function useHarness(sim: SimulatorOptions = {}, port: Partial<AzurePortOptions> = {}): Harness {
  const h = {} as Harness;
  beforeAll(async () => {
    Object.assign(h, await startHarness(sim, port));
  });
  afterAll(() => h.sim?.close());
  return h;
}

/** The single VM named `name` in `resourceGroup`. */
export async function vmRef(h: Harness, name: string, resourceGroup: string): Promise<VmRef> {
  const [vm] = await h.port.findVms(name, resourceGroup);
  if (!vm) throw new Error(`no VM ${resourceGroup}/${name} in the simulator`);
  return vm;
}

/** The requests the simulator saw whose path matches, in order. */
export function seen(h: Harness, method: string, path: RegExp) {
  return h.sim.requests.filter((r) => r.method === method && path.test(r.path));
}

/** A raw HTTPS call to the simulator, for protocol details the SDK hides (missing token, missing api-version, `//`). */
export async function fetchSim(
  harness: Harness,
  method: string,
  path: string,
  options: { body?: unknown; auth?: boolean; apiVersion?: string | null } = {},
): Promise<{ status: number; json: unknown; headers: Record<string, unknown> }> {
  const apiVersion = options.apiVersion === undefined ? '2022-04-01' : options.apiVersion;
  const query = apiVersion === null ? '' : `${path.includes('?') ? '&' : '?'}api-version=${apiVersion}`;
  const headers = {
    'content-type': 'application/json',
    ...(options.auth === false ? {} : { authorization: 'Bearer t' }),
  };
  return new Promise((resolve, reject) => {
    const req = https.request(`${harness.sim.url}${path}${query}`, { method, ca: harness.sim.ca, headers }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : undefined, headers: res.headers }),
      );
    });
    req.on('error', reject);
    req.end(options.body === undefined ? undefined : JSON.stringify(options.body));
  });
}
