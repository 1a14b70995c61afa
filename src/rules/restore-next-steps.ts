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
  const steps = messages(job.locale).restore.adeNextSteps;
  return job.vm.osType === 'Linux' ? steps : steps.slice(0, 2);
}
