/**
 * Samples of the critical-operation card (`protection-change`), built by the real builder: the destructive request as
 * its requester drafts it (a vault with an always-on soft delete, a Resource Guard and a locked immutability whose
 * points have expired), as approvers see it (with the VM name to type), a policy change to shorter retention, a stop
 * its requester confirms, an undelete, and every decided state. Part of `card-samples.ts`.
 */
import type { ProtectionChangePlan, ProtectionChangeRequest } from '../../src/approvals/protection-change';
import { protectionChangeCard } from '../../src/cards/protection-change-card';
import type { Card } from '../../src/core/poster';
import type { Locale } from '../../src/i18n';

const NOW = Date.parse('2026-11-29T09:00:00Z');
const DAY = 86_400_000;
const SUB = '3f2c8a1e-5b7d-4c9a-9e21-7d4b6a0c1f85';
const arm = (rg: string, type: string, name: string) =>
  `/subscriptions/${SUB}/resourceGroups/${rg}/providers/${type}/${name}`;
const RSV = arm('rg-backup', 'Microsoft.RecoveryServices/vaults', 'rsv-prod-jpe');
const OPERATOR = { id: '0f8e1a5c-3b2d-4e6f-9a7b-1c2d3e4f5a6b', name: 'Aiko Tanaka' };
const APPROVER = { id: '7b6a5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d', name: 'Ben Okafor' };
const vm = {
  id: arm('rg-prod-sql', 'Microsoft.Compute/virtualMachines', 'sql-prod-01'),
  name: 'sql-prod-01',
  resourceGroup: 'rg-prod-sql',
  subscriptionId: SUB,
  location: 'japaneast',
  encryption: 'ADE_BEK_KEK' as const,
  osType: 'Windows' as const,
};
const item = {
  vaultId: RSV,
  containerName: 'iaasvmcontainer;iaasvmcontainerv2;rg-prod-sql;sql-prod-01',
  protectedItemName: 'vm;iaasvmcontainerv2;rg-prod-sql;sql-prod-01',
};
const GUARD = {
  id: arm('rg-security', 'Microsoft.DataProtection/resourceGuards', 'rg-guard-prod'),
  name: 'rg-guard-prod',
};

function plan(more: Partial<ProtectionChangePlan>): ProtectionChangePlan {
  return {
    operation: 'deleteData',
    vm,
    item,
    vaultName: 'rsv-prod-jpe',
    points: {
      count: 42,
      oldest: '2026-10-01T22:05:00.000Z',
      newest: '2026-11-28T22:05:00.000Z',
      unexpired: 0,
      lastExpiry: '2026-11-28T00:00:00.000Z',
    },
    softDelete: { state: 'AlwaysON', days: 14 },
    immutability: 'Locked',
    guard: GUARD,
    ...more,
  };
}

function request(
  locale: Locale,
  status: ProtectionChangeRequest['status'],
  p: ProtectionChangePlan,
  decidedBy = APPROVER,
): ProtectionChangeRequest {
  const decided =
    status === 'draft' || status === 'pending' || status === 'expired'
      ? {}
      : {
          decidedBy,
          decidedAt: NOW - 5 * 60_000,
          ...(status === 'rejected'
            ? { comment: locale === 'ja' ? '移行が終わるまで保持' : 'Keep until the migration is done' }
            : {}),
        };
  const reason = locale === 'ja' ? 'CHG0042817 で VM を廃止' : 'VM decommissioned under CHG0042817';
  return {
    id: 'b3c4d5e6-f7a8-4b9c-8d0e-1f2a3b4c5d6e',
    kind: 'deleteBackupData',
    status,
    plan: p,
    requester: OPERATOR,
    reason: status === 'draft' ? undefined : reason,
    conversationId: 'c',
    locale,
    createdAt: NOW - 30 * 60_000,
    expiresAt: status === 'expired' ? NOW - 60_000 : NOW + 23 * 3600_000,
    ...decided,
  };
}

export function protectionChangeCardSamples(locale: Locale): [string, Card][] {
  const shorter = plan({
    operation: 'changePolicy',
    guard: undefined,
    immutability: 'Disabled',
    policy: { id: `${RSV}/backupPolicies/DefaultPolicy`, name: 'DefaultPolicy', longestDays: 30 },
    from: { id: `${RSV}/backupPolicies/daily-2200-30d`, name: 'daily-2200-30d', longestDays: 372 },
    shorterRetention: true,
  });
  const undelete = plan({
    operation: 'undelete',
    guard: undefined,
    immutability: 'Disabled',
    softDelete: { state: 'Enabled', days: 14 },
    purgeAt: new Date(NOW + 9 * DAY).toISOString(),
  });
  return [
    ['protection-change', protectionChangeCard(request(locale, 'draft', plan({})), NOW)],
    ['protection-change.pending', protectionChangeCard(request(locale, 'pending', plan({})), NOW)],
    [
      'protection-change.soft-delete-off',
      protectionChangeCard(
        request(
          locale,
          'pending',
          plan({ softDelete: { state: 'Disabled', days: 14 }, guard: undefined, immutability: 'Disabled' }),
        ),
        NOW,
      ),
    ],
    ['protection-change.shorter-policy', protectionChangeCard(request(locale, 'pending', shorter), NOW)],
    [
      'protection-change.stop-confirm',
      protectionChangeCard(request(locale, 'draft', plan({ operation: 'stop' })), NOW, false),
    ],
    ['protection-change.undelete', protectionChangeCard(request(locale, 'draft', undelete), NOW)],
    ['protection-change.applied', protectionChangeCard(request(locale, 'applied', plan({})), NOW)],
    [
      'protection-change.confirmed',
      protectionChangeCard(request(locale, 'applied', plan({ operation: 'stop' }), OPERATOR), NOW),
    ],
    ['protection-change.rejected', protectionChangeCard(request(locale, 'rejected', plan({})), NOW)],
    ['protection-change.expired', protectionChangeCard(request(locale, 'expired', plan({})), NOW)],
  ];
}
