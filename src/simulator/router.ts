/**
 * A small ordered route table. Templates read like the SDKs' operation paths; `{name}` matches one segment and
 * `{*name}` matches any number (used for ARM scopes). Matching is case-insensitive, as ARM is.
 */
import type { ArmResponse } from './arm';
import type { Estate } from './estate/model';
import type { SimTimings } from './types';
import type { Clock } from '../clock';

export interface RouteContext {
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  estate: Estate;
  now: number;
  clock: Clock;
  timings: SimTimings;
  /** Base URL of this simulator, for `Location` / `Azure-AsyncOperation` headers. */
  baseUrl: string;
  retryAfterSeconds: number;
  /** Jobs per page of a job list. */
  jobPageSize: number;
  /** Items per page of the subscription-wide VM and disk lists. */
  listPageSize: number;
}

export type RouteHandler = (ctx: RouteContext) => ArmResponse | Promise<ArmResponse>;

export interface Route {
  method: string;
  template: string;
  handler: RouteHandler;
}

interface CompiledRoute extends Route {
  regex: RegExp;
  names: string[];
}

export function route(method: string, template: string, handler: RouteHandler): Route {
  return { method, template, handler };
}

function compile(r: Route): CompiledRoute {
  const names: string[] = [];
  const pattern = r.template
    .split('/')
    .map((segment) => {
      const greedy = /^\{\*(\w+)\}$/.exec(segment);
      if (greedy) {
        names.push(greedy[1]);
        return '(.*?)';
      }
      const param = /^\{(\w+)\}$/.exec(segment);
      if (param) {
        names.push(param[1]);
        return '([^/]+)';
      }
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { ...r, names, regex: new RegExp(`^${pattern}/?$`, 'i') };
}

export class Router {
  private readonly routes: CompiledRoute[];

  constructor(routes: Route[]) {
    this.routes = routes.map(compile);
  }

  /** The first route matching method and raw path; params are URL-decoded. */
  match(method: string, rawPath: string): { handler: RouteHandler; params: Record<string, string> } | undefined {
    for (const r of this.routes) {
      if (r.method !== method.toUpperCase()) continue;
      const m = r.regex.exec(rawPath);
      if (!m) continue;
      const params: Record<string, string> = {};
      r.names.forEach((name, i) => {
        params[name] = safeDecode(m[i + 1] ?? '');
      });
      return { handler: r.handler, params };
    }
    return undefined;
  }
}

export function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Collapses `//` (the authorization SDK sends `PUT //subscriptions/...` when a scope starts with `/`). */
export function normalisePath(rawPath: string): string {
  return rawPath.replace(/\/{2,}/g, '/');
}
