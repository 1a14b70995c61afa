/**
 * The HTTPS transport: parse, record, settle jobs, inject faults, check the bearer token, route, and answer in ARM's
 * shape with an `x-ms-request-id` on every response. No business rules live here.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { ArmError, type ArmResponse, errorBody } from './arm';
import type { Estate } from './estate/model';
import { delay, Faults } from './faults';
import { settle } from './jobs/progress';
import { normalisePath, type Router, safeDecode } from './router';
import { loopbackCert } from './tls';
import type { RecordedRequest, SimTimings } from './types';
import type { Clock } from '../clock';

export interface ServerDeps {
  router: Router;
  estate: Estate;
  clock: Clock;
  timings: SimTimings;
  retryAfterSeconds: number;
  jobPageSize: number;
  listPageSize: number;
  requests: RecordedRequest[];
  faults: Faults;
}

export interface RunningServer {
  url: string;
  ca: string;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, answer: ArmResponse): void {
  const headers: Record<string, string> = {
    'x-ms-request-id': randomUUID(),
    'x-ms-correlation-request-id': randomUUID(),
    ...answer.headers,
  };
  // Not `writeHead(...).end()`: restify, loaded in the same process as the embedded simulator, patches
  // ServerResponse.writeHead to return undefined.
  if (answer.body === undefined) {
    res.writeHead(answer.status, { ...headers, 'content-length': '0' });
    res.end();
    return;
  }
  const text = JSON.stringify(answer.body);
  res.writeHead(answer.status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text).toString(),
  });
  res.end(text);
}

function armError(status: number, code: string, message: string, headers: Record<string, string> = {}): ArmResponse {
  return { status, body: errorBody(code, message), headers };
}

async function handle(deps: ServerDeps, baseUrl: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  // Not `new URL(req.url, base)`: a request target starting with `//` would be read as a host.
  const target = req.url ?? '/';
  const q = target.indexOf('?');
  const rawPath = normalisePath(q >= 0 ? target.slice(0, q) : target);
  const path = safeDecode(rawPath);
  const query = Object.fromEntries(new URLSearchParams(q >= 0 ? target.slice(q + 1) : '').entries());
  const text = await readBody(req);
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = text;
  }
  const now = deps.clock.now();
  deps.requests.push({
    method: req.method ?? 'GET',
    path,
    query,
    body,
    authorization: req.headers.authorization,
    at: now,
  });
  settle(deps.estate, now, deps.timings);

  const fault = deps.faults.take(req.method ?? 'GET', path);
  if (fault?.latencyMs) await delay(fault.latencyMs);
  if (fault?.drop) {
    req.socket.destroy();
    return;
  }
  if (fault?.status) {
    const headers: Record<string, string> =
      fault.retryAfterSeconds !== undefined ? { 'retry-after': String(fault.retryAfterSeconds) } : {};
    return send(
      res,
      armError(
        fault.status,
        fault.errorCode ?? `Http${fault.status}`,
        `Injected fault ${fault.status} for ${req.method} ${path}.`,
        headers,
      ),
    );
  }
  if (!/^Bearer\s+\S+/i.test(req.headers.authorization ?? '')) {
    return send(
      res,
      armError(401, 'AuthenticationFailed', "Authentication failed. The 'Authorization' header is missing."),
    );
  }
  if (typeof body === 'string')
    return send(
      res,
      armError(400, 'InvalidRequestContent', 'The request content was invalid and could not be deserialized.'),
    );
  if (!query['api-version']) {
    return send(
      res,
      armError(
        400,
        'MissingApiVersionParameter',
        'The api-version query parameter (?api-version=) is required for all requests.',
      ),
    );
  }
  const match = deps.router.match(req.method ?? 'GET', rawPath);
  if (!match)
    return send(res, armError(404, 'InvalidResourceType', `The simulator has no route for ${req.method} ${path}.`));
  const answer = await match.handler({
    params: match.params,
    query,
    body,
    estate: deps.estate,
    now,
    clock: deps.clock,
    timings: deps.timings,
    baseUrl,
    retryAfterSeconds: deps.retryAfterSeconds,
    jobPageSize: deps.jobPageSize,
    listPageSize: deps.listPageSize,
  });
  send(res, answer);
}

export function listen(deps: ServerDeps, port: number): Promise<RunningServer> {
  const { key, cert } = loopbackCert();
  let baseUrl = '';
  const server = https.createServer({ key, cert }, (req, res) => {
    handle(deps, baseUrl, req, res).catch((e: unknown) => {
      if (res.headersSent || res.destroyed) return;
      if (e instanceof ArmError) send(res, armError(e.status, e.code, e.message, e.headers));
      else send(res, armError(500, 'InternalServerError', `The simulator failed to process the request: ${String(e)}`));
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      baseUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
      resolve({
        url: baseUrl,
        ca: cert,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
