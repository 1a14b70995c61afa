/**
 * The error advice catalog, one test per code from AZURE-FACTS: each is explained and given a next step in both
 * languages, on a failed job's card and in an error answer, matched whatever the code's capitalisation.
 */
import { adviceFor, catalogedCodes } from '../../src/rules/error-advice';
import { describeError } from '../../src/core/error-boundary';
import { AzureError } from '../../src/errors';
import { messages, type Locale } from '../../src/i18n';
import { jobCard } from '../../src/cards/job-card';
import type { TrackedJob } from '../../src/jobs/tracked-job';

const FACTS_CODES = [
  'UserErrorKeyVaultPermissionsNotConfigured',
  'UserErrorEncryptedVmNotSupportedWithDiskEx',
  'DiskEncryptionInternalError',
  'BCMProtGetSaSUriAsyncError',
  'ExtensionSnapshotBitlockerError',
  'UserErrorGuestAgentStatusUnavailable',
];

function failedJob(locale: Locale, code: string): TrackedJob {
  return {
    jobId: '9a1d2c3e-4b5f-4a6b-8c7d-0e1f2a3b4c5d',
    vaultId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/rsv',
    operation: 'Backup',
    vm: { id: 'x', name: 'vm001', resourceGroup: 'rg-prod' },
    conversationId: 'c',
    locale,
    startedBy: { id: 'u', name: 'Aiko Sato' },
    createdAt: 0,
    view: {
      status: 'Failed',
      startTime: '2026-11-29T08:00:00Z',
      durationMs: 60_000,
      errors: [{ code, message: 'Azure says why.', recommendations: [] }],
    },
  };
}

const text = (card: unknown) => JSON.stringify(card);

it('the catalog covers every code AZURE-FACTS lists', () => {
  expect(
    catalogedCodes(messages('en'))
      .map((c) => c.toLowerCase())
      .sort(),
  ).toEqual(FACTS_CODES.map((c) => c.toLowerCase()).sort());
});

describe.each(FACTS_CODES)('%s', (code) => {
  it.each(['en', 'ja'] as const)(
    'is explained with a next step on the failed job card and in error answers (%s)',
    (locale) => {
      const m = messages(locale);
      const advice = adviceFor(m, code.toUpperCase());
      expect(advice.meaning).not.toBe(m.advice.default.meaning);
      expect(advice.next).not.toBe(m.advice.default.next);
      const card = text(jobCard(failedJob(locale, code)));
      expect(card).toContain(code);
      expect(card).toContain(advice.meaning);
      expect(card).toContain(advice.next);
      const answer = describeError(m, new AzureError(code, 'raw text', 400, 'backups.trigger', 'req-1'), 'corr');
      expect(answer).toContain(advice.next);
      expect(answer).not.toContain('raw text');
    },
  );
});

it('only the Key Vault code offers a button, and that button requests access', () => {
  for (const code of FACTS_CODES) {
    const verbs =
      (jobCard(failedJob('en', code)) as { actions?: { verb: string }[] }).actions?.map((a) => a.verb) ?? [];
    expect(verbs).toEqual(code === 'UserErrorKeyVaultPermissionsNotConfigured' ? ['grant.start'] : []);
  }
  expect(adviceFor(messages('en'), 'UserErrorKeyvaultPermissionsNotConfigured').fix).toBe('requestKeyVaultAccess');
});

it('an unknown code still gets a next step', () => {
  expect(adviceFor(messages('ja'), 'SomethingNew').next).toBe(messages('ja').advice.default.next);
});
