/**
 * Live card actions obtained the way a person gets them: run a command, read the card Teams would show, and (for
 * multi-step flows) click the step that leads to the next card, filling its inputs as Teams would merge them into
 * `data`. Security tests use these to click a verb with valid server state (a live pendingId or approvalId).
 */
import type { Harness } from './harness';
import { cardOf } from './harness';
import type { TestUser } from './teams';

export interface OfferedAction {
  verb: string;
  /** The action's data with the card's inputs merged in, as Teams sends it. */
  data: Record<string, unknown>;
  /** The activity id of the message holding the card (`replyToId` of the click). */
  activityId: string;
  /** The command or click that produced the card. */
  via: string;
}

/** Commands, in order, whose cards offer every verb; the first card offering a verb wins. */
export const OFFERING_COMMANDS = [
  'backup web01 now',
  'check vm001',
  'check vm004',
  'check vm002',
  'backup vm001 now',
  'protect vm004',
  'restore vm001',
  'grant backup access vm002',
  'ade report',
  'stop backup vm001',
  'resume backup vm001 with GoldPolicy',
];
/** Steps clicked to reach the next card of a flow (they change server state only as the flow does). */
export const FLOW_STEPS = ['grant.submit', 'restore.review', 'change.submit'];
/** Values a person would type into inputs that have no default. */
const TYPED: Record<string, string> = {
  storageAccount: 'stagingstore01',
  reason: 'nightly backups fail',
  comment: 'use the DR vault instead',
  confirmName: 'vm001',
};

function walk(value: unknown, visit: (node: Record<string, unknown>) => void): void {
  if (Array.isArray(value)) return value.forEach((v) => walk(v, visit));
  if (!value || typeof value !== 'object') return;
  visit(value as Record<string, unknown>);
  for (const v of Object.values(value)) walk(v, visit);
}

/** Every Action.Execute of a card, with the card's inputs merged into its data. */
export function actionsOf(card: unknown, activityId: string, via: string): OfferedAction[] {
  const inputs: Record<string, unknown> = {};
  walk(card, (n) => {
    if (typeof n.type === 'string' && n.type.startsWith('Input.') && typeof n.id === 'string')
      inputs[n.id] = n.value ?? TYPED[n.id] ?? '';
  });
  const found: OfferedAction[] = [];
  walk(card, (n) => {
    if (n.type === 'Action.Execute' && typeof n.verb === 'string') {
      const own = (n.data ?? {}) as Record<string, unknown>;
      found.push({ verb: n.verb, data: n.associatedInputs === 'none' ? own : { ...inputs, ...own }, activityId, via });
    }
  });
  return found;
}

/**
 * A fresh, live instance of `verb`, produced by `user` through the real flow (each call starts the flow again, so
 * every caller gets state nobody has used yet). Fails with a sentence naming what to add when no flow offers it.
 */
export async function offer(h: Harness, verb: string, user: TestUser): Promise<OfferedAction> {
  for (const text of OFFERING_COMMANDS) {
    const writes = await h.say(text, { user });
    const offered = writes.flatMap((w) => actionsOf(cardOf(w), w.activityId, text));
    const hit = offered.find((a) => a.verb === verb);
    if (hit) return hit;
    for (const step of offered.filter((a) => FLOW_STEPS.includes(a.verb))) {
      const click = await h.click(step.verb, step.data, { user, replyToId: step.activityId });
      const next = [
        ...(click.body?.value && typeof click.body.value === 'object'
          ? actionsOf(click.body.value, step.activityId, `${text} → ${step.verb}`)
          : []),
        ...click.writes.flatMap((w) => actionsOf(cardOf(w), w.activityId, `${text} → ${step.verb}`)),
      ];
      const after = next.find((a) => a.verb === verb);
      if (after) return after;
    }
  }
  throw new Error(
    `No card offers the verb "${verb}": add the command that shows it to OFFERING_COMMANDS (or the step before it to FLOW_STEPS) in test/support/card-flows.ts.`,
  );
}
