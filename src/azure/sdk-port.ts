/**
 * The Azure port, implemented only with the official SDK clients. Works against real ARM or any ARM-compatible
 * server (the embedded simulator): give it the endpoint, a credential and, for a local server, the CA to trust.
 */
import type { AccessToken, TokenCredential } from '@azure/identity';
import { systemClock, type Clock } from '../clock';
import { createClients } from './clients';
import type { PortContext } from './context';
import { accessPort } from './port-access';
import { backupPort } from './port-backup';
import { computePort } from './port-compute';
import { fleetPort } from './port-fleet';
import { jobsPort } from './port-jobs';
import { lifecyclePort } from './port-lifecycle';
import { protectionPort } from './port-protection';
import type { AzurePort } from './port';
import { assertGuid } from './validate';

export interface AzurePortOptions {
  subscriptionId: string;
  /** ARM base URL, e.g. https://management.azure.com or the simulator's URL. */
  endpoint: string;
  credential: TokenCredential;
  /** Extra CA (PEM) to trust, for a local ARM server; passed to every client as `tlsOptions.ca`. */
  tlsCa?: string;
  clock?: Clock;
  /** Backup Management Service object id; role assignments for it are sent with principalType ServicePrincipal. */
  backupManagementObjectId?: string;
  /** Wait between async-operation polls (default: a real timer). Tests inject an instant one. */
  sleep?: (ms: number) => Promise<void>;
  /** SDK retry settings (the SDK default is 3 retries with exponential back-off from 1 s). */
  retry?: { maxRetries?: number; retryDelayInMs?: number; maxRetryDelayInMs?: number };
  /** Timeout of each HTTP try, in ms (default 60 000). */
  requestTimeoutMs?: number;
  /** Most polls of one async operation before giving up (default 30). */
  maxPolls?: number;
  /** Wait between polls when Azure sends no Retry-After, in ms (default 2 000). */
  defaultPollMs?: number;
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function createAzurePort(options: AzurePortOptions): AzurePort {
  assertGuid(options.subscriptionId, 'subscription id');
  const ctx: PortContext = {
    clients: createClients({
      subscriptionId: options.subscriptionId,
      endpoint: options.endpoint,
      credential: options.credential,
      tlsCa: options.tlsCa,
      retry: options.retry,
      requestTimeoutMs: options.requestTimeoutMs ?? 60_000,
    }),
    subscriptionId: options.subscriptionId,
    clock: options.clock ?? systemClock,
    sleep: options.sleep ?? realSleep,
    maxPolls: options.maxPolls ?? 30,
    defaultPollMs: options.defaultPollMs ?? 2_000,
    backupManagementObjectId: options.backupManagementObjectId,
  };
  return {
    ...computePort(ctx),
    ...accessPort(ctx),
    ...backupPort(ctx),
    ...protectionPort(ctx),
    ...jobsPort(ctx),
    ...fleetPort(ctx),
    ...lifecyclePort(ctx),
  };
}

/** A fixed fake token, valid for an hour from each request, for the embedded simulator (which only checks presence). */
export const simulatorCredential: TokenCredential = {
  getToken: async (): Promise<AccessToken> => ({
    token: 'simulator-token',
    expiresOnTimestamp: Date.now() + 3_600_000,
  }),
};
