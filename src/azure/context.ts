/** What every group of port methods shares: the SDK clients and the injected clock, sleep and limits. */
import type { Clock } from '../clock';
import type { AzureClients } from './clients';

export interface PortContext {
  clients: AzureClients;
  subscriptionId: string;
  clock: Clock;
  /** Clock-free wait between operation polls (tests inject an instant one). */
  sleep: (ms: number) => Promise<void>;
  /** Upper bound on polls of one async operation. */
  maxPolls: number;
  /** Wait between polls when Azure sends no Retry-After. */
  defaultPollMs: number;
  backupManagementObjectId?: string;
}

/** Collects an SDK paged iterator. */
export async function all<T>(iter: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iter) out.push(item);
  return out;
}
