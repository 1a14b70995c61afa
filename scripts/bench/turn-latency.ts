/**
 * Turn latency under load: N conversations (channel threads) at once, each sending `status vmNNN` (a protected demo
 * VM: 5 ARM reads, one card) at a person's pace — one message every `intervalMs`, never before the previous answer —
 * to a bot's `/api/messages`, all from one HTTP client (fetch), Teams-shaped activities with an @mention.
 * A turn ends when the POST completes: CloudAdapter answers after the turn's logic has run, and both bots await
 * their reply at the connector inside the turn; the bench checks that every reply arrived.
 */
import { messageActivity, users } from '../../test/support/teams';
import type { BenchConnector } from './connector';

export interface LoadResult {
  latencies: number[];
  /** Latency by turn: the activity's id, which each POST also carries as its `x-bench-turn` header. */
  byTurn: Map<string, number>;
  failures: number;
  replies: number;
  turns: number;
  wallMs: number;
}

const VMS = ['vm001', 'vm002', 'vm005', 'vm006'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function drive(
  botUrl: string,
  connector: BenchConnector,
  options: {
    label: string;
    conversations: number;
    turns: number;
    intervalMs: number;
    text?: (conversation: number) => string;
  },
): Promise<LoadResult> {
  const { conversations, turns, intervalMs } = options;
  const ids = new Set<string>();
  const latencies: number[] = [];
  const byTurn = new Map<string, number>();
  let failures = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: conversations }, async (_, c) => {
      const where = { kind: 'channel' as const, thread: `${options.label}-${c}` };
      for (let k = 0; k < turns; k++) {
        const due = start + (c / conversations) * intervalMs + k * intervalMs;
        const wait = due - performance.now();
        if (wait > 0) await sleep(wait);
        const activity = messageActivity(
          connector.url,
          options.text?.(c) ?? `status ${VMS[c % VMS.length]}`,
          users.alice,
          where,
        );
        ids.add(activity.conversation.id);
        const turn = activity.id;
        const sent = performance.now();
        try {
          const res = await fetch(`${botUrl}/api/messages`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-bench-turn': turn },
            body: JSON.stringify(activity),
          });
          await res.arrayBuffer();
          const took = performance.now() - sent;
          if (res.status >= 300) failures++;
          else {
            latencies.push(took);
            byTurn.set(turn, took);
          }
        } catch {
          failures++;
        }
      }
    }),
  );
  const replies = connector.writes.filter((w) => ids.has(w.conversationId)).length;
  return { latencies, byTurn, failures, replies, turns: conversations * turns, wallMs: performance.now() - start };
}
