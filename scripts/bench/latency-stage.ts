/**
 * Turn latency of the bot against the echo-bot floor, at 10, 100 and 500 conversations, interleaved (echo, bot,
 * echo, bot…) so both see the same machine. Every process is on 127.0.0.1: the simulator (Azure's side, answering
 * with no added latency) and each bot run in their own process; this process drives them and plays the Bot
 * Connector. Judged, as the issue defines the measure ("Azure latency excluded"): `status vmNNN` at 100 conversations,
 * in ten rounds (4,000 turns a side) that alternate with the echo bot's (pooled, so that both sides see the same
 * moments of the machine), each turn's latency less the time it spent in Azure calls. That time is the bot's own: its
 * log line for
 * the turn says how long the turn waited on the Azure port (`azureMs`, the official SDK's request and response
 * handling included), so the judged process is the bot as shipped, uninstrumented. A diagnostic row takes out only
 * the wait on the wire, so the SDK's own work counts as the bot's: a second bot process traced by arm-wait.ts (the
 * tracing slows it a little, so those figures are on the high side). The runs with ARM round trips included show how
 * cost grows; a `help` run (no Azure call: the bot's own path — routing, state, card, reply) is a diagnostic.
 */
import path from 'node:path';
import { startChild, tempDir, type Child } from './child';
import { startBenchConnector } from './connector';
import { ms, percentile, times, type Row } from './stats';
import type { AzureWaits } from './arm-wait';
import { drive, type LoadResult } from './turn-latency';

const LEVELS = [10, 100, 500];
const JUDGED = 100;
const TARGET = 1.3;
const PACE = { turns: 4, intervalMs: 2_000 };
const JUDGED_ROUNDS = 10;
const TRACED_ROUNDS = 3;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Sim = { url: string; ca: string; subscriptionId: string };

function botEnv(sim: Sim, dir: string, name: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PORT: '0',
    STATE_PATH: path.join(dir, `${name}.sqlite`),
    BENCH_SIM_URL: sim.url,
    BENCH_SIM_CA: sim.ca,
    BENCH_SIM_SUBSCRIPTION_ID: sim.subscriptionId,
    BACKUP_OPERATOR_IDS: '',
    BACKUP_APPROVER_IDS: '',
    ...extra,
  };
}

export async function latencyStage(log: (line: string) => void): Promise<Row[]> {
  const dir = tempDir('bench-latency-');
  const connector = await startBenchConnector();
  type Bot = Child<{ url: string }>;
  const cpuMsOf = async (child: Bot) => ((u) => (u.user + u.system) / 1000)(await child.call<NodeJS.CpuUsage>('cpu'));
  /**
   * `rounds` rounds at the judged load, the echo bot's and `other`'s in turn, with each process's CPU time over its
   * own.
   */
  async function alternate(echo: Bot, other: Bot, label: string, rounds: number) {
    const echoes: LoadResult[] = [];
    const bots: LoadResult[] = [];
    const cpuMs = { echo: 0, other: 0 };
    const run = async (child: Bot, side: keyof typeof cpuMs, name: string) => {
      const before = await cpuMsOf(child);
      const result = await drive(child.ready.url, connector, { label: name, conversations: JUDGED, ...PACE });
      cpuMs[side] += (await cpuMsOf(child)) - before;
      return result;
    };
    for (let round = 1; round <= rounds; round++) {
      echoes.push(await run(echo, 'echo', `echo-${label}-${round}`));
      bots.push(await run(other, 'other', `${label}-${round}`));
    }
    return { echoes, bots, cpuMs };
  }
  const sim = await startChild<Sim>('sim-child', {});
  const rows: Row[] = [];
  const show = (name: string, n: number, r: LoadResult) =>
    log(
      `  ${name} ${n} conversations: ${r.turns} turns in ${(r.wallMs / 1000).toFixed(1)} s, p50 ${ms(percentile(r.latencies, 50))}, p99 ${ms(percentile(r.latencies, 99))}, failures ${r.failures}, replies ${r.replies}`,
    );
  try {
    const echo = await startChild<{ url: string }>('echo-bot', {});
    try {
      // The bot's own log: each turn's time in Azure, by activity id.
      const azureMs = new Map<string, number>();
      const readLog = (line: string) => {
        if (!line.includes('"azureMs"')) return;
        const entry = JSON.parse(line) as { activityId?: string; azureMs?: number };
        if (entry.activityId && typeof entry.azureMs === 'number') azureMs.set(entry.activityId, entry.azureMs);
      };
      const bot = await startChild<{ url: string }>('bot-child', botEnv(sim.ready, dir, 'bot'), 30_000, [], readLog);
      try {
        // Warm-up, not measured: a whole round at the judged load for each, so that what is measured is the steady
        // state of a process that has been up a while (the JIT's optimised code, connection pools, the SDK's first
        // calls), not its first minute.
        for (const [name, url] of [
          ['echo', echo.ready.url],
          ['bot', bot.ready.url],
        ] as const) {
          await drive(url, connector, { label: `warm-${name}`, conversations: JUDGED, ...PACE });
        }
        // Judged first, on the freshly warmed process.
        await bot.call('gcPauses');
        const { echoes, bots, cpuMs } = await alternate(echo, bot, 'judged', JUDGED_ROUNDS);
        const r = pooled(bots);
        const excluded = (run: LoadResult) => [...run.byTurn].map(([turn, took]) => took - azureMs.get(turn)!);
        // The last turns' log lines may still be on their way through the pipe.
        for (let waited = 0; waited < 5_000 && [...r.byTurn.keys()].some((turn) => !azureMs.has(turn)); waited += 50)
          await sleep(50);
        const logged = [...r.byTurn.keys()].filter((turn) => azureMs.has(turn)).length;
        if (logged !== r.byTurn.size)
          throw new Error(`the bot logged its time in Azure for ${logged} of ${r.byTurn.size} judged turns`);
        const inAzure = [...r.byTurn.keys()].map((turn) => azureMs.get(turn)!);
        show('echo (judged rounds)', JUDGED, pooled(echoes));
        show('bot status (judged rounds)', JUDGED, r);
        log(
          `  bot status, in Azure per turn (the bot's log): p50 ${ms(percentile(inAzure, 50))}, p99 ${ms(percentile(inAzure, 99))}`,
        );
        log(
          `  CPU per turn (process time over the judged rounds): echo ${ms(cpuMs.echo / pooled(echoes).turns)}, bot status ${ms(cpuMs.other / r.turns)}`,
        );
        const gc = (await bot.call<number[]>('gcPauses')).sort((a, b) => b - a);
        log(
          `  bot's garbage-collection pauses over the judged rounds: ${gc.length}, ${ms(gc.reduce((a, b) => a + b, 0))} in all, longest ${gc.slice(0, 5).map(ms).join(', ')}`,
        );
        log(
          `  judged p99 by round (Azure excluded): bot ${bots.map((b) => ms(percentile(excluded(b), 99))).join(', ')}; echo ${echoes.map((e) => ms(percentile(e.latencies, 99))).join(', ')}`,
        );
        const judgedRows = compare(
          `turn latency p{p}, ${JUDGED} conversations, status vmNNN, Azure latency excluded`,
          true,
          pooled(echoes),
          { ...r, latencies: excluded(r) },
        );

        let echoAtJudged: LoadResult | undefined;
        for (const n of LEVELS) {
          const e = await drive(echo.ready.url, connector, { label: `echo-${n}`, conversations: n, ...PACE });
          const b = await drive(bot.ready.url, connector, { label: `bot-${n}`, conversations: n, ...PACE });
          show('echo', n, e);
          show('bot status', n, b);
          rows.push(
            ...compare(`turn latency p{p}, ${n} conversations, status vmNNN (ARM round trips included)`, false, e, b),
          );
          if (n === JUDGED) echoAtJudged = e;
        }
        const help = await drive(bot.ready.url, connector, {
          label: 'help',
          conversations: JUDGED,
          ...PACE,
          text: () => 'help',
        });
        show('bot help', JUDGED, help);
        rows.push(...compare(`  why: help (no Azure call), ${JUDGED} conversations, p{p}`, false, echoAtJudged!, help));
        rows.push(...judgedRows); // in the table after how it grows, though measured first
      } finally {
        await bot.stop();
      }
      const traced = await startChild<{ url: string }>(
        'bot-child',
        botEnv(sim.ready, dir, 'traced', { BENCH_TRACE_ARM: '1' }),
      );
      try {
        await drive(traced.ready.url, connector, { label: 'warm-traced', conversations: JUDGED, ...PACE });
        await traced.call('armWaits');
        const { echoes, bots } = await alternate(echo, traced, 'traced', TRACED_ROUNDS);
        const waits = await traced.call<Record<string, AzureWaits>>('armWaits');
        const r = pooled(bots);
        const all = Object.values(waits);
        const range = (xs: number[]) => `${Math.min(...xs)}–${Math.max(...xs)}`;
        log(
          `  bot status, traced: p50 ${ms(percentile(r.latencies, 50))}; Azure port calls per turn ${range(all.map((w) => w.portCalls))}, in them p50 ${ms(
            percentile(
              all.map((w) => w.portWaitMs),
              50,
            ),
          )}; ` +
            `ARM requests per turn ${range(all.map((w) => w.armCalls))}, waiting on the wire p50 ${ms(
              percentile(
                all.map((w) => w.armWaitMs),
                50,
              ),
            )}`,
        );
        const wire = [...r.byTurn].map(([turn, took]) => took - (waits[turn]?.armWaitMs ?? 0));
        rows.push(
          ...compare(
            `  why: only the wait on the wire excluded (the SDK's own work counted; traced), p{p}`,
            false,
            pooled(echoes),
            { ...r, latencies: wire },
          ),
        );
      } finally {
        await traced.stop();
      }
    } finally {
      await echo.stop();
    }
    log(`  connector 429s during the latency runs: ${connector.throttledTotal()}`);
  } finally {
    await sim.stop();
    await connector.close();
  }
  return rows;
}

/** Several runs as one sample. */
function pooled(runs: LoadResult[]): LoadResult {
  return {
    latencies: runs.flatMap((r) => r.latencies),
    byTurn: new Map(runs.flatMap((r) => [...r.byTurn])),
    failures: runs.reduce((n, r) => n + r.failures, 0),
    replies: runs.reduce((n, r) => n + r.replies, 0),
    turns: runs.reduce((n, r) => n + r.turns, 0),
    wallMs: runs.reduce((n, r) => n + r.wallMs, 0),
  };
}

function compare(measure: string, judged: boolean, echo: LoadResult, bot: LoadResult): Row[] {
  const complete = (r: LoadResult) => r.failures === 0 && r.replies === r.turns;
  return [50, 99].map((p) => {
    const b = percentile(bot.latencies, p);
    const e = percentile(echo.latencies, p);
    return {
      measure: measure.replace('{p}', String(p)),
      bot: ms(b) + (complete(bot) ? '' : ` (${bot.failures} failed, ${bot.replies}/${bot.turns} replies)`),
      baseline: `echo bot ${ms(e)}` + (complete(echo) ? '' : ` (${echo.failures} failed)`),
      ratio: times(b / e),
      target: judged ? `≤ ${TARGET}× echo` : measure.startsWith(' ') ? '(diagnostic)' : 'growth',
      ok: judged ? b / e <= TARGET && complete(bot) && complete(echo) : undefined,
    };
  });
}
