/**
 * Card click acknowledged while Azure is slow: confirmation cards are made through the real `backup vm001 now` flow
 * (ARM at full speed), then the simulator is told to answer every ARM call in 10 s and all the "Back up now" clicks
 * (`adaptiveCard/action`, verb `backup.confirm`) arrive at once. Measured: the HTTP time of each invoke, i.e. until
 * Teams would have the "starting" card. The bot, the simulator and the connector share this process.
 */
import path from 'node:path';
import { Verbs } from '../../src/actions/verbs';
import { startApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { startSimulator } from '../../src/simulator';
import { invokeActivity, messageActivity, users, type Where } from '../../test/support/teams';
import { tempDir } from './child';
import { startBenchConnector } from './connector';
import { ms, percentile, type Row } from './stats';

const CLICKS = 50;
const ARM_LATENCY_MS = 10_000;

export async function clickStage(log: (line: string) => void): Promise<Row[]> {
  const dir = tempDir('bench-click-');
  const sim = await startSimulator({ retryAfterSeconds: 0 });
  const connector = await startBenchConnector();
  const config = loadConfig({ PORT: '0', STATE_PATH: path.join(dir, 'state.sqlite') });
  const app = await startApp({
    config,
    simulator: sim,
    host: '127.0.0.1',
    autoPoll: false,
    log: createLogger(() => undefined),
  });
  const post = async (activity: object) => {
    const started = performance.now();
    const res = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    const body = await res.text();
    return { status: res.status, body, ms: performance.now() - started };
  };
  try {
    const where = (i: number): Where => ({ kind: 'channel', thread: `click-${i}` });
    const cards: { pendingId: string; activityId: string }[] = [];
    for (let i = 0; i < CLICKS; i++) {
      const before = connector.writes.length;
      await post(messageActivity(connector.url, 'backup vm001 now', users.alice, where(i)));
      const card = connector.writes.slice(before).find((w) => w.body.includes(Verbs.backupConfirm));
      const pendingId = /"pendingId":"([0-9a-f-]{36})"/.exec(card?.body ?? '')?.[1];
      if (!card || !pendingId) throw new Error(`no confirmation card for click ${i}`);
      cards.push({ pendingId, activityId: card.activityId });
    }
    const retainUntil = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    sim.faults.add({ path: /.*/, latencyMs: ARM_LATENCY_MS, times: 1_000_000 });
    const armBefore = sim.requests.length;
    const clicked = performance.now();
    const answers = await Promise.all(
      cards.map((c, i) =>
        post(
          invokeActivity(
            connector.url,
            Verbs.backupConfirm,
            { pendingId: c.pendingId, retainUntil },
            users.alice,
            where(i),
            c.activityId,
          ),
        ),
      ),
    );
    sim.faults.clear(); // requests already held keep their 10 s; the ones after are answered at once again
    const ok = answers.filter((a) => a.status === 200 && a.body.includes('AdaptiveCard')).length;
    const latencies = answers.map((a) => a.ms);
    log(
      `  ${CLICKS} clicks at once: ${ok} answered with a card; p50 ${ms(percentile(latencies, 50))}, p99 ${ms(percentile(latencies, 99))}, max ${ms(Math.max(...latencies))}`,
    );
    await app.idle();
    const since = connector.writes.filter((w) => w.wallMs > clicked).length;
    log(
      `  the work behind them (trigger, job card) finished ${((performance.now() - clicked) / 1000).toFixed(1)} s after the clicks: ${sim.requests.length - armBefore} ARM calls, those sent during the clicks held ${ARM_LATENCY_MS / 1000} s; ${since} thread writes`,
    );
    const p99 = percentile(latencies, 99);
    return [
      {
        measure: `card click acknowledged p99 (${CLICKS} clicks at once, ARM answering in 10 s)`,
        bot: `${ms(p99)} (p50 ${ms(percentile(latencies, 50))})`,
        baseline: '—',
        ratio: '',
        target: '≤ 1000 ms',
        ok: p99 <= 1_000 && ok === CLICKS,
      },
    ];
  } finally {
    sim.faults.clear();
    await app.close();
    await sim.close();
    await connector.close();
  }
}
