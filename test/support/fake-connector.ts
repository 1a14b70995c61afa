/**
 * A fake Bot Connector (the Teams service the bot posts replies to), on 127.0.0.1. It records every send and update,
 * hands out activity ids, and can answer with 429 + Retry-After to test throttling.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorWrite {
  kind: 'send' | 'update';
  conversationId: string;
  activityId: string;
  activity: any;
  at: number;
}

export interface FakeConnector {
  url: string;
  writes: ConnectorWrite[];
  /** The next `count` writes get 429 with `Retry-After: seconds`. */
  throttle(count: number, seconds?: number): void;
  /** How many writes were answered with 429 so far. */
  readonly throttled: number;
  /** Latest content of every message, by activity id (sends, then updates applied). */
  messages(conversationId?: string): Map<string, any>;
  close(): Promise<void>;
}

/** `members` is the team roster Teams would answer member look-ups from (by Entra object id). */
export async function startFakeConnector(members: { id: string; name: string }[] = []): Promise<FakeConnector> {
  const directory = new Map(members.map((m) => [m.id.toLowerCase(), m]));
  const writes: ConnectorWrite[] = [];
  let throttled = 0;
  let throttledTotal = 0;
  let retryAfter = 0;
  let next = 1;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const member = /^\/v3\/conversations\/[^/]+\/members\/([^/]+)$/.exec(url.pathname);
      if (member && req.method === 'GET') {
        const found = directory.get(decodeURIComponent(member[1]).toLowerCase());
        res.setHeader('content-type', 'application/json');
        res.statusCode = found ? 200 : 404;
        res.end(
          JSON.stringify(
            found
              ? { id: `29:${found.id}`, aadObjectId: found.id, name: found.name }
              : { error: { code: 'MemberNotFound' } },
          ),
        );
        return;
      }
      const m = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(url.pathname);
      res.setHeader('content-type', 'application/json');
      if (!m || !['POST', 'PUT'].includes(req.method ?? '')) {
        res.statusCode = 404;
        res.end('{}');
        return;
      }
      if (throttled > 0) {
        throttled--;
        throttledTotal++;
        res.statusCode = 429;
        res.setHeader('retry-after', String(retryAfter));
        res.end(JSON.stringify({ error: { code: 'TooManyRequests', message: 'throttled' } }));
        return;
      }
      const conversationId = decodeURIComponent(m[1]);
      const activity = JSON.parse(Buffer.concat(chunks).toString() || '{}');
      const isUpdate = req.method === 'PUT';
      const activityId = isUpdate ? decodeURIComponent(m[2]) : `a${next++}`;
      writes.push({ kind: isUpdate ? 'update' : 'send', conversationId, activityId, activity, at: Date.now() });
      res.end(JSON.stringify({ id: activityId }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    writes,
    get throttled() {
      return throttledTotal;
    },
    throttle(count, seconds = 0) {
      throttled = count;
      retryAfter = seconds;
    },
    messages(conversationId) {
      const map = new Map<string, any>();
      for (const w of writes)
        if (!conversationId || w.conversationId === conversationId) map.set(w.activityId, w.activity);
      return map;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
