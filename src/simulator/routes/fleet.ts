/**
 * What the ADE retirement report reads at subscription scope beyond VMs: every managed disk (`disks.list`), the VM
 * sizes of one region (`resourceSkus.list` with `$filter=location eq '<region>'`, the only filter the operation
 * supports) and one subscription feature (`features.get`). Payloads: payloads/compute.ts and payloads/fleet.ts.
 */
import { ArmError, badRequest, sameId } from '../arm';
import { requireSubscription } from '../estate/lookup';
import { diskPayload } from '../payloads/compute';
import { featurePayload, skuPayload } from '../payloads/fleet';
import { type Route, type RouteContext, route } from '../router';
import { paged } from './paging';

const SUB = '/subscriptions/{sub}';

/** `location eq 'westeurope'` → `westeurope`; no filter → every region. */
function locationFilter(ctx: RouteContext): string | undefined {
  const filter = ctx.query['$filter'];
  if (filter === undefined) return undefined;
  const m = /^\s*location\s+eq\s+'([a-z0-9]+)'\s*$/i.exec(filter);
  if (!m) throw badRequest('InvalidFilter', `The filter '${filter}' is not supported: only location eq '<region>' is.`);
  return m[1];
}

export const fleetRoutes: Route[] = [
  route('GET', `${SUB}/providers/Microsoft.Compute/disks`, (ctx) => {
    requireSubscription(ctx.estate, ctx.params.sub);
    return paged(
      ctx,
      `/subscriptions/${ctx.params.sub}/providers/Microsoft.Compute/disks`,
      ctx.estate.disks,
      diskPayload,
    );
  }),
  route('GET', `${SUB}/providers/Microsoft.Compute/skus`, (ctx) => {
    requireSubscription(ctx.estate, ctx.params.sub);
    const region = locationFilter(ctx);
    const skus = ctx.estate.vmSkus.filter((s) => region === undefined || sameId(s.location, region));
    return paged(ctx, `/subscriptions/${ctx.params.sub}/providers/Microsoft.Compute/skus`, skus, skuPayload);
  }),
  route('GET', `${SUB}/providers/Microsoft.Features/providers/{namespace}/features/{feature}`, (ctx) => {
    const { sub, namespace, feature } = ctx.params;
    requireSubscription(ctx.estate, sub);
    const found = ctx.estate.features.find((f) => sameId(f.namespace, namespace) && sameId(f.name, feature));
    // No example or recording of this error was found; the code is the simulator's.
    if (!found)
      throw new ArmError(
        404,
        'FeatureNotFound',
        `The feature '${feature}' could not be found in namespace '${namespace}'.`,
      );
    return { status: 200, body: featurePayload(ctx.estate.subscriptionId, found) };
  }),
];
