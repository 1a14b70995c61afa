/** Data for `cards/job.json`: a followed job's state, its errors with the catalog's advice, and the fix button. */
import { adviceFor } from '../rules/error-advice';
import type { Card } from '../core/poster';
import { vmKey } from '../core/vm';
import { renderCard } from './render';
import { formatTime, messages } from '../i18n';
import { resourceName } from '../azure/port';
import type { TrackedJob } from '../jobs/tracked-job';

const COLORS: Record<string, string> = {
  Completed: 'Good',
  CompletedWithWarnings: 'Warning',
  Failed: 'Attention',
  Cancelled: 'Warning',
  Cancelling: 'Warning',
};

export function jobCardData(job: TrackedJob, nextSteps: string[] = []) {
  const m = messages(job.locale);
  const j = m.job;
  const view = job.view;
  const op = m.common.operation[job.operation] ?? job.operation;
  const step =
    view?.task &&
    (view.taskAt ? j.stepAt(view.task, formatTime(job.locale, new Date(view.taskAt))) : j.currentTask(view.task));
  const status = view
    ? (m.common.jobStatus[view.status] ?? view.status) + (view.status === 'InProgress' && step ? ` — ${step}` : '')
    : j.starting;
  const errors = (view?.errors ?? []).map((e) => ({ ...adviceFor(m, e.code), message: e.message }));
  return {
    title: j.title(op, job.vm.name),
    status,
    color: (view && COLORS[view.status]) ?? 'Accent',
    facts: [
      { title: j.vm, value: `${job.vm.resourceGroup}/${job.vm.name}` },
      { title: j.vault, value: resourceName(job.vaultId) },
      ...(view ? [{ title: j.started, value: formatTime(job.locale, new Date(view.startTime)) }] : []),
      ...(view?.durationMs !== undefined && view.status !== 'InProgress'
        ? [{ title: j.duration, value: m.common.duration(view.durationMs) }]
        : []),
      { title: j.startedBy, value: job.startedBy.name || m.common.unknown },
      ...(job.details?.retainUntil ? [{ title: j.retainUntil, value: job.details.retainUntil }] : []),
      { title: j.jobId, value: job.jobId },
    ],
    errors,
    nextStepsTitle: j.nextStepsTitle,
    nextSteps,
    vmKey: vmKey(job.vm),
    buttons: { grant: errors.some((e) => e.fix === 'requestKeyVaultAccess'), backup: false },
    labels: { grant: m.common.buttons.grant, backup: m.common.buttons.backup },
  };
}

export function jobCard(job: TrackedJob, nextSteps: string[] = []): Card {
  return renderCard('job', jobCardData(job, nextSteps));
}
