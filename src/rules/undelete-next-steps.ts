/**
 * What to do once an undelete's job completes (CRITICAL-OPS-FACTS §2: an undeleted item is "stopped, data retained",
 * with no policy): resume its protection, or restore from its points. Shown on the finished job's card.
 */
import { vmKey } from '../core/vm';
import { messages } from '../i18n';
import type { TrackedJob } from '../jobs/tracked-job';

export function undeleteNextSteps(job: TrackedJob): string[] {
  const done = job.view?.status === 'Completed' || job.view?.status === 'CompletedWithWarnings';
  return done && job.operation === 'Undelete' ? messages(job.locale).lifecycle.undeleteNextSteps(vmKey(job.vm)) : [];
}
