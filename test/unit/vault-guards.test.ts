/** What a vault's guards forbid, which operations need an approver, and what state an item is in: plain objects. */
import type { VaultGuards } from '../../src/azure/lifecycle';
import type { BackupPolicyInfo, RecoveryPointInfo } from '../../src/azure/port';
import { loadConfig } from '../../src/config';
import { itemState, stateRefusal } from '../../src/rules/protection-state';
import {
  daysUntil,
  guardFor,
  guardRefusal,
  longestRetentionDays,
  needsApprover,
  summarisePoints,
} from '../../src/rules/vault-guards';

const NOW = Date.parse('2026-11-29T09:00:00Z');
const DAY = 86_400_000;
const GUARD = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.DataProtection/resourceGuards/rg-guard';
const OPS = 'Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems';
const guards = (more: Partial<VaultGuards> = {}): VaultGuards => ({
  vaultId: '/v',
  softDelete: { state: 'Enabled', retentionDays: 14 },
  immutability: 'Disabled',
  ...more,
});
const point = (daysAgo: number, expiresInDays?: number): RecoveryPointInfo => ({
  id: `p${daysAgo}`,
  name: `p${daysAgo}`,
  time: new Date(NOW - daysAgo * DAY),
  consistency: 'AppConsistent',
  tiers: ['Vault'],
  isSourceVmEncrypted: false,
  ...(expiresInDays !== undefined ? { expiry: new Date(NOW + expiresInDays * DAY) } : {}),
});
const policy = (name: string, retention: Partial<BackupPolicyInfo>): BackupPolicyInfo => ({
  id: `/v/backupPolicies/${name}`,
  name,
  scheduleFrequency: 'Daily',
  scheduleTimes: [],
  ...retention,
});
const live = { deferredDelete: undefined };

describe('points a delete would lose', () => {
  it('counts them, the oldest and newest, the unexpired (no expiry counts as unexpired) and the last expiry when all have one', () => {
    expect(summarisePoints([point(1, 29), point(30, -1), point(10, 5)], NOW)).toEqual({
      count: 3,
      oldest: new Date(NOW - 30 * DAY).toISOString(),
      newest: new Date(NOW - DAY).toISOString(),
      unexpired: 2,
      lastExpiry: new Date(NOW + 29 * DAY).toISOString(),
    });
    const unknown = summarisePoints([point(1), point(2, 3)], NOW);
    expect(unknown.unexpired).toBe(2);
    expect(unknown).not.toHaveProperty('lastExpiry');
    expect(summarisePoints([], NOW)).toEqual({ count: 0, unexpired: 0 });
  });
});

describe('guardRefusal', () => {
  it('an immutable vault (Unlocked or Locked) refuses a delete while a point has not expired, not a stop', () => {
    for (const immutability of ['Unlocked', 'Locked']) {
      expect(
        guardRefusal('deleteData', {
          guards: guards({ immutability }),
          protection: live,
          points: summarisePoints([point(1, 2)], NOW),
        }),
      ).toMatchObject({ code: 'ImmutableVaultUnexpiredPoints', unexpired: 1 });
      expect(guardRefusal('stop', { guards: guards({ immutability }), protection: live })).toBeUndefined();
    }
    expect(
      guardRefusal('deleteData', {
        guards: guards({ immutability: 'Locked' }),
        protection: live,
        points: summarisePoints([point(40, -10)], NOW),
      }),
    ).toBeUndefined();
    expect(
      guardRefusal('deleteData', { guards: guards(), protection: live, points: summarisePoints([point(1)], NOW) }),
    ).toBeUndefined();
  });

  it('an immutable vault refuses a move to a policy that keeps points for less time, by its longest tier', () => {
    const gold = policy('Gold', { dailyRetentionDays: 90, weeklyRetentionWeeks: 12 });
    const yearly = policy('Yearly', { dailyRetentionDays: 7, yearlyRetentionYears: 1 });
    expect(longestRetentionDays(gold)).toBe(90);
    expect(longestRetentionDays(yearly)).toBe(366);
    const check = (from: BackupPolicyInfo, to: BackupPolicyInfo) =>
      guardRefusal('changePolicy', { guards: guards({ immutability: 'Locked' }), protection: live, from, to });
    expect(check(gold, policy('Default', { dailyRetentionDays: 30 }))).toMatchObject({
      code: 'ImmutableVaultShorterRetention',
      fromDays: 90,
      toDays: 30,
    });
    expect(check(gold, yearly)).toBeUndefined();
  });

  it('a soft-deleted item can only be undeleted', () => {
    const deleted = { protectionState: 'ProtectionStopped', deferredDelete: { at: new Date(NOW + 3 * DAY) } };
    for (const op of ['stop', 'deleteData', 'resume', 'changePolicy'] as const)
      expect(guardRefusal(op, { guards: guards(), protection: deleted })).toMatchObject({
        code: 'SoftDeletedItemNeedsUndelete',
      });
    expect(
      guardRefusal('undelete', { guards: guards({ immutability: 'Locked' }), protection: deleted }),
    ).toBeUndefined();
  });
});

it('guardFor: the Resource Guard and its request, only for the operations it protects', () => {
  const g = guards({
    resourceGuard: {
      id: GUARD,
      name: 'rg-guard',
      operations: [{ operation: `${OPS}/delete`, request: `${GUARD}/deleteProtectedItemRequests/default` }],
    },
  });
  expect(guardFor(g, 'deleteData')).toEqual({
    id: GUARD,
    name: 'rg-guard',
    request: `${GUARD}/deleteProtectedItemRequests/default`,
  });
  expect(guardFor(g, 'stop')).toBeUndefined();
  expect(guardFor(g, 'undelete')).toBeUndefined();
});

it('needsApprover: as APPROVAL_REQUIRED_FOR says; deleting data always; a policy change only to shorter retention', () => {
  const defaults = loadConfig({});
  expect(['stop', 'deleteData', 'resume', 'undelete'].map((op) => needsApprover(defaults, op as 'stop'))).toEqual([
    true,
    true,
    false,
    true,
  ]);
  expect(needsApprover(defaults, 'changePolicy', true)).toBe(true);
  expect(needsApprover(defaults, 'changePolicy', false)).toBe(false);
  const none = loadConfig({ APPROVAL_REQUIRED_FOR: 'none' });
  expect(['stop', 'deleteData', 'resume', 'undelete'].map((op) => needsApprover(none, op as 'stop'))).toEqual([
    false,
    true,
    false,
    false,
  ]);
});

it('itemState and stateRefusal', () => {
  expect(itemState({ protectionState: 'BackupsSuspended' })).toBe('suspended');
  expect(itemState({ protectionState: 'ProtectionStopped', deferredDelete: { at: new Date(NOW) } })).toBe(
    'softDeleted',
  );
  expect(stateRefusal('stop', undefined)).toBe('notProtected');
  expect(stateRefusal('stop', { protectionState: 'ProtectionStopped' })).toBe('alreadyStopped');
  expect(stateRefusal('resume', { protectionState: 'IRPending' })).toBe('alreadyProtected');
  expect(stateRefusal('resume', { protectionState: 'BackupsSuspended' })).toBeUndefined();
  expect(
    stateRefusal(
      'changePolicy',
      { protectionState: 'Protected', policyId: '/v/backupPolicies/A' },
      '/V/backupPolicies/a',
    ),
  ).toBe('samePolicy');
  expect(stateRefusal('undelete', { protectionState: 'ProtectionStopped' })).toBe('notDeleted');
});

it('daysUntil counts a part day whole and never goes below 0', () => {
  expect(daysUntil(new Date(NOW + 13 * DAY + 1), NOW)).toBe(14);
  expect(daysUntil(new Date(NOW - DAY), NOW)).toBe(0);
});
