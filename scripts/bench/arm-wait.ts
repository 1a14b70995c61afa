/**
 * Diagnostics for turn latency, in the bot's process: how long each turn waited on ARM over HTTP. Turns are told
 * apart by the `x-bench-turn` header the bench sends; from CloudAdapter.process on, the turn's async context
 * (AsyncLocalStorage) follows its work into the Azure SDK, where each `https.request` is timed from the call until
 * its response has been read. The waits of one turn are merged (calls in parallel count once). Tracing costs a
 * little CPU, so the judged runs go without it and a separate bot process is traced.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import http from 'node:http';
import https from 'node:https';
import { CloudAdapter } from 'botbuilder';

interface Turn {
  id: string;
  spans: [number, number][];
}

const current = new AsyncLocalStorage<Turn>();
const finished = new Map<string, { armWaitMs: number; armCalls: number }>();

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

export function traceArmWaits(): { take(): Record<string, { armWaitMs: number; armCalls: number }> } {
  // Wrapped where the turn starts after restify has read the body: listeners of the request's own events would run
  // outside the turn's async context.
  type Process = (this: CloudAdapter, req: http.IncomingMessage, res: http.ServerResponse, logic: unknown) => Promise<void>;
  const original = CloudAdapter.prototype.process as unknown as Process;
  CloudAdapter.prototype.process = function (this: CloudAdapter, req: http.IncomingMessage, res: http.ServerResponse, logic: unknown) {
    const id = req.headers['x-bench-turn'];
    if (typeof id !== 'string') return original.call(this, req, res, logic);
    const turn: Turn = { id, spans: [] };
    res.once('finish', () => finished.set(id, { armWaitMs: union(turn.spans), armCalls: turn.spans.length }));
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
  } as typeof https.request;
  return {
    take() {
      const out = Object.fromEntries(finished);
      finished.clear();
      return out;
    },
  };
}
