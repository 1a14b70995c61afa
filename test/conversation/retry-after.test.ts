/**
 * Azure Backup answers every write with 202 and `Retry-After: 60`. With that real value (not the tests' fast 0), and
 * real waits between operation polls, the click is still answered at once and the job card still appears within
 * seconds: the bot asks for the job at once and then every 5 s at most, as azure-cli does.
 */
import { cardOf, startHarness, visibleText, type Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  // The Azure port waits for real here (only the messenger's waits are instant in the harness).
  h = await startHarness({ simulator: { retryAfterSeconds: 60 } });
});
afterAll(() => h.close());

it('answers the click at once and posts the job card within seconds, though Azure says Retry-After: 60', async () => {
  const writes = await h.say('backup vm001 now');
  const confirm = cardOf(writes[writes.length - 1]).actions.find((a: { verb: string }) => a.verb === 'backup.confirm');
  const started = Date.now();
  const click = await h.click('backup.confirm', confirm.data, { replyToId: 'confirm-card' });
  const tookMs = Date.now() - started;

  const trigger = h.simulator.requests.find((r) => r.method === 'POST' && /\/backup$/i.test(r.path));
  expect(trigger).toBeDefined();
  expect(click.status).toBe(200);
  expect(click.answeredMs).toBeLessThan(1_000);
  expect(visibleText(click.body.value)).toContain('Backup of vm001 is starting');

  const jobCard = h.connector.writes.find((w) => w.kind === 'send' && /Backup · vm001/.test(visibleText(cardOf(w))));
  expect(visibleText(cardOf(jobCard))).toContain('In progress');
  // The simulator answers the first status poll "InProgress" with Retry-After: 60; the bot asked again 5 s later.
  const polls = h.simulator.requests.filter((r) => r.method === 'GET' && /\/backupOperations\//i.test(r.path));
  expect(polls).toHaveLength(2);
  expect(tookMs).toBeGreaterThanOrEqual(4_500);
  expect(tookMs).toBeLessThan(15_000);
}, 30_000);
