import { ManualClock } from '../../src/clock';
import { silentLogger } from '../../src/log';
import { openSqliteStore } from '../../src/state/sqlite-store';
import { conversationKey } from '../../src/teams/conversations';
import { createMessenger } from '../../src/teams/messenger';
import { DELIVERY_MARGIN_MS } from '../../src/teams/rate-limit';

/** A connector error as botbuilder surfaces it: a status code and response headers. */
function connectorError(statusCode: number, retryAfter?: string) {
  return Object.assign(new Error(`HTTP ${statusCode}`), {
    statusCode,
    response: { headers: { get: (n: string) => (n === 'retry-after' ? retryAfter : undefined) } },
  });
}

async function setup(failures: Error[]) {
  const store = openSqliteStore(':memory:');
  await store.put(conversationKey('c1'), { conversation: { id: 'c1' }, serviceUrl: 'http://127.0.0.1:1' });
  const clock = new ManualClock();
  const sleeps: number[] = [];
  const sent: unknown[] = [];
  const adapter = {
    // Like botbuilder's CloudAdapter: an error thrown by the turn's logic goes to onTurnError and the call resolves.
    continueConversationAsync: async (_id: string, _ref: unknown, logic: (ctx: any) => Promise<void>) => {
      const failure = failures.shift();
      const write = async (a: unknown) => {
        if (failure) throw failure;
        sent.push(a);
        return { id: `m${sent.length}` };
      };
      await logic({ sendActivity: write, updateActivity: write }).catch(() => undefined);
    },
  } as never;
  const sleep = async (ms: number) => {
    sleeps.push(ms);
    clock.advance(ms);
  };
  return { messenger: createMessenger({ adapter, appId: '', store, clock, log: silentLogger, sleep }), sleeps, sent };
}

describe('messenger', () => {
  it('retries 429 after Retry-After, and 502/504/412 with back-off, without losing the message', async () => {
    const { messenger, sleeps, sent } = await setup([
      connectorError(429, '7'),
      connectorError(502),
      connectorError(412),
    ]);
    expect(await messenger.send('c1', { text: 'final' })).toBe('m1');
    expect(sent).toHaveLength(1);
    expect(sleeps[0]).toBe(7000);
    expect(sleeps.slice(1).every((ms) => ms > 0 && ms < 30_000)).toBe(true);
  });

  it('gives up on errors that retrying cannot fix', async () => {
    const { messenger, sent } = await setup([connectorError(403)]);
    await expect(messenger.send('c1', { text: 'x' })).rejects.toThrow('HTTP 403');
    expect(sent).toHaveLength(0);
  });

  it('keeps a thread within 7 writes per second, with room for the network', async () => {
    const { messenger, sleeps } = await setup([]);
    for (let i = 0; i < 8; i++) await messenger.send('c1', { text: String(i) });
    expect(sleeps).toEqual([1000 + DELIVERY_MARGIN_MS]);
  });

  it('during a turn, writes through the turn itself (no stored reference needed), with the same limits and retries', async () => {
    const { messenger, sent, sleeps } = await setup([]);
    const inTurn: unknown[] = [];
    const failures = [connectorError(429, '2')];
    const write = async (a: unknown) => {
      const failure = failures.shift();
      if (failure) throw failure;
      inTurn.push(a);
      return { id: `t${inTurn.length}` };
    };
    const turn = { sendActivity: write, updateActivity: write, activity: { conversation: { id: 'new' } } } as never;
    // 'new' has no stored reference: only the turn can reach it.
    expect(await messenger.send('new', { text: 'hello' }, turn)).toBe('t1');
    await messenger.update('new', 't1', { text: 'edited' }, turn);
    expect(inTurn).toHaveLength(2);
    expect(inTurn[1]).toMatchObject({ id: 't1', conversation: { id: 'new' } });
    expect(sleeps).toEqual([2000]);
    expect(sent).toHaveLength(0);
    await expect(messenger.send('new', { text: 'later' })).rejects.toThrow(/no conversation reference/);
  });
});
