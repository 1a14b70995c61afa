/**
 * A fake Bot Connector for the bench, on 127.0.0.1, that enforces Teams' per-bot, per-conversation limits
 * (AZURE-FACTS: 7 writes / 1 s, 8 / 2 s, 60 / 30 s, 1800 / hour) by answering 429 + Retry-After, the way Teams does.
 * It keeps its own account of the windows (it does not reuse the bot's limiter, which it is there to check), counts
 * every write per conversation and per activity, and notes when each arrived. Time comes from `now`, so a bench that
 * drives the bot with a manual clock judges the limits on that clock.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export const TEAMS_LIMITS = [
  { count: 7, windowMs: 1_000 },
  { count: 8, windowMs: 2_000 },
  { count: 60, windowMs: 30_000 },
  { count: 1800, windowMs: 3_600_000 },
] as const;

export interface Write {
  kind: 'send' | 'update';
  conversationId: string;
  activityId: string;
  /** The activity as JSON text (cards included), to attribute writes to jobs by what they show. */
  body: string;
  /** Connector clock (`now`) and wall clock (performance.now) when it was accepted. */
  at: number;
  wallMs: number;
}

export interface BenchConnector {
  url: string;
  writes: Write[];
  /** Writes answered with 429, per conversation. */
  throttled: Map<string, number>;
  throttledTotal(): number;
  /** From now on, answer every write 403 (which nobody retries): lets a bench that gave up drain at once. */
  refuse(): void;
  close(): Promise<void>;
}

/** How long until one more write to a conversation with these accepted write times is within every limit (0 = now). */
export function retryAfterMs(times: number[], now: number): number {
  let wait = 0;
  for (const { count, windowMs } of TEAMS_LIMITS) {
    const inWindow = times.filter((t) => t > now - windowMs);
    if (inWindow.length >= count) wait = Math.max(wait, inWindow[inWindow.length - count] + windowMs - now);
  }
  return wait;
}

export async function startBenchConnector(options: { now?: () => number } = {}): Promise<BenchConnector> {
  const now = options.now ?? (() => Date.now());
  const writes: Write[] = [];
  const accepted = new Map<string, number[]>();
  const throttled = new Map<string, number>();
  let next = 1;
  let refusing = false;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      res.setHeader('content-type', 'application/json');
      const member = /^\/v3\/conversations\/[^/]+\/members\/([^/]+)$/.exec(path);
      if (member && req.method === 'GET') {
        const id = decodeURIComponent(member[1]);
        res.end(JSON.stringify({ id: `29:${id}`, aadObjectId: id, name: `User ${id.slice(0, 8)}` }));
        return;
      }
      const m = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(path);
      if (!m || !['POST', 'PUT'].includes(req.method ?? '')) {
        res.statusCode = 404;
        res.end('{}');
        return;
      }
      if (refusing) {
        res.statusCode = 403;
        res.end(JSON.stringify({ error: { code: 'BotDisabledByAdmin', message: 'The bench stopped.' } }));
        return;
      }
      const conversationId = decodeURIComponent(m[1]);
      const t = now();
      const times = (accepted.get(conversationId) ?? []).filter((x) => x > t - 3_600_000);
      accepted.set(conversationId, times);
      const wait = retryAfterMs(times, t);
      if (wait > 0) {
        throttled.set(conversationId, (throttled.get(conversationId) ?? 0) + 1);
        res.statusCode = 429;
        res.setHeader('retry-after', String(Math.ceil(wait / 1000)));
        res.end(
          JSON.stringify({ error: { code: 'TooManyRequests', message: 'Too many requests in this conversation.' } }),
        );
        return;
      }
      times.push(t);
      const isUpdate = req.method === 'PUT';
      const activityId = isUpdate ? decodeURIComponent(m[2]) : `a${next++}`;
      writes.push({
        kind: isUpdate ? 'update' : 'send',
        conversationId,
        activityId,
        body: Buffer.concat(chunks).toString(),
        at: t,
        wallMs: performance.now(),
      });
      res.end(JSON.stringify({ id: activityId }));
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    writes,
    throttled,
    throttledTotal: () => [...throttled.values()].reduce((a, b) => a + b, 0),
    refuse: () => void (refusing = true),
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
