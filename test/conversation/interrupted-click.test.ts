/**
 * A crash between a confirmation click and the job being followed: the job Azure did start is found and followed in
 * the thread; a click that never reached Azure is recorded and the thread is told. Nothing is left without a record.
 */
import { pendingKey, recordOutcome, type PendingAction } from '../../src/confirmations/pending';
import { update } from '../../src/state/store';
import { cardOf, startHarness, visibleText, type Harness } from '../support/harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

async function claimedConfirmation(vm: string) {
  const writes = await h.say(`backup ${vm} now`);
  const card = cardOf(writes[writes.length - 1]);
  const { pendingId } = card.actions.find((a: { verb: string }) => a.verb === 'backup.confirm').data;
  // As if the click had claimed it and the process died right after: used, no job id, no error.
  await update<PendingAction>(
    h.app.services.store,
    pendingKey(pendingId),
    (p) => p && { ...p, status: 'used', decidedBy: { id: 'x', name: 'Aiko Sato' }, decidedAt: h.clock.now() },
  );
  return pendingId as string;
}

it('adopts the job Azure started for an interrupted click and follows it to the end', async () => {
  const pendingId = await claimedConfirmation('vm001');
  const pending = (await h.app.services.store.get<PendingAction<any>>(pendingKey(pendingId)))!.value;
  const [vm] = await h.app.services.azure.findVms('vm001');
  await h.app.services.azure.triggerBackup(pending.payload.protection, vm, new Date(h.clock.now() + 7 * 86_400_000));
  h.clock.advance(3 * 60_000);
  await h.tick();
  await h.tick();
  expect((await h.app.services.store.get<PendingAction>(pendingKey(pendingId)))!.value.jobId).toBeDefined();
  const card = h.connector.writes.find((w) => /Backup · vm001/.test(visibleText(cardOf(w))));
  expect(card).toBeDefined();
  h.clock.advance(60_000);
  await h.tick();
  expect(h.connector.writes.some((w) => /Backup of \*\*vm001\*\* completed/.test(w.activity.text ?? ''))).toBe(true);
});

it('records a click that never reached Azure and tells the thread nothing was started', async () => {
  const pendingId = await claimedConfirmation('vm005');
  h.clock.advance(16 * 60_000);
  await h.tick();
  expect((await h.app.services.store.get<PendingAction>(pendingKey(pendingId)))!.value.error).toBe('Interrupted');
  expect(
    h.connector.writes.some((w) =>
      /interrupted by a restart before it reached Azure: nothing was started/.test(w.activity.text ?? ''),
    ),
  ).toBe(true);
  await h.tick();
  expect(h.connector.writes.filter((w) => /interrupted by a restart/.test(w.activity.text ?? ''))).toHaveLength(1);
});

it('a click whose write finished without a job (protection enabled at once) is not reported as interrupted', async () => {
  const pendingId = await claimedConfirmation('vm005');
  await recordOutcome(h.app.services.store, pendingId, {});
  h.clock.advance(16 * 60_000);
  await h.tick();
  expect(h.connector.writes.some((w) => /interrupted by a restart/.test(w.activity.text ?? ''))).toBe(false);
});

it('pending actions closed more than a week ago are removed, so each tick reads only what may still matter', async () => {
  const confirmOf = (writes: { activity: any }[]) =>
    cardOf(writes[writes.length - 1] as never).actions.find((a: { verb: string }) => a.verb === 'backup.confirm').data
      .pendingId as string;
  const old = confirmOf(await h.say('backup vm001 now'));
  await h.click('backup.cancel', { pendingId: old });
  h.clock.advance(8 * 86_400_000);
  const fresh = confirmOf(await h.say('backup vm005 now'));
  await h.tick();
  expect(await h.app.services.store.get(pendingKey(old))).toBeUndefined();
  expect(await h.app.services.store.get(pendingKey(fresh))).toBeDefined();
});
