/**
 * Composition root: config → state store → Azure port (real Azure, or the embedded simulator) → dispatcher → Teams
 * edge → HTTP server. `index.ts` calls this once; tests call it with their own clock, simulator or auth settings.
 */
import { createActions } from './actions';
import { createAzurePort, simulatorCredential } from './azure/sdk-port';
import type { AzurePort } from './azure/port';
import { withVmIndex } from './azure/vm-index';
import { createDispatcher, type Dispatcher } from './core/dispatch';
import type { Services } from './core/types';
import { systemClock, type Clock } from './clock';
import { commands } from './commands';
import { events } from './events';
import type { Config } from './config';
import { restoreNextSteps } from './rules/restore-next-steps';
import { undeleteNextSteps } from './rules/undelete-next-steps';
import { createOrphanAdopter } from './jobs/orphans';
import { createJobTracker, type JobTracker } from './jobs/tracker';
import { createKeyHoldWatch } from './migration/key-hold-watch';
import { createPlanObserver } from './migration/plan-observer';
import { createWatcher } from './watch/watcher';
import { connectionStringSecrets, createLogger, maskSecretValues, type Logger } from './log';
import { createServer } from './teams/server';
import { DEMO_TIMINGS, type Simulator, type SimTimings } from './simulator/types';
import { openStore } from './state/open-store';
import type { StateStore } from './state/store';
import { createAdapter, type AuthOverrides } from './teams/adapter';
import { BackupBot } from './teams/activity-handler';
import { createMessenger } from './teams/messenger';

export interface AppOptions {
  config: Readonly<Config>;
  log?: Logger;
  clock?: Clock;
  /** Use this running simulator (tests) instead of starting one; ignored when AZURE_SUBSCRIPTION_ID is set. */
  simulator?: Simulator;
  store?: StateStore;
  host?: string;
  authOverrides?: AuthOverrides;
  /** Poll jobs on a timer (default); tests turn it off and call `services.jobs.tick()` themselves. */
  autoPoll?: boolean;
  /**
   * Azure SDK timing: tests shorten the retry back-off (the count and behaviour stay the SDK's), and, where they drop
   * connections, each try's timeout: the SDK's HTTP runtime (the last version for Node 20) leaves that timer running
   * when a connection drops, which keeps a test process alive for a minute.
   */
  azureTiming?: { retryDelayInMs?: number; maxRetryDelayInMs?: number; tryTimeoutMs?: number };
  /** How the messenger waits (tests make it instant). */
  sleep?: (ms: number) => Promise<void>;
}

export interface App {
  url: string;
  services: Services;
  dispatcher: Dispatcher;
  simulator?: Simulator;
  /** Resolves when no background work (card-click follow-ups) is running. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** The demo's job timings, stretched or shrunk so a backup (snapshot + transfer) takes `seconds`. */
function simulatorTimings(seconds: number): SimTimings {
  const factor = (seconds * 1000) / (DEMO_TIMINGS.snapshotMs + DEMO_TIMINGS.transferMs);
  const scaled = Object.entries(DEMO_TIMINGS).map(([phase, ms]) => [phase, Math.round(ms * factor)]);
  return Object.fromEntries(scaled) as SimTimings;
}

async function azureFor(
  config: Readonly<Config>,
  log: Logger,
  clock: Clock,
  given?: Simulator,
  timing?: AppOptions['azureTiming'],
) {
  const { tryTimeoutMs: requestTimeoutMs, ...delays } = timing ?? {};
  const retry = Object.keys(delays).length ? delays : undefined;
  if (config.subscriptionId) {
    log.info('using Azure', { subscriptionId: config.subscriptionId, endpoint: config.armEndpoint });
    const { DefaultAzureCredential } = await import('@azure/identity');
    const azure = withVmIndex(
      createAzurePort({
        subscriptionId: config.subscriptionId,
        endpoint: config.armEndpoint,
        credential: new DefaultAzureCredential(),
        clock,
        retry,
        requestTimeoutMs,
      }),
      clock,
    );
    return { azure, config, simulator: undefined, ownSimulator: false };
  }
  // Loaded only here: with real Azure (or a simulator in another process), none of its code is in the process.
  const { startSimulator, SIM_BACKUP_MANAGEMENT_OBJECT_ID, SIM_RECOVERY_VAULT_IDS } = await import('./simulator');
  const simulator =
    given ??
    (await startSimulator({ port: config.simulatorPort, timings: simulatorTimings(config.simulatorJobSeconds) }));
  log.info('AZURE_SUBSCRIPTION_ID is not set: using the embedded Azure simulator (nothing touches real Azure)', {
    simulator: simulator.url,
  });
  const azure: AzurePort = withVmIndex(
    createAzurePort({
      subscriptionId: simulator.subscriptionId,
      endpoint: simulator.url,
      credential: simulatorCredential,
      tlsCa: simulator.ca,
      clock,
      retry,
      requestTimeoutMs,
    }),
    clock,
  );
  const simulated: Readonly<Config> = Object.freeze({
    ...config,
    recoveryVaultIds: config.recoveryVaultIds.length ? config.recoveryVaultIds : SIM_RECOVERY_VAULT_IDS,
    backupManagementObjectId: config.backupManagementObjectId ?? SIM_BACKUP_MANAGEMENT_OBJECT_ID,
  });
  return { azure, config: simulated, simulator, ownSimulator: !given };
}

export async function startApp(options: AppOptions): Promise<App> {
  const log = options.log ?? createLogger();
  maskSecretValues([
    options.config.bot.appPassword,
    ...connectionStringSecrets(options.config.stateBlobConnectionString),
  ]);
  const clock = options.clock ?? systemClock;
  const store = options.store ?? (await openStore(options.config, log));
  const { azure, config, simulator, ownSimulator } = await azureFor(
    options.config,
    log,
    clock,
    options.simulator,
    options.azureTiming,
  );
  const adapter = createAdapter(config, log, options.authOverrides);
  const messenger = createMessenger({ adapter, appId: config.bot.appId, store, clock, log, sleep: options.sleep });
  const jobs: JobTracker = createJobTracker({
    azure,
    store,
    poster: messenger,
    clock,
    log,
    intervalMs: config.jobPollIntervalMs,
    nextSteps: (job) => [...restoreNextSteps(job), ...undeleteNextSteps(job)],
    observers: [
      createWatcher({ azure, store, poster: messenger, clock, log, config }),
      createOrphanAdopter({ store, poster: messenger, clock, log, tracker: () => jobs }),
      createPlanObserver({ store, poster: messenger, log, clock }),
      createKeyHoldWatch({ azure, store, poster: messenger, clock, log }),
    ],
    instanceId: config.instanceId,
  });
  const services: Services = { config, azure, store, clock, log, jobs, simulated: !!simulator };
  const pending = new Set<Promise<void>>();
  const track = (work: Promise<void>) => {
    pending.add(work);
    void work.finally(() => pending.delete(work));
  };
  const actions = createActions(() => dispatcher);
  const dispatcher = createDispatcher(
    () => commands,
    () => actions,
    events,
  );
  const bot = new BackupBot({ services, dispatcher, messenger, track });

  let ready = false;
  const server = createServer(
    adapter,
    (context) => bot.run(context),
    () => ready,
  );
  await new Promise<void>((resolve) => {
    server.listen(config.port, options.host ?? '0.0.0.0', resolve);
  });
  ready = true;
  if (options.autoPoll !== false) jobs.start();
  const port = server.address().port;
  log.info('bot listening', { port, endpoint: '/api/messages', simulated: !!simulator });

  const idle = async () => {
    while (pending.size) await Promise.allSettled([...pending]);
  };
  return {
    url: `http://127.0.0.1:${port}`,
    services,
    dispatcher,
    simulator,
    idle,
    async close() {
      ready = false;
      server.close();
      await idle();
      await jobs.stop();
      if (ownSimulator) await simulator?.close();
      if (!options.store) await store.close();
    },
  };
}
