/**
 * Public types of the embedded Azure simulator. Other parts of the project (conversation tests, the demo launcher)
 * code against these, so they change only by adding fields.
 */
import type { Clock } from '../clock';
import type { Estate } from './estate/model';

export interface SimulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Job progress is computed from this clock on every read; a paused clock means a frozen job. */
  clock?: Clock;
  timings?: Partial<SimTimings>;
  /**
   * Value of `Retry-After` on 202 answers (seconds). Default 60, as Azure Backup sends it (TriggerBackup_Post.json and
   * azure-cli's recordings); tests pass 0 so they never wait.
   */
  retryAfterSeconds?: number;
  /** Jobs per page of a vault's job list (default 1,000; Azure does not document its page size). */
  jobPageSize?: number;
  /**
   * Items per page of the subscription-wide VM and disk lists (default 1,000; Azure does not document these either).
   */
  listPageSize?: number;
}

/** How long each simulated phase lasts, in clock milliseconds. */
export interface SimTimings {
  snapshotMs: number;
  transferMs: number;
  restoreMs: number;
  configureMs: number;
}

/** Azure Backup's `Retry-After` on its 202 answers, in seconds. */
export const AZURE_RETRY_AFTER_SECONDS = 60;

export const DEMO_TIMINGS: SimTimings = { snapshotMs: 15000, transferMs: 30000, restoreMs: 60000, configureMs: 10000 };

/** One request as the simulator received it (after TLS), for assertions on what the SDK really sent. */
export interface RecordedRequest {
  method: string;
  /** Decoded path, without the query string. */
  path: string;
  query: Record<string, string>;
  body: unknown;
  authorization?: string;
  /** Clock time when it arrived. */
  at: number;
}

/**
 * A fault to inject: the next `times` requests matching `method` and `path` get the given status (with an ARM error
 * body using `errorCode`), are delayed by `latencyMs`, or have their socket destroyed (`drop`).
 */
export interface FaultRule {
  method?: string;
  path: RegExp;
  status?: number;
  retryAfterSeconds?: number;
  errorCode?: string;
  latencyMs?: number;
  drop?: boolean;
  /** Default 1. */
  times?: number;
}

export interface Simulator {
  /** `https://127.0.0.1:PORT` */
  url: string;
  /** PEM of the self-signed certificate clients must trust. */
  ca: string;
  subscriptionId: string;
  /** Every request, in order. */
  requests: RecordedRequest[];
  faults: { add(rule: FaultRule): void; clear(): void };
  /** The mutable world; tests may read or seed it. */
  estate: Estate;
  close(): Promise<void>;
}
