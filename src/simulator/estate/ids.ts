/** Deterministic ids for seeded resources, so every run of the demo estate looks the same. */
import { createHash } from 'node:crypto';
import { SIM_SUBSCRIPTION_ID } from '../constants';

export function rgId(resourceGroup: string, subscriptionId = SIM_SUBSCRIPTION_ID): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`;
}

export function resourceId(resourceGroup: string, type: string, name: string): string {
  return `${rgId(resourceGroup)}/providers/${type}/${name}`;
}

/** A GUID derived from `seed`. */
export function stableGuid(seed: string): string {
  const h = createHash('sha1').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** 32 hex digits, like a Key Vault object version. */
export function stableVersion(seed: string): string {
  return createHash('md5').update(seed).digest('hex');
}
