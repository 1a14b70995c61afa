/**
 * The critical operation request machine on its own, with a made-up kind (any operation, not only the Key Vault
 * grant): each transition happens once under concurrent clicks, and each writes its own audit entry.
 */
import type { AzurePort } from '../../src/azure/port';
import { recentAudit } from '../../src/approvals/audit';
import { requestMachine } from '../../src/approvals/machine';
import { requestKey, type CriticalRequest, type OperationKind } from '../../src/approvals/request';
import { ManualClock } from '../../src/clock';
import type { Config } from '../../src/config';
import { AzureError, CodedError } from '../../src/errors';
import { openSqliteStore } from '../../src/state/sqlite-store';

const alice = { id: 'a11ce000-0000-4000-8000-000000000001', name: 'Alice' };
const bob = { id: 'b0b00000-0000-4000-8000-000000000002', name: 'Bob' };
const dave = { id: 'da7e0000-0000-4000-8000-000000000003', name: 'Dave' };
const HOUR = 3600_000;

type StopRequest = CriticalRequest<{ item: string }>;

function setup(
  apply: OperationKind<StopRequest>['apply'] = async (_azure, plan) => ({
    requestId: 'req-1',
    detail: `stopped ${plan.item}`,
  }),
  more: Partial<OperationKind<StopRequest>> = {},
) {
  const store = openSqliteStore(':memory:');
  // Each reading a second later: audit entries sort by time, and a trail in one millisecond has no order.
  const clock = new ManualClock();
  const now = clock.now.bind(clock);
  clock.now = () => (clock.advance(1000), now());
  const kind: OperationKind<StopRequest> = {
    name: 'stopProtection',
    approvers: 'approver',
    ttlMs: () => HOUR,
    target: (plan) => plan.item,
    apply,
    ...more,
  };
  const machine = requestMachine({ store, clock, config: {} as Config }, kind);
  const grants = requestMachine({ store, clock, config: {} as Config }, { ...kind, name: 'keyVaultGrant' });
  const drafted = () =>
    machine.draft({ plan: { item: '/vaults/rsv/items/vm001' }, requester: alice, conversationId: 'c', locale: 'en' });
  const requested = async () => {
    const draft = await drafted();
    const step = await machine.request(draft.id, alice, 'decommissioned');
    if (!step.ok) throw new Error(step.refused);
    return step.request;
  };
  const trail = async () =>
    (await recentAudit(store)).reverse().map((e) => [e.event, e.by.name, e.kind, e.target, e.detail ?? '']);
  return { store, clock, machine, grants, drafted, requested, trail };
}

it('draft → requested: audited once; sending it again changes nothing', async () => {
  const { machine, requested, trail } = setup();
  const r = await requested();
  expect(r).toMatchObject({ status: 'pending', kind: 'stopProtection', requester: alice, reason: 'decommissioned' });
  expect(await machine.request(r.id, bob, 'again')).toMatchObject({ ok: false, refused: 'submitted' });
  expect(await trail()).toEqual([
    ['requested', 'Alice', 'stopProtection', '/vaults/rsv/items/vm001', 'decommissioned'],
  ]);
});

it('eight clicks from two approvers at once approve it once; the requester never may', async () => {
  const { machine, requested, trail } = setup();
  const r = await requested();
  expect(await machine.decide(r.id, alice, 'approved', '')).toMatchObject({ ok: false, refused: 'self' });
  const steps = await Promise.all(
    Array.from({ length: 8 }, (_, i) => machine.decide(r.id, i % 2 ? bob : dave, 'approved', '')),
  );
  expect(steps.filter((s) => s.ok)).toHaveLength(1);
  expect(steps.filter((s) => !s.ok).map((s) => !s.ok && s.refused)).toEqual(Array(7).fill('decided'));
  expect((await trail()).map(([event]) => event)).toEqual(['requested', 'approved']);
});

it('a rejection needs a comment, and is audited with it', async () => {
  const { machine, requested, trail } = setup();
  const r = await requested();
  expect(await machine.decide(r.id, bob, 'rejected', '')).toEqual({ ok: false, refused: 'commentRequired' });
  expect(await machine.decide(r.id, bob, 'rejected', 'not this one')).toMatchObject({
    ok: true,
    request: { status: 'rejected', decidedBy: bob, comment: 'not this one' },
  });
  expect((await trail())[1]).toEqual(['rejected', 'Bob', 'stopProtection', '/vaults/rsv/items/vm001', 'not this one']);
});

it('past its expiry a request expires on the first click, once, and can no longer be decided', async () => {
  const { clock, machine, requested, trail } = setup();
  const r = await requested();
  clock.advance(HOUR);
  expect(await machine.decide(r.id, bob, 'approved', '')).toMatchObject({
    ok: false,
    refused: 'expired',
    request: { status: 'expired' },
  });
  expect(await machine.decide(r.id, dave, 'approved', '')).toMatchObject({ ok: false, refused: 'decided' });
  expect((await trail()).map(([event, by]) => [event, by])).toEqual([
    ['requested', 'Alice'],
    ['expired', 'Bob'],
  ]);
});

it("approved → applied, audited with what was done and Azure's request id, in the approver's name", async () => {
  const { machine, requested, trail } = setup();
  const step = await machine.decide((await requested()).id, bob, 'approved', '');
  if (!step.ok) throw new Error(step.refused);
  const outcome = await machine.apply(step.request, dave, {} as AzurePort);
  expect(outcome).toMatchObject({
    ok: true,
    request: { status: 'applied', requestId: 'req-1' },
    applied: { detail: 'stopped /vaults/rsv/items/vm001' },
  });
  expect((await trail())[2]).toEqual([
    'applied',
    'Bob',
    'stopProtection',
    '/vaults/rsv/items/vm001',
    'stopped /vaults/rsv/items/vm001',
  ]);
});

it("approved → failed with Azure's error code and request id, audited", async () => {
  const { store, machine, requested, trail } = setup(async () => {
    throw new AzureError('AuthorizationFailed', 'no role', 403, 'protectedItems.createOrUpdate', 'req-9');
  });
  const step = await machine.decide((await requested()).id, bob, 'approved', '');
  if (!step.ok) throw new Error(step.refused);
  expect(await machine.apply(step.request, bob, {} as AzurePort)).toMatchObject({
    ok: false,
    code: 'AuthorizationFailed',
  });
  expect((await store.get<StopRequest>(requestKey(step.request.id)))?.value).toMatchObject({
    status: 'failed',
    error: 'AuthorizationFailed',
    requestId: 'req-9',
  });
  expect((await trail())[2]).toEqual([
    'failed',
    'Bob',
    'stopProtection',
    '/vaults/rsv/items/vm001',
    'AuthorizationFailed',
  ]);
});

it('a request of another kind is not found; one stored before kinds existed is a Key Vault grant', async () => {
  const { store, machine, grants, requested } = setup();
  const r = await requested();
  await store.put(requestKey('legacy'), { ...r, id: 'legacy', kind: undefined });
  expect(await machine.get('legacy')).toBeUndefined();
  expect(await grants.get('legacy')).toMatchObject({ id: 'legacy', status: 'pending' });
  expect(await machine.decide('legacy', bob, 'approved', '')).toEqual({ ok: false, refused: 'missing' });
});

describe('a destructive kind: what it destroys must be typed to approve it', () => {
  const typed = { typedConfirmation: () => 'vm001' };

  it('an approval without the VM name, or with another, changes nothing; with it (any case) the request is approved', async () => {
    const { machine, requested, trail } = setup(undefined, typed);
    const r = await requested();
    expect(await machine.decide(r.id, bob, 'approved', '')).toEqual({ ok: false, refused: 'confirmationMismatch' });
    expect(await machine.decide(r.id, bob, 'approved', '', 'vm002')).toEqual({
      ok: false,
      refused: 'confirmationMismatch',
    });
    expect(await machine.get(r.id)).toMatchObject({ status: 'pending' });
    expect(await machine.decide(r.id, bob, 'approved', '', ' VM001 ')).toMatchObject({
      ok: true,
      request: { status: 'approved', decidedBy: bob },
    });
    expect((await trail()).map(([event]) => event)).toEqual(['requested', 'approved']);
  });

  it('a rejection needs no typing', async () => {
    const { machine, requested } = setup(undefined, typed);
    expect(await machine.decide((await requested()).id, bob, 'rejected', 'not today')).toMatchObject({
      ok: true,
      request: { status: 'rejected' },
    });
  });
});

describe('an operation that needs no approver: its requester confirms it', () => {
  const noApprover = { needsApproval: () => false };

  it('draft → approved by the requester only, once under concurrent clicks, audited as confirmed', async () => {
    const { machine, drafted, trail } = setup(undefined, noApprover);
    const draft = await drafted();
    expect(await machine.confirm(draft.id, bob)).toMatchObject({ ok: false, refused: 'notRequester' });
    const steps = await Promise.all(Array.from({ length: 6 }, () => machine.confirm(draft.id, alice)));
    expect(steps.filter((s) => s.ok)).toHaveLength(1);
    expect(steps.filter((s) => !s.ok).map((s) => !s.ok && s.refused)).toEqual(Array(5).fill('decided'));
    expect(await machine.get(draft.id)).toMatchObject({ status: 'approved', decidedBy: alice });
    expect(await trail()).toEqual([['confirmed', 'Alice', 'stopProtection', '/vaults/rsv/items/vm001', '']]);
  });

  it('refused when the kind needs an approver (configuration may have changed since the card), or once expired', async () => {
    const needs = setup();
    const draft = await needs.drafted();
    expect(await needs.machine.confirm(draft.id, alice)).toEqual({ ok: false, refused: 'approvalRequired' });
    expect(await needs.machine.get(draft.id)).toMatchObject({ status: 'draft' });

    const late = setup(undefined, noApprover);
    const old = await late.drafted();
    late.clock.advance(2 * HOUR);
    expect(await late.machine.confirm(old.id, alice)).toMatchObject({ ok: false, refused: 'expired' });
    expect(await late.trail()).toEqual([]);
  });

  it('a sent request is no longer confirmed by its requester; a destructive one needs its name typed', async () => {
    const sent = setup(undefined, noApprover);
    const r = await sent.requested();
    expect(await sent.machine.confirm(r.id, alice)).toMatchObject({ ok: false, refused: 'submitted' });
    const destructive = setup(undefined, { ...noApprover, typedConfirmation: () => 'vm001' });
    const draft = await destructive.drafted();
    expect(await destructive.machine.confirm(draft.id, alice, 'vm01')).toEqual({
      ok: false,
      refused: 'confirmationMismatch',
    });
    expect(await destructive.machine.confirm(draft.id, alice, 'vm001')).toMatchObject({ ok: true });
  });
});

it("the bot's own refusal before any request (a CodedError) is recorded with its code", async () => {
  const { machine, requested } = setup(async () => {
    throw new CodedError('ImmutableVaultUnexpiredPoints', 'the vault is immutable');
  });
  const step = await machine.decide((await requested()).id, bob, 'approved', '');
  if (!step.ok) throw new Error(step.refused);
  expect(await machine.apply(step.request, bob, {} as AzurePort)).toMatchObject({
    ok: false,
    code: 'ImmutableVaultUnexpiredPoints',
    request: { status: 'failed', error: 'ImmutableVaultUnexpiredPoints' },
  });
});
