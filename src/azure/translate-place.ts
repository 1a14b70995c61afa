/** Where an ARM resource is, as the port's models name it, read from its id once for every translation. */

const ID = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\//i;

/** A resource's id, name, resource group, subscription and region (empty where ARM's answer lacks them). */
export function placeOf(r: { id?: string; name?: string; location?: string }) {
  const m = ID.exec(r.id ?? '');
  return {
    id: r.id ?? '',
    name: r.name ?? '',
    resourceGroup: m?.[2] ?? '',
    subscriptionId: m?.[1] ?? '',
    location: r.location ?? '',
  };
}
