/**
 * The adapter keeps one Bot Connector client per service URL (and one user-token client) for the process, instead of
 * new ones per turn.
 */
import type { CloudAdapter, ConversationReference } from 'botbuilder';
import { loadConfig } from '../../src/config';
import { silentLogger } from '../../src/log';
import { createAdapter } from '../../src/teams/adapter';

const reference = (serviceUrl: string, id: string): Partial<ConversationReference> => ({
  serviceUrl,
  channelId: 'msteams',
  conversation: { id } as never,
  bot: { id: 'bot', name: 'bot' },
});

async function clientOf(
  adapter: CloudAdapter,
  ref: Partial<ConversationReference>,
  key: symbol = adapter.ConnectorClientKey,
): Promise<unknown> {
  let client: unknown;
  await adapter.continueConversationAsync('', ref, async (context) => {
    client = context.turnState.get(key);
  });
  return client;
}

describe('adapter', () => {
  it('reuses the connector client of a service URL across turns and conversations, and keeps service URLs apart', async () => {
    const adapter = createAdapter(loadConfig({}), silentLogger);
    const first = await clientOf(adapter, reference('https://smba.trafficmanager.net/amer/', 'c1'));
    const again = await clientOf(adapter, reference('https://smba.trafficmanager.net/amer/', 'c2'));
    const other = await clientOf(adapter, reference('https://smba.trafficmanager.net/emea/', 'c1'));
    expect(first).toBeDefined();
    expect(again).toBe(first);
    expect(other).not.toBe(first);
  });

  it('reuses the user-token client across turns', async () => {
    const adapter = createAdapter(loadConfig({}), silentLogger);
    const first = await clientOf(
      adapter,
      reference('https://smba.trafficmanager.net/amer/', 'c1'),
      adapter.UserTokenClientKey,
    );
    const again = await clientOf(
      adapter,
      reference('https://smba.trafficmanager.net/emea/', 'c2'),
      adapter.UserTokenClientKey,
    );
    expect(first).toBeDefined();
    expect(again).toBe(first);
  });
});
