/**
 * An embedded Azure simulator that speaks the ARM REST API over HTTPS on 127.0.0.1, so the real SDK port is
 * exercised end to end. Start it, point `createAzurePort({ endpoint: sim.url, tlsCa: sim.ca, ... })` at it.
 */
import { systemClock } from '../clock';
import { seedDemoEstate } from './estate/seed';
import { Faults } from './faults';
import { Router } from './router';
import { routes } from './routes';
import { listen } from './server';
import {
  AZURE_RETRY_AFTER_SECONDS,
  DEMO_TIMINGS,
  type RecordedRequest,
  type Simulator,
  type SimulatorOptions,
} from './types';

export type { Estate } from './estate/model';
export * from './constants';
export { DEMO_TIMINGS } from './types';
export type { FaultRule, RecordedRequest, Simulator, SimulatorOptions, SimTimings } from './types';

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const clock = options.clock ?? systemClock;
  const estate = seedDemoEstate(clock.now());
  const requests: RecordedRequest[] = [];
  const faults = new Faults();
  const server = await listen(
    {
      router: new Router(routes),
      estate,
      clock,
      timings: { ...DEMO_TIMINGS, ...options.timings },
      retryAfterSeconds: options.retryAfterSeconds ?? AZURE_RETRY_AFTER_SECONDS,
      jobPageSize: options.jobPageSize ?? 1000,
      listPageSize: options.listPageSize ?? 1000,
      requests,
      faults,
    },
    options.port ?? 0,
  );
  return {
    url: server.url,
    ca: server.ca,
    subscriptionId: estate.subscriptionId,
    requests,
    faults: { add: (rule) => faults.add(rule), clear: () => faults.clear() },
    estate,
    close: () => server.close(),
  };
}
