/**
 * Pages of a list, as ARM gives them: each page but the last has a `nextLink`, the full URL with api-version and the
 * same query plus `$skipToken` (how backupJobs pages, see backup-jobs.ts; the SDK follows a nextLink as it is). How
 * many items Azure puts in a page of the VM or disk list is not documented; the bot reads pages whatever their size.
 */
import { ArmError, ok, type ArmResponse } from '../arm';
import type { RouteContext } from '../router';

/** `items` are turned into payloads by `payload` one page at a time (a page of a 10,000-disk list builds 1,000). */
export function paged<T>(
  ctx: RouteContext,
  path: string,
  items: T[],
  payload: (item: T) => unknown,
  size = ctx.listPageSize,
): ArmResponse {
  const from = Number(ctx.query['$skipToken'] ?? 0);
  if (!Number.isInteger(from) || from < 0)
    throw new ArmError(400, 'InvalidSkipToken', `Invalid $skipToken '${ctx.query['$skipToken']}'.`);
  const page = items.slice(from, from + size);
  const rest = from + page.length < items.length;
  const query = new URLSearchParams({ ...ctx.query, $skipToken: String(from + page.length) });
  return ok({ value: page.map(payload), ...(rest ? { nextLink: `${ctx.baseUrl}${path}?${query.toString()}` } : {}) });
}
