/** Microsoft.Compute: what virtualMachines / disks / diskEncryptionSets in @azure/arm-compute 24.1.0 call. */
import { notFound, ok, sameId } from '../arm';
import { findVm, requireResourceGroup, requireSubscription } from '../estate/lookup';
import { diskEncryptionSetPayload, diskPayload, instanceViewPayload, vmPayload } from '../payloads/compute';
import { adeExtensionPayload } from '../payloads/fleet';
import { type Route, type RouteContext, route } from '../router';
import { paged } from './paging';

const RG = '/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Compute';

function wantsInstanceView(ctx: RouteContext): boolean {
  return (ctx.query['$expand'] ?? '').toLowerCase() === 'instanceview';
}

export const computeRoutes: Route[] = [
  route('GET', '/subscriptions/{sub}/providers/Microsoft.Compute/virtualMachines', (ctx) => {
    requireSubscription(ctx.estate, ctx.params.sub);
    return paged(
      ctx,
      `/subscriptions/${ctx.params.sub}/providers/Microsoft.Compute/virtualMachines`,
      ctx.estate.vms,
      (vm) => vmPayload(ctx.estate, vm, wantsInstanceView(ctx)),
    );
  }),
  route('GET', `${RG}/virtualMachines`, (ctx) => {
    requireResourceGroup(ctx.estate, ctx.params.sub, ctx.params.rg);
    const vms = ctx.estate.vms.filter((vm) => sameId(vm.resourceGroup, ctx.params.rg));
    return ok({ value: vms.map((vm) => vmPayload(ctx.estate, vm, wantsInstanceView(ctx))) });
  }),
  route('GET', `${RG}/virtualMachines/{vm}`, (ctx) => {
    requireResourceGroup(ctx.estate, ctx.params.sub, ctx.params.rg);
    const vm = findVm(ctx.estate, ctx.params.rg, ctx.params.vm);
    // A GET lists the VM's extensions in `resources[]` (recorded: test/recorded compute-vm-get-instance-view-ade.json).
    const extension = adeExtensionPayload(ctx.estate, vm);
    return ok({
      ...vmPayload(ctx.estate, vm, wantsInstanceView(ctx)),
      ...(extension ? { resources: [extension] } : {}),
    });
  }),
  route('GET', `${RG}/virtualMachines/{vm}/instanceView`, (ctx) => {
    requireResourceGroup(ctx.estate, ctx.params.sub, ctx.params.rg);
    return ok(instanceViewPayload(ctx.estate, findVm(ctx.estate, ctx.params.rg, ctx.params.vm)));
  }),
  route('GET', `${RG}/disks/{disk}`, (ctx) => {
    const { sub, rg, disk } = ctx.params;
    requireResourceGroup(ctx.estate, sub, rg);
    const found = ctx.estate.disks.find((d) => sameId(d.resourceGroup, rg) && sameId(d.name, disk));
    if (!found) throw notFound('Microsoft.Compute/disks', disk, rg);
    return ok(diskPayload(found));
  }),
  route('GET', `${RG}/diskEncryptionSets/{des}`, (ctx) => {
    const { sub, rg, des } = ctx.params;
    requireResourceGroup(ctx.estate, sub, rg);
    const found = ctx.estate.diskEncryptionSets.find((d) => sameId(d.resourceGroup, rg) && sameId(d.name, des));
    if (!found) throw notFound('Microsoft.Compute/diskEncryptionSets', des, rg);
    return ok(diskEncryptionSetPayload(found));
  }),
];
