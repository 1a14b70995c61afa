/**
 * The steps only the VM's owner can take, as copyable `az` commands with this VM's names; the bot never runs them
 * (ADE-MIGRATION-FACTS §2, §5):
 * - path A: disable ADE with the right VolumeType (All; Data for Linux data-only), wait until the guest reports the
 *   volumes decrypted, remove the ADE extension by the VM's own extension name, deallocate, then per disk a new
 *   Upload disk of the source size + 512 bytes, a block copy between a Read and a Write SAS, both revoked, and the new
 *   VM created from the copies with `--encryption-at-host true`. Disable comes before remove: removing first leaves the
 *   disks encrypted.
 * - path B (Linux, OS encrypted): a new VM from the same image with encryption at host and new empty data disks; the
 *   data copied from the old VM (which still unlocks its volumes), then the old VM deallocated. A block copy of a
 *   LUKS disk would stay encrypted.
 * - Entra-app ADE first migrates to single pass (Az PowerShell `-Migrate`); unmanaged disks are converted first.
 * Pure: the commands are strings; the card shows them in monospace.
 */
import type { FleetDisk, MigrationVm } from '../azure/fleet';
import type { AdeVm } from './classify';

export type RunbookStepId =
  | 'singlePass'
  | 'convert'
  | 'disable'
  | 'waitDecrypt'
  | 'removeExtension'
  | 'deallocate'
  | 'copyDisk'
  | 'createVm'
  | 'newFromImage'
  | 'newDataDisk'
  | 'copyData'
  | 'retireOld';

export interface RunbookStep {
  id: RunbookStepId;
  /** The disk a per-disk step is about. */
  disk?: string;
  commands: string[];
}

export interface RunbookInput {
  ade: AdeVm;
  read: MigrationVm;
  /** The new VM's name (linked, or the suggested `<vm>-eah`). */
  newVmName: string;
  /** A size with encryption at host in the region (the VM's own when it has it). */
  size: string;
}

/** The OS disk's id, or its name for an unmanaged VM (whose disks are named, not yet managed). */
const osRef = (ade: AdeVm) => (ade.vm.osDisk.managedDiskId ?? ade.vm.osDisk.name).toLowerCase();
const q = (s: string) => (/^[\w.:/-]+$/.test(s) ? s : `"${s.replace(/(["\\$`])/g, '\\$1')}"`);
const eah = (disk: string) => `${disk}-eah`.slice(0, 80);

function uploadSize(rg: string, d: FleetDisk): { pre: string[]; value: string } {
  if (d.sizeBytes !== undefined) return { pre: [], value: String(d.sizeBytes + 512) };
  return {
    pre: [`SIZE=$(az disk show --resource-group ${q(rg)} --name ${q(d.name)} --query diskSizeBytes --output tsv)`],
    value: '$((SIZE + 512))',
  };
}

function copyDisk(rg: string, location: string, d: FleetDisk, os?: { type: string; generation?: string }): RunbookStep {
  const size = uploadSize(rg, d);
  const target = eah(d.name);
  return {
    id: 'copyDisk',
    disk: d.name,
    commands: [
      ...size.pre,
      `az disk create --resource-group ${q(rg)} --name ${q(target)} --location ${location} --upload-type Upload --upload-size-bytes ${size.value} --sku ${d.sku ?? 'Premium_LRS'}` +
        (os ? ` --os-type ${os.type}${os.generation ? ` --hyper-v-generation ${os.generation}` : ''}` : ''),
      `SRC=$(az disk grant-access --resource-group ${q(rg)} --name ${q(d.name)} --access-level Read --duration-in-seconds 86400 --query accessSas --output tsv)`,
      `DST=$(az disk grant-access --resource-group ${q(rg)} --name ${q(target)} --access-level Write --duration-in-seconds 86400 --query accessSas --output tsv)`,
      'azcopy copy "$SRC" "$DST" --blob-type PageBlob',
      `az disk revoke-access --resource-group ${q(rg)} --name ${q(d.name)}`,
      `az disk revoke-access --resource-group ${q(rg)} --name ${q(target)}`,
    ],
  };
}

function pathA(input: RunbookInput, disks: FleetDisk[]): RunbookStep[] {
  const { ade, read, newVmName, size } = input;
  const { resourceGroup: rg, name, location, osType } = ade.vm;
  const extension =
    read.adeExtension?.name ?? (osType === 'Windows' ? 'AzureDiskEncryption' : 'AzureDiskEncryptionForLinux');
  const check =
    osType === 'Windows'
      ? `az vm run-command invoke --resource-group ${q(rg)} --name ${q(name)} --command-id RunPowerShellScript --scripts "manage-bde -status"`
      : `az vm run-command invoke --resource-group ${q(rg)} --name ${q(name)} --command-id RunShellScript --scripts "lsblk; sudo dmsetup ls --target crypt"`;
  const osDisk = disks.find((d) => d.id.toLowerCase() === osRef(ade));
  const dataDisks = disks.filter((d) => d !== osDisk);
  return [
    {
      id: 'disable',
      commands: [
        `az vm encryption disable --resource-group ${q(rg)} --name ${q(name)} --volume-type ${ade.volumeType === 'Data' ? 'DATA' : 'ALL'}`,
      ],
    },
    { id: 'waitDecrypt', commands: [check] },
    {
      id: 'removeExtension',
      commands: [`az vm extension delete --resource-group ${q(rg)} --vm-name ${q(name)} --name ${q(extension)}`],
    },
    { id: 'deallocate', commands: [`az vm deallocate --resource-group ${q(rg)} --name ${q(name)}`] },
    ...(osDisk ? [copyDisk(rg, location, osDisk, { type: osType, generation: osDisk.hyperVGeneration })] : []),
    ...dataDisks.map((d) => copyDisk(rg, location, d)),
    {
      id: 'createVm',
      commands: [
        `az vm create --resource-group ${q(rg)} --name ${q(newVmName)} --location ${location} --attach-os-disk ${q(eah(osDisk?.name ?? ade.vm.osDisk.name))}` +
          (dataDisks.length ? ` --attach-data-disks ${dataDisks.map((d) => q(eah(d.name))).join(' ')}` : '') +
          ` --os-type ${osType} --size ${size} --encryption-at-host true`,
      ],
    },
  ];
}

function pathB(input: RunbookInput, disks: FleetDisk[]): RunbookStep[] {
  const { ade, newVmName, size } = input;
  const { resourceGroup: rg, name, location } = ade.vm;
  const dataDisks = disks.filter((d) => d.id.toLowerCase() !== osRef(ade));
  return [
    {
      id: 'newFromImage',
      commands: [
        `az vm create --resource-group ${q(rg)} --name ${q(newVmName)} --location ${location} --image ${ade.vm.image ?? '<image>'} --size ${size} --encryption-at-host true --admin-username azureuser --generate-ssh-keys`,
      ],
    },
    ...dataDisks.map((d) => ({
      id: 'newDataDisk' as const,
      disk: d.name,
      commands: [
        `az vm disk attach --resource-group ${q(rg)} --vm-name ${q(newVmName)} --name ${q(eah(d.name))} --new --size-gb ${d.sizeGb ?? '<size-gb>'} --sku ${d.sku ?? 'Premium_LRS'}`,
      ],
    })),
    { id: 'copyData', commands: [`rsync -aHAX --numeric-ids /data/ azureuser@${newVmName}:/data/`] },
    { id: 'retireOld', commands: [`az vm deallocate --resource-group ${q(rg)} --name ${q(name)}`] },
  ];
}

export function runbook(input: RunbookInput): RunbookStep[] {
  const { ade } = input;
  const { resourceGroup: rg, name } = ade.vm;
  const first: RunbookStep[] =
    ade.path === 'aad'
      ? [
          {
            id: 'singlePass',
            commands: [`Set-AzVMDiskEncryptionExtension -ResourceGroupName ${q(rg)} -VMName ${q(name)} -Migrate`],
          },
        ]
      : ade.path === 'unmanaged'
        ? [
            {
              id: 'convert',
              commands: [
                `az vm deallocate --resource-group ${q(rg)} --name ${q(name)}`,
                `az vm convert --resource-group ${q(rg)} --name ${q(name)}`,
              ],
            },
          ]
        : [];
  // Unmanaged disks become managed disks of the same names: their copies are sized at run time.
  const disks: FleetDisk[] = input.read.disks.length
    ? input.read.disks
    : [ade.vm.osDisk, ...ade.vm.dataDisks].map((d) => ({
        id: d.managedDiskId ?? d.name,
        name: d.name,
        resourceGroup: rg,
        location: ade.vm.location,
      }));
  return [...first, ...(ade.then === 'B' ? pathB(input, disks) : pathA(input, disks))];
}
