/**
 * Turn latency with Azure taken out, in the bot's process: how long each turn spent in Azure calls, measured two
 * ways. Turns are told apart by the `x-bench-turn` header the bench sends; from CloudAdapter.process on, the turn's
 * async context (AsyncLocalStorage) follows its work.
 * - At the Azure port (`tracePort`): each call of the AzurePort the commands use, from the call until its answer —
 *   the Azure latency as the bot sees it, the official SDK's request and response handling included.
 * - On the wire: each `https.request` from the call until its response has been read — only the wait for ARM.
 * The spans of one turn are merged (calls in parallel count once). Tracing costs a little CPU, so the growth runs go
 * without it and a separate bot process is traced.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import http from 'node:http';
import https from 'node:https';
import { CloudAdapter } from 'botbuilder';

interface Turn {
  id: string;
  /** `https.request` until its response was read. */
  spans: [number, number][];
  /** AzurePort calls until they resolved. */
  calls: [number, number][];
}

export interface AzureWaits {
  /** Time in AzurePort calls (merged). */
  portWaitMs: number;
  portCalls: number;
  /** Time waiting for ARM responses on the wire (merged). */
  armWaitMs: number;
  armCalls: number;
}

const current = new AsyncLocalStorage<Turn>();
const finished = new Map<string, AzureWaits>();

function union(spans: [number, number][]): number {
  let total = 0;
  let end = -Infinity;
  for (const [s, e] of [...spans].sort((a, b) => a[0] - b[0])) {
    if (e <= end) continue;
    total += e - Math.max(s, end);
    end = e;
  }
  return total;
}

/** Times every method of the port, into the turn it runs for. */
export function tracePort<T extends object>(port: T): void {
  for (const [name, method] of Object.entries(port)) {
    if (typeof method !== 'function') continue;
    (port as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
      const turn = current.getStore();
      const started = performance.now();
      const result = (method as (...a: unknown[]) => unknown).apply(this, args);
      if (turn && result instanceof Promise)
        void result.finally(() => turn.calls.push([started, performance.now()])).catch(() => undefined);
      return result;
    };
  }
}

export function traceArmWaits(): { take(): Record<string, AzureWaits> } {
  // Wrapped where the turn starts after restify has read the body: listeners of the request's own events would run
  // outside the turn's async context.
  type Process = (
    this: CloudAdapter,
    req: http.IncomingMessage,
    res: http.ServerResponse,
    logic: unknown,
  ) => Promise<void>;
  // Kept to be called with the adapter as `this` (original.call(this, …)): unbound on purpose.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const original = CloudAdapter.prototype.process as unknown as Process;
  CloudAdapter.prototype.process = function (
    this: CloudAdapter,
    req: http.IncomingMessage,
    res: http.ServerResponse,
    logic: unknown,
  ) {
    const id = req.headers['x-bench-turn'];
    if (typeof id !== 'string') return original.call(this, req, res, logic);
    const turn: Turn = { id, spans: [], calls: [] };
    res.once('finish', () =>
      finished.set(id, {
        portWaitMs: union(turn.calls),
        portCalls: turn.calls.length,
        armWaitMs: union(turn.spans),
        armCalls: turn.spans.length,
      }),
    );
    return current.run(turn, () => original.call(this, req, res, logic));
  } as unknown as typeof CloudAdapter.prototype.process;
  const request = https.request;
  https.request = function (this: unknown, ...args: unknown[]) {
    const turn = current.getStore();
    const req = (request as (...a: unknown[]) => http.ClientRequest).apply(this, args);
    if (turn) {
      const started = performance.now();
      req.once('response', (res) => res.once('end', () => turn.spans.push([started, performance.now()])));
    }
    return req;
  };
  return {
    take() {
      const out = Object.fromEntries(finished);
      finished.clear();
      return out;
    },
  };
}
