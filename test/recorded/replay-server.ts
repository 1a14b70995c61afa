/**
 * A tiny HTTPS server that answers with REAL recorded Azure responses (test/recorded/fixtures/*.json, see README.md).
 *
 * Matching, per request:
 * - method, case-insensitively;
 * - URL path, case-insensitively, after percent-decoding (`%3B` and `;` are the same) and without a trailing slash;
 *   the host is never compared;
 * - the subscription segment (`/subscriptions/{id}/`) is a wildcard unless `strictSubscription` is set, because the
 *   recordings come from different subscriptions (00000000-…, 38304e13-…, even the literal `azure_subscription_id`)
 *   while a test creates its port with one subscription id;
 * - the query string is ignored (always `api-version`), unless `matchQuery` names parameters to compare (or is `true`
 *   for all of them); values are compared after decoding, so `%20`, `+` and `%27` spellings are the same.
 *
 * When several fixtures match, they are served in the order given, the last one repeating (InProgress, then Succeeded).
 * `https://management.azure.com` at the start of a Location / Azure-AsyncOperation header becomes this server's URL.
 * Anything unmatched gets 404 `{error:{code:'NoRecordedInteraction',message}}`. Every request is recorded.
 */
import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { loopbackCert } from '../../src/simulator/tls';

export interface FixtureSource {
  repo: string;
  path: string;
  commit: string;
  licence: string;
  interaction: string;
  /** Date of the recorded response (UTC), YYYY-MM-DD. */
  recorded?: string;
  note?: string;
}

export interface Fixture {
  source: FixtureSource;
  request: { method: string; url: string; body?: unknown };
  response: { status: number; headers: Record<string, string>; body?: unknown };
  /** File name without `.json`, set by loadFixture (not stored in the file). */
  name?: string;
}

export interface SeenRequest {
  method: string;
  /** Path as received (not decoded), without the query. */
  path: string;
  query: Record<string, string>;
  /** Parsed JSON when the body is JSON, else the raw text; undefined when empty. */
  body?: unknown;
  /** Name (or request URL) of the fixture that answered; undefined for a 404 NoRecordedInteraction. */
  fixture?: string;
}

export interface ReplayOptions {
  /** Query parameters (besides api-version) that must match too: `true` for all of them, or a list of names. */
  matchQuery?: boolean | string[];
  /** Compare the subscription id in the path as well (default: any subscription matches). */
  strictSubscription?: boolean;
}

export interface Replay {
  /** Base URL, e.g. https://127.0.0.1:54321 — pass as the port's `endpoint`. */
  url: string;
  /** PEM of the server certificate — pass as the port's `tlsCa`. */
  ca: string;
  requests: SeenRequest[];
  close(): Promise<void>;
}

export const FIXTURE_DIR = path.join(__dirname, 'fixtures');
const ARM = /^https:\/\/management\.azure\.com/i;
const REWRITTEN = new Set(['location', 'azure-asyncoperation']);

/** Reads test/recorded/fixtures/{name}.json (the `.json` is optional). */
export function loadFixture(name: string): Fixture {
  const base = name.replace(/\.json$/i, '');
  const fixture = JSON.parse(fs.readFileSync(path.join(FIXTURE_DIR, `${base}.json`), 'utf8')) as Fixture;
  return { ...fixture, name: base };
}

/** Every fixture name in the folder, sorted. */
export function fixtureNames(): string[] {
  return fs
    .readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function normalPath(rawPath: string, strictSubscription: boolean): string {
  let p = safeDecode(rawPath).toLowerCase().replace(/\/+$/, '');
  if (!strictSubscription) p = p.replace(/^\/subscriptions\/[^/]+/, '/subscriptions/*');
  return p;
}

function queryOf(search: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(search)) out[k] = v;
  return out;
}

function splitUrl(url: string): { path: string; search: string } {
  const u = new URL(url, 'https://recorded.invalid');
  return { path: u.pathname, search: u.search };
}

interface Entry {
  fixture: Fixture;
  method: string;
  path: string;
  query: Record<string, string>;
}

function queryMatches(
  want: Record<string, string>,
  got: Record<string, string>,
  match: ReplayOptions['matchQuery'],
): boolean {
  if (!match) return true;
  const lower = (q: Record<string, string>) =>
    Object.fromEntries(Object.entries(q).map(([k, v]) => [k.toLowerCase(), v]));
  const w = lower(want);
  const g = lower(got);
  delete w['api-version'];
  delete g['api-version'];
  const keys =
    match === true ? [...new Set([...Object.keys(w), ...Object.keys(g)])] : match.map((k) => k.toLowerCase());
  return keys.every((k) => (w[k] ?? '').toLowerCase() === (g[k] ?? '').toLowerCase());
}

function parseBody(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Serves `fixtures` (objects from loadFixture, or fixture names) on https://127.0.0.1:{random port}. */
export async function startReplay(fixtures: Array<Fixture | string>, options: ReplayOptions = {}): Promise<Replay> {
  const strict = options.strictSubscription ?? false;
  const entries: Entry[] = fixtures.map((f) => {
    const fixture = typeof f === 'string' ? loadFixture(f) : f;
    const { path: p, search } = splitUrl(fixture.request.url);
    return {
      fixture,
      method: fixture.request.method.toUpperCase(),
      path: normalPath(p, strict),
      query: queryOf(search),
    };
  });
  const served = new Map<Entry, number>();
  const requests: SeenRequest[] = [];
  const { key, cert } = loopbackCert();
  let base = '';

  const server = https.createServer({ key, cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const { path: rawPath, search } = splitUrl(req.url ?? '/');
      const method = (req.method ?? 'GET').toUpperCase();
      const query = queryOf(search);
      const seen: SeenRequest = { method, path: rawPath, query };
      const body = parseBody(Buffer.concat(chunks).toString('utf8'));
      if (body !== undefined) seen.body = body;
      requests.push(seen);

      const wanted = normalPath(rawPath, strict);
      const candidates = entries.filter(
        (e) => e.method === method && e.path === wanted && queryMatches(e.query, query, options.matchQuery),
      );
      const entry = candidates.find((e) => !served.has(e)) ?? candidates[candidates.length - 1];
      if (!entry) {
        const text = JSON.stringify({
          error: {
            code: 'NoRecordedInteraction',
            message: `No recorded interaction for ${method} ${rawPath}${search}`,
          },
        });
        res.writeHead(404, {
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(text),
        });
        res.end(text);
        return;
      }
      served.set(entry, (served.get(entry) ?? 0) + 1);
      seen.fixture = entry.fixture.name ?? entry.fixture.request.url;

      const headers: Record<string, string | number> = {};
      for (const [k, v] of Object.entries(entry.fixture.response.headers ?? {})) {
        headers[k] = REWRITTEN.has(k.toLowerCase()) ? v.replace(ARM, base) : v;
      }
      const { status, body: responseBody } = entry.fixture.response;
      if (responseBody === undefined || status === 204) {
        res.writeHead(status, { ...headers, 'content-length': 0 });
        res.end();
        return;
      }
      const text = JSON.stringify(responseBody);
      res.writeHead(status, {
        ...headers,
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(text),
      });
      res.end(text);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: base,
    ca: cert,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
