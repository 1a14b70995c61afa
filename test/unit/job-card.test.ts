/** The job card's step: current when the job list keeps it fresh, otherwise shown with the time it was read. */
import { formatTime, type Locale } from '../../src/i18n';
import { jobCardData } from '../../src/cards/job-card';
import type { JobView, TrackedJob } from '../../src/jobs/tracked-job';

function running(locale: Locale, view: Partial<JobView>): TrackedJob {
  return {
    jobId: '9a1d2c3e-4b5f-4a6b-8c7d-0e1f2a3b4c5d',
    vaultId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/rsv',
    operation: 'Backup',
    vm: { id: 'x', name: 'vm001', resourceGroup: 'rg-prod' },
    conversationId: 'c',
    locale,
    startedBy: { id: 'u', name: 'Aiko Sato' },
    createdAt: 0,
    view: { status: 'InProgress', startTime: '2026-11-29T08:40:00Z', errors: [], ...view },
  };
}

const READ_AT = '2026-11-29T08:41:00Z';

it.each([
  ['en', 'step at', 'current step'],
  ['ja', '時点のステップ', '現在のステップ'],
] as const)(
  '%s: a step read from the details carries its time; one from the list is current',
  (locale, at, current) => {
    const time = formatTime(locale, new Date(READ_AT));
    const read = jobCardData(running(locale, { task: 'Take Snapshot', taskAt: READ_AT })).status;
    expect(read).toContain(at);
    expect(read).toContain(time);
    expect(read).toContain('Take Snapshot');
    expect(read).not.toContain(current);
    const listed = jobCardData(running(locale, { task: 'Transfer data to vault' })).status;
    expect(listed).toContain(`${current}: Transfer data to vault`);
    expect(listed).not.toContain(time);
  },
);

it('a finished job shows no step at all', () => {
  expect(jobCardData(running('en', { status: 'Completed', task: 'Take Snapshot', taskAt: READ_AT })).status).toBe(
    '✅ Completed',
  );
});
