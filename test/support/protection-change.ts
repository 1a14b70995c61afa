/**
 * Steps of the critical-operation flows (stop, delete data, resume, undelete) as a person takes them in a thread:
 * ask, send to approvers (or confirm), approve, follow the job — each returning what the bot wrote.
 */
import type { ConnectorWrite } from './fake-connector';
import { cardOf, visibleText, type Harness } from './harness';
import { users, type TestUser } from './teams';

export const action = (card: any, verb: string) => card?.actions?.find((a: { verb: string }) => a.verb === verb);
export const lastCard = (writes: ConnectorWrite[]) => cardOf([...writes].reverse().find((w) => cardOf(w)));
export const said = (writes: ConnectorWrite[]) =>
  writes.map((w) => `${w.activity.text ?? ''}\n${visibleText(cardOf(w))}`).join('\n');
export const clickText = (click: { body: any }) =>
  typeof click.body?.value === 'string' ? click.body.value : visibleText(click.body?.value);

/** Item writes the simulator received: PUT/DELETE of a protected item, and Resource Guard unlocks. */
export function itemWrites(h: Harness, method?: 'PUT' | 'DELETE' | 'POST') {
  return h.simulator.requests.filter(
    (r) =>
      (!method || r.method === method) &&
      (/\/protectedItems\/[^/]+$/i.test(r.path) || /\/unlockDelete$/i.test(r.path)) &&
      r.method !== 'GET',
  );
}

/** Says `text` as `requester`, and sends the request card it shows to the approvers; returns the approval card. */
export async function requestChange(
  h: Harness,
  text: string,
  options: { requester?: TestUser; locale?: string; reason?: string } = {},
) {
  const requester = options.requester ?? users.alice;
  const locale = options.locale ?? 'en-US';
  const writes = await h.say(text, { user: requester, locale });
  const draft = lastCard(writes);
  const submit = action(draft, 'change.submit');
  if (!submit) throw new Error(`no change.submit on the card for "${text}": ${said(writes)}`);
  const submitted = await h.click(
    'change.submit',
    { ...submit.data, reason: options.reason ?? 'VM decommissioned' },
    { user: requester, locale, replyToId: writes[writes.length - 1].activityId },
  );
  const posted = submitted.writes.find((w) => cardOf(w) && action(cardOf(w), 'change.approve'))!;
  return { draft, draftWrites: writes, submitted, posted, approve: action(cardOf(posted), 'change.approve') };
}

/** Runs polling rounds, moving the clock, until `done` says the thread has what it waits for. */
export async function runJobs(h: Harness, done: () => boolean, rounds = 10): Promise<void> {
  for (let i = 0; i < rounds && !done(); i++) {
    h.clock.advance(20_000);
    await h.tick();
  }
}
