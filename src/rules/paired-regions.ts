/**
 * Azure's region pairs (Microsoft Learn, "Azure cross-region replication pairings"): cross-region restore of an ADE VM
 * goes only to the vault's paired region.
 */
const PAIRS: [string, string][] = [
  ['japaneast', 'japanwest'],
  ['eastus', 'westus'],
  ['eastus2', 'centralus'],
  ['northcentralus', 'southcentralus'],
  ['westus2', 'westcentralus'],
  ['westus3', 'eastus'],
  ['canadacentral', 'canadaeast'],
  ['brazilsouth', 'southcentralus'],
  ['northeurope', 'westeurope'],
  ['uksouth', 'ukwest'],
  ['francecentral', 'francesouth'],
  ['germanywestcentral', 'germanynorth'],
  ['switzerlandnorth', 'switzerlandwest'],
  ['norwayeast', 'norwaywest'],
  ['swedencentral', 'swedensouth'],
  ['eastasia', 'southeastasia'],
  ['australiaeast', 'australiasoutheast'],
  ['australiacentral', 'australiacentral2'],
  ['centralindia', 'southindia'],
  ['westindia', 'southindia'],
  ['koreacentral', 'koreasouth'],
  ['southafricanorth', 'southafricawest'],
  ['uaenorth', 'uaecentral'],
];

/** The paired region of `region`; for regions paired one-way (westus3 → eastus), the documented pair. */
export function pairedRegion(region: string): string | undefined {
  const r = region.toLowerCase().replace(/\s+/g, '');
  return PAIRS.find(([a]) => a === r)?.[1] ?? PAIRS.find(([, b]) => b === r)?.[0];
}
