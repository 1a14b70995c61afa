/** Questions tests ask about what bot processes wrote to the thread (the fake connector's writes). */
import type { ConnectorWrite } from './fake-connector';
import { cardOf, visibleText } from './harness';

/** The action with `verb` on the card of a write, if any. */
export const actionOf = (w: ConnectorWrite | undefined, verb: string) =>
  cardOf(w)?.actions?.find((x: { verb: string }) => x.verb === verb);

/** New messages (not updates) whose card's visible text matches `title`. */
export const cardSends = (writes: ConnectorWrite[], title: RegExp) =>
  writes.filter((w) => w.kind === 'send' && title.test(visibleText(cardOf(w))));

/** Final job messages ("… of **vm** completed / failed …") for one VM. */
export const finals = (writes: ConnectorWrite[], vm: string) =>
  writes.filter(
    (w) => w.kind === 'send' && new RegExp(`\\*\\*${vm}\\*\\* (completed|failed)`, 'i').test(w.activity.text ?? ''),
  );

/** Messages saying the grant on `keyVault` was applied. */
export const grantNotices = (writes: ConnectorWrite[], keyVault: string) =>
  writes.filter((w) => w.kind === 'send' && (w.activity.text ?? '').includes(`can now read Key Vault **${keyVault}**`));
