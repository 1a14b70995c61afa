/** A turn's time in Azure: calls through the timed view, overlapping ones counted once, failures included. */
import type { AzurePort } from '../../src/azure/port';
import { timedPort } from '../../src/azure/timed-port';

function setup() {
  let t = 0;
  const pending: { resolve(v: unknown): void; reject(e: unknown): void }[] = [];
  const port = {
    label: 'not a method',
    getVm: () => new Promise((resolve, reject) => pending.push({ resolve, reject })),
    listJobs: () => new Promise((resolve, reject) => pending.push({ resolve, reject })),
    findVms: () => {
      throw new Error('bad name');
    },
  } as unknown as AzurePort;
  const timed = timedPort(port, () => t);
  return { timed, pending, at: (ms: number) => (t = ms) };
}

const flush = () => new Promise((r) => setImmediate(r));

describe('timedPort', () => {
  it('counts overlapping calls once and adds separate ones', async () => {
    const { timed, pending, at } = setup();
    at(100);
    const a = timed.port.getVm({} as never);
    at(110);
    const b = timed.port.listJobs('v', new Date());
    at(130);
    pending[0].resolve('vm');
    await flush();
    at(150);
    pending[1].resolve([]);
    await Promise.all([a, b]);
    expect(timed.spent()).toEqual({ ms: 50, calls: 2 });

    at(200);
    const c = timed.port.getVm({} as never);
    at(205);
    expect(timed.spent()).toEqual({ ms: 55, calls: 3 }); // a call still open counts up to now
    pending[2].resolve('vm');
    await c;
    at(300);
    expect(timed.spent()).toEqual({ ms: 55, calls: 3 });
  });

  it('passes answers and errors through unchanged, and times failed calls too', async () => {
    const { timed, pending, at } = setup();
    at(0);
    const failed = timed.port.getVm({} as never);
    at(7);
    const error = new Error('AuthorizationFailed');
    pending[0].reject(error);
    await expect(failed).rejects.toBe(error);
    await expect(timed.port.findVms('x')).rejects.toThrow('bad name'); // a synchronous throw becomes a rejection
    expect((timed.port as unknown as { label: string }).label).toBe('not a method');
    at(9);
    const ok = timed.port.listJobs('v', new Date());
    pending[1].resolve(['job']);
    await expect(ok).resolves.toEqual(['job']);
    expect(timed.spent()).toEqual({ ms: 7, calls: 3 });
  });
});
