/**
 * What a restore of this VM may be, by Azure Backup's rules for ADE VMs (AZURE-FACTS): restore disks or a new VM only
 * (no "replace existing", no file-level restore), same subscription, and cross-region only to the vault's paired
 * region when the vault has cross-region restore enabled (and, for ADE, from vault-tier points). Non-ADE VMs get every
 * type. Pure functions, so the rules are unit-tested on their own.
 */
import {
  isAde,
  type EncryptionKind,
  type RecoveryPointInfo,
  type RecoveryVaultInfo,
  type RestoreKind,
} from '../azure/port';
import { pairedRegion } from './paired-regions';

export interface RestoreChoices {
  kinds: RestoreKind[];
  /** Refused for this VM, each with its reason key in the catalog. */
  refused: ('OriginalLocation' | 'FileRestore')[];
  regions: { region: string; crossRegion: boolean }[];
  /** The vault's paired region, when the vault has cross-region restore enabled (started from the portal). */
  pairedRegion?: string;
  crossRegionUnavailable: boolean;
}

export function restoreChoices(
  encryption: EncryptionKind,
  vault: Pick<RecoveryVaultInfo, 'location' | 'crossRegionRestore'>,
): RestoreChoices {
  const ade = isAde(encryption);
  const paired = pairedRegion(vault.location);
  return {
    kinds: ade ? ['RestoreDisks', 'AlternateLocation'] : ['RestoreDisks', 'AlternateLocation', 'OriginalLocation'],
    refused: ade ? ['OriginalLocation', 'FileRestore'] : [],
    // Cross-region restore uses the secondary region's own API, which the bot does not call yet: the paired region is
    // named (and accepted by the rules) but the restore is started from the portal.
    regions: [{ region: vault.location, crossRegion: false }],
    pairedRegion: vault.crossRegionRestore ? paired : undefined,
    crossRegionUnavailable: !vault.crossRegionRestore,
  };
}

export interface RestoreSelection {
  pointName: string;
  kind: RestoreKind;
  region: string;
  crossRegion: boolean;
  resourceGroup: string;
  storageAccount: { resourceGroup: string; name: string };
  vmName?: string;
  subnetId?: string;
  /** The keys the chosen point was taken with (read from the point itself), when it is ADE-encrypted. */
  keys?: PointKeys;
}

/** An ADE recovery point's BEK secret and, with a KEK, its key: URLs and Key Vault ids, as the point carries them. */
export type PointKeys = NonNullable<RecoveryPointInfo['keyAndSecret']>;

export type InvalidReason =
  | 'point'
  | 'kind'
  | 'resourceGroup'
  | 'otherSubscription'
  | 'storage'
  | 'region'
  | 'crrTier'
  | 'crrFromPortal'
  | 'vmName';

const RG = /^[-\w._()]{1,90}$/;
const STORAGE = /^[a-z0-9]{3,24}$/;
const VM_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_-]{0,63}$/;
const SUBNET =
  /^\/subscriptions\/([0-9a-f-]{36})\/resourceGroups\/[-\w._()]{1,90}\/providers\/Microsoft\.Network\/virtualNetworks\/[-\w.]{2,64}\/subnets\/[-\w.]{1,80}$/i;
const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** Checks the card's inputs against what was offered; nothing here is trusted until it passes. */
export function validateSelection(
  input: Record<string, unknown>,
  offered: {
    points: { name: string; tiers: string[] }[];
    choices: RestoreChoices;
    ade: boolean;
    subscriptionId: string;
  },
): RestoreSelection | { invalid: InvalidReason } {
  const point = offered.points.find((p) => p.name === str(input.pointName));
  if (!point) return { invalid: 'point' };
  const kind = offered.choices.kinds.find((k) => k === str(input.kind));
  if (!kind) return { invalid: 'kind' };
  const rgInput = str(input.resourceGroup);
  if (/^\/subscriptions\//i.test(rgInput)) {
    const sub = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)$/i.exec(rgInput);
    if (!sub || sub[1].toLowerCase() !== offered.subscriptionId.toLowerCase()) return { invalid: 'otherSubscription' };
    input = { ...input, resourceGroup: sub[2] };
  }
  const resourceGroup = str(input.resourceGroup);
  if (!RG.test(resourceGroup) || resourceGroup.endsWith('.')) return { invalid: 'resourceGroup' };
  const [saRg, saName] = str(input.storageAccount).includes('/')
    ? str(input.storageAccount).split('/', 2)
    : [resourceGroup, str(input.storageAccount)];
  if (!STORAGE.test(saName) || !RG.test(saRg)) return { invalid: 'storage' };
  const wanted = str(input.region).toLowerCase().replace(/\s+/g, '');
  if (wanted && wanted === offered.choices.pairedRegion) {
    return offered.ade && !point.tiers.some((t) => /vault|hardened/i.test(t))
      ? { invalid: 'crrTier' }
      : { invalid: 'crrFromPortal' };
  }
  const region = offered.choices.regions.find((r) => r.region === wanted || (!wanted && !r.crossRegion));
  if (!region) return { invalid: 'region' };
  let vmName: string | undefined;
  let subnetId: string | undefined;
  if (kind === 'AlternateLocation') {
    vmName = str(input.vmName);
    subnetId = str(input.subnetId);
    const subnet = SUBNET.exec(subnetId);
    if (!VM_NAME.test(vmName) || !subnet) return { invalid: 'vmName' };
    if (subnet[1].toLowerCase() !== offered.subscriptionId.toLowerCase()) return { invalid: 'otherSubscription' };
  }
  return {
    pointName: point.name,
    kind,
    region: region.region,
    crossRegion: region.crossRegion,
    resourceGroup,
    storageAccount: { resourceGroup: saRg, name: saName },
    vmName,
    subnetId,
  };
}
