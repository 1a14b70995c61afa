/**
 * What to do after an ADE VM's restore completes (Azure Backup docs): check the BEK/KEK exist (restore them first if
 * deleted, or building the VM fails with DiskEncryptionInternalError), build the VM, and on Linux reinstall the ADE
 * extension. Shown on the finished restore's job card.
 */
import { isAde } from '../azure/port';
import { messages } from '../i18n';
import type { TrackedJob } from '../jobs/tracked-job';

export function restoreNextSteps(job: TrackedJob): string[] {
  const done = job.view?.status === 'Completed' || job.view?.status === 'CompletedWithWarnings';
  if (!done || !/restore/i.test(job.operation) || !job.vm.encryption || !isAde(job.vm.encryption)) return [];
  const m = messages(job.locale);
  const steps = job.vm.osType === 'Linux' ? m.restore.adeNextSteps : m.restore.adeNextSteps.slice(0, 2);
  // The restored disks keep ADE, which retires on 15 Sep 2028: they need the same move to encryption at host.
  return [...steps, m.ade.guard.restoredStillAde(job.vm.name)];
}
