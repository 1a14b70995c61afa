/** The short message that tells the thread (and @mentions who started it) that a followed job has ended. */
import { messages } from '../i18n';
import type { TrackedJob } from './tracked-job';

export function finalMessage(job: TrackedJob): string | undefined {
  const view = job.view;
  if (!view) return undefined;
  const m = messages(job.locale);
  const j = m.job;
  const op = m.common.operation[job.operation] ?? job.operation;
  const took = m.common.duration(view.durationMs ?? 0);
  switch (view.status) {
    case 'Completed':
      return j.final.Completed(op, job.vm.name, took);
    case 'CompletedWithWarnings':
      return j.final.CompletedWithWarnings(op, job.vm.name, took);
    case 'Failed':
      return j.final.Failed(op, job.vm.name, view.errors[0]?.code ?? 'Failed');
    case 'Cancelled':
      return j.final.Cancelled(op, job.vm.name);
    default:
      return undefined;
  }
}
