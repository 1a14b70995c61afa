/**
 * Faults injected at the ARM simulator during each flow: every flow either finishes (the SDK retries what is
 * retryable) or tells the user what failed and what to do — and leaves a record, never a half-done action.
 */
import type { GrantRequest } from '../../src/approvals/key-vault-grant';
import { requestKey } from '../../src/approvals/request';
import { pendingKey, type PendingAction } from '../../src/confirmations/pending';
import { cardOf, startHarness, visibleText, type Harness } from '../support/harness';
import { users } from '../support/teams';

let h: Harness;
beforeEach(async () => {
  // Dropped connections leave the SDK's per-try timer running until it fires: a short one ends with the test.
  h = await startHarness({ azureTryTimeoutMs: 1000 });
});
afterEach(() => h.close());

const action = (card: any, verb: string) => card?.actions?.find((a: { verb: string }) => a.verb === verb);
const texts = () => h.connector.writes.map((w) => (w.activity.text ?? '') + visibleText(cardOf(w))).join('\n');

async function confirm(vm: string) {
  const writes = await h.say(`backup ${vm} now`);
  return action(cardOf(writes[writes.length - 1]), 'backup.confirm').data as { pendingId: string };
}

it('check: a dropped connection becomes "Azure could not be reached", not a stack trace', async () => {
  h.simulator.faults.add({ method: 'GET', path: /virtualMachines(\/vm001)?$/i, drop: true, times: 10 });
  const [w] = await h.say('check vm001');
  expect(w.activity.text).toContain('Azure answered **AzureUnreachable**');
  expect(w.activity.text).toContain('Try again in a minute');
  expect(w.activity.text).not.toMatch(/ECONNRESET|socket hang up|at .*\.js/);
});

it('backup: 503 on every trigger attempt tells the user the code and records the confirmation as failed', async () => {
  const data = await confirm('vm001');
  h.simulator.faults.add({
    method: 'POST',
    path: /\/backup$/i,
    status: 503,
    errorCode: 'ServiceUnavailable',
    times: 50,
  });
  await h.click('backup.confirm', data);
  expect(texts()).toContain('The backup of **vm001** could not be started');
  expect(texts()).toContain('ServiceUnavailable');
  expect((await h.app.services.store.get<PendingAction>(pendingKey(data.pendingId)))!.value).toMatchObject({
    status: 'failed',
    error: 'ServiceUnavailable',
  });
});

it("job tracking: the vault's job list failing for a while loses nothing; the job still ends with one final message", async () => {
  await h.click('backup.confirm', await confirm('vm001'));
  h.simulator.faults.add({
    method: 'GET',
    path: /backupJobs$/i,
    status: 500,
    errorCode: 'InternalServerError',
    times: 30,
  });
  for (let i = 0; i < 3; i++) {
    h.clock.advance(20_000);
    await h.tick();
  }
  expect(h.connector.writes.filter((w) => /completed in/.test(w.activity.text ?? ''))).toHaveLength(0);
  h.simulator.faults.clear();
  await h.tick();
  expect(
    h.connector.writes.filter((w) => /Backup of \*\*vm001\*\* completed/.test(w.activity.text ?? '')),
  ).toHaveLength(1);
});

it('approval: a dropped connection on the grant is reported with what to do, recorded as failed and audited', async () => {
  const draft = cardOf((await h.say('grant backup access vm002')).pop());
  const submitted = await h.click('grant.submit', action(draft, 'grant.submit').data);
  const card = cardOf(submitted.writes.find((w) => action(cardOf(w), 'grant.approve')));
  const { approvalId } = action(card, 'grant.approve').data;
  h.simulator.faults.add({ method: 'PUT', path: /accessPolicies\/add$/i, drop: true, times: 10 });
  await h.click('grant.approve', { approvalId }, { user: users.bob });
  expect(texts()).toContain('The grant on **kv-ade-noaccess** failed');
  expect(texts()).toContain('AzureUnreachable');
  expect((await h.app.services.store.get<GrantRequest>(requestKey(approvalId)))!.value).toMatchObject({
    status: 'failed',
    error: 'AzureUnreachable',
  });
  expect(visibleText(cardOf((await h.say('audit', { user: users.bob }))[0]))).toMatch(/failed.*AzureUnreachable/);
});

it('protect: a 429 with Retry-After on enabling protection is retried and the flow finishes', async () => {
  const card = cardOf((await h.say('protect vm004')).pop());
  h.simulator.faults.add({
    method: 'PUT',
    path: /protectedItems\//i,
    status: 429,
    retryAfterSeconds: 0,
    errorCode: 'TooManyRequests',
    times: 2,
  });
  const policyId = card.body.find((b: { id?: string }) => b.id === 'policyId').value;
  await h.click('protect.confirm', { ...action(card, 'protect.confirm').data, policyId });
  expect(texts()).toContain('Enable protection · vm004');
  expect(texts()).not.toContain('could not be enabled');
});

it('restore: a persistent 500 on the trigger is reported and the request recorded as failed', async () => {
  const card = cardOf((await h.say('restore vm001')).pop());
  const { pendingId } = action(card, 'restore.review').data;
  const pointName = card.body.find((b: { id?: string }) => b.id === 'pointName').value;
  await h.click('restore.review', {
    pendingId,
    pointName,
    kind: 'RestoreDisks',
    region: 'japaneast',
    resourceGroup: 'rg-restore',
    storageAccount: 'ststaging01',
  });
  h.simulator.faults.add({
    method: 'POST',
    path: /\/restore$/i,
    status: 500,
    errorCode: 'InternalServerError',
    times: 50,
  });
  await h.click('restore.confirm', { pendingId });
  expect(texts()).toContain('The restore of **vm001** could not be started');
  expect((await h.app.services.store.get<PendingAction>(pendingKey(pendingId)))!.value).toMatchObject({
    status: 'failed',
    error: 'InternalServerError',
  });
});
