/**
 * ARM conventions shared by every route: the error body, resource-id helpers and case-insensitive comparison.
 */

/** Thrown by a route to answer `{"error":{"code","message"}}` with `status`. */
export class ArmError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ArmError';
  }
}

export interface ArmResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export function ok(body: unknown, status = 200): ArmResponse {
  return { status, body };
}

export function errorBody(code: string, message: string): { error: { code: string; message: string } } {
  return { error: { code, message } };
}

export function sameId(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
}

/** `scope` equals `id` or is one of its ancestors (segment-wise, case-insensitive). */
export function isScopeOf(scope: string, id: string): boolean {
  const s = trimSlashes(scope).toLowerCase();
  const i = trimSlashes(id).toLowerCase();
  return s === '' || i === s || i.startsWith(`${s}/`);
}

export function trimSlashes(path: string): string {
  return path.replace(/^\/+|\/+$/g, '');
}

export function lastSegment(id: string): string {
  const parts = trimSlashes(id).split('/');
  return parts[parts.length - 1] ?? '';
}

/** The resource group named in an ARM id, if any. */
export function resourceGroupOf(id: string): string | undefined {
  const m = /\/resourceGroups\/([^/]+)/i.exec(id);
  return m?.[1];
}

export function subscriptionOf(id: string): string | undefined {
  const m = /^\/?subscriptions\/([^/]+)/i.exec(id);
  return m?.[1];
}

export function notFound(type: string, name: string, resourceGroup: string): ArmError {
  return new ArmError(
    404,
    'ResourceNotFound',
    `The Resource '${type}/${name}' under resource group '${resourceGroup}' was not found. ` +
      'For more details please go to https://aka.ms/ARMResourceNotFoundFix',
  );
}

export function badRequest(code: string, message: string): ArmError {
  return new ArmError(400, code, message);
}

export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** .NET-style `TimeSpan` ISO 8601 duration, as Backup job payloads carry it (`PT12.4272909S`). */
export function isoDuration(ms: number): string {
  const total = Math.max(0, ms) / 1000;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = Math.round((total % 60) * 1000) / 1000;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s}S`;
}
