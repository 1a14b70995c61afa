/**
 * Payloads of what the ADE retirement report reads beyond a VM's own reads:
 * - VM sizes, shaped like compute Skus/stable/2021-07-01/examples/skus/ListAvailableResourceSkusForARegion.json
 *   (Azure/azure-rest-api-specs dd68c545), plus the `EncryptionAtHostSupported` capability (its name from Microsoft's
 *   "Enable end-to-end encryption using encryption at host" CLI article) and `restrictions` (the SDK's field; empty
 *   when there are none). No recording of a SKU list was found. The capability values are the simulator's, picked to
 *   show each case, not Azure's: check real ones with `az vm list-skus`.
 * - A subscription feature, shaped like Microsoft.Features/stable/2025-03-01/examples/getFeature.json (9057ffbc), with
 *   the id, name and type Microsoft's own `az feature show --namespace Microsoft.Compute --name EncryptionAtHost`
 *   output shows (the example has placeholders there). No recording was found.
 * - A VM's ADE extension in `resources[]`, as recorded by azure-cli (test/recorded
 * compute-vm-get-instance-view-ade.json).
 */
import type { Estate, SimFeature, SimVm, SimVmSku } from '../estate/model';
import { vmAde } from '../estate/lookup';

export function skuPayload(sku: SimVmSku): Record<string, unknown> {
  const capability = (name: string, value: string | number | boolean) => ({
    name,
    value: typeof value === 'boolean' ? (value ? 'True' : 'False') : String(value),
  });
  return {
    resourceType: 'virtualMachines',
    locations: [sku.location],
    capabilities: [
      capability('MaxResourceVolumeMB', sku.vCpus * 16_384),
      capability('OSVhdSizeMB', 1_047_552),
      capability('vCPUs', sku.vCpus),
      capability('HyperVGenerations', 'V1,V2'),
      capability('MemoryGB', sku.memoryGb),
      capability('MaxDataDiskCount', sku.vCpus * 2),
      capability('LowPriorityCapable', true),
      capability('PremiumIO', sku.name.includes('s_')),
      capability('vCPUsAvailable', sku.vCpus),
      capability('EncryptionAtHostSupported', sku.encryptionAtHost),
      capability('vCPUsPerCore', 1),
      capability('EphemeralOSDiskSupported', false),
      capability('AcceleratedNetworkingEnabled', true),
      capability('MaxNetworkInterfaces', 2),
    ],
    locationInfo: [{ location: sku.location, zones: ['1', '2', '3'] }],
    name: sku.name,
    tier: 'Standard',
    size: sku.size,
    family: sku.family,
    restrictions: [],
  };
}

export function featurePayload(subscriptionId: string, feature: SimFeature): Record<string, unknown> {
  return {
    id: `/subscriptions/${subscriptionId}/providers/Microsoft.Features/providers/${feature.namespace}/features/${feature.name}`,
    name: `${feature.namespace}/${feature.name}`,
    properties: { state: feature.state },
    type: 'Microsoft.Features/providers/features',
  };
}

/** Whether any of the VM's disks carries ADE settings, and how (OS volume or data only; Entra-app version or not). */
export function adeOf(estate: Pick<Estate, 'disks'>, vm: SimVm): { os: boolean; aad: boolean } | undefined {
  const managed = [vm.osDisk, ...vm.dataDisks].map((d) =>
    estate.disks.find((x) => x.id.toLowerCase() === (d.managedDiskId ?? '').toLowerCase()),
  );
  const os = !!vmAde(estate, vm);
  const any = os || managed.some((d) => d?.ade);
  if (!any) return undefined;
  return { os, aad: managed.some((d) => d?.adeVersion === '1.0') };
}

/**
 * The VM's ADE extension as `resources[]` of a VM GET lists it (recorded: Windows single pass, `VolumeType: "ALL"`).
 * Linux uses AzureDiskEncryptionForLinux; the Entra-app versions are 1.1 (Windows) and 0.1 (Linux), single pass 2.2
 * and 1.1 (ADE-MIGRATION-FACTS §5).
 */
export function adeExtensionPayload(estate: Pick<Estate, 'disks'>, vm: SimVm): Record<string, unknown> | undefined {
  const ade = adeOf(estate, vm);
  if (!ade) return undefined;
  const windows = vm.osType === 'Windows';
  const type = windows ? 'AzureDiskEncryption' : 'AzureDiskEncryptionForLinux';
  const version = windows ? (ade.aad ? '1.1' : '2.2') : ade.aad ? '0.1' : '1.1';
  return {
    name: type,
    id: `${vm.id}/extensions/${type}`,
    type: 'Microsoft.Compute/virtualMachines/extensions',
    location: vm.location,
    properties: {
      autoUpgradeMinorVersion: true,
      provisioningState: 'Succeeded',
      publisher: 'Microsoft.Azure.Security',
      type,
      typeHandlerVersion: version,
      settings: {
        VolumeType: ade.os ? 'ALL' : 'Data',
        EncryptionOperation: 'EnableEncryption',
        KeyEncryptionAlgorithm: 'RSA-OAEP',
      },
    },
  };
}
