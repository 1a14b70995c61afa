/**
 * A vault's job list comes in pages (ARM's `nextLink` with `$skipToken`): the port follows every page through the SDK
 * and returns each job once, with the same `$filter` and api-version on every page.
 */
import { SIM_RECOVERY_VAULT_IDS } from '../../src/simulator';
import { type Harness, seen, startHarness } from './sim-harness';

const [PROD] = SIM_RECOVERY_VAULT_IDS as [string];
const WEEK = 7 * 86_400_000;

let paged: Harness;
let whole: Harness;

beforeAll(async () => {
  [paged, whole] = await Promise.all([startHarness({ jobPageSize: 2 }), startHarness()]);
});

afterAll(async () => {
  await Promise.all([paged?.sim.close(), whole?.sim.close()]);
});

describe('job list pages', () => {
  it('reads every page and returns the same jobs as one whole page would', async () => {
    const jobs = await paged.port.listJobs(PROD, new Date(paged.clock.now() - WEEK));
    const expected = await whole.port.listJobs(PROD, new Date(whole.clock.now() - WEEK));
    expect(expected.length).toBeGreaterThan(2);
    expect(jobs.map((j) => [j.entityFriendlyName, j.status, j.startTime.getTime()])).toEqual(
      expected.map((j) => [j.entityFriendlyName, j.status, j.startTime.getTime()]),
    );
    expect(new Set(jobs.map((j) => j.jobId)).size).toBe(jobs.length);

    const gets = seen(paged, 'GET', /backupJobs$/i);
    expect(gets).toHaveLength(Math.ceil(expected.length / 2));
    expect(gets.map((r) => r.query['$skipToken'])).toEqual(gets.map((_, i) => (i === 0 ? undefined : String(2 * i))));
    for (const r of gets) {
      expect(r.query['api-version']).toBe(gets[0]?.query['api-version']);
      expect(r.query['$filter']).toBe(gets[0]?.query['$filter']);
    }
    expect(seen(whole, 'GET', /backupJobs$/i)).toHaveLength(1);
  });
});
