/** Teams-shaped activities, as Teams sends them to a bot: channel thread with an @mention, or a personal chat. */
import { randomUUID } from 'node:crypto';

export const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const BOT = { id: '28:00000000-0000-0000-0000-00000000b075', name: 'Backup Bot' };

export interface TestUser {
  id: string; // aadObjectId
  name: string;
}

export const users = {
  alice: { id: 'a11ce000-0000-4000-8000-000000000001', name: 'Aiko Sato' }, // operator
  bob: { id: 'b0b00000-0000-4000-8000-000000000002', name: 'Bob Tanaka' }, // approver
  carol: { id: 'ca201000-0000-4000-8000-000000000003', name: 'Carol Ito' }, // neither
  dave: { id: 'da4e0000-0000-4000-8000-000000000004', name: 'Dave Mori' }, // operator and approver
} satisfies Record<string, TestUser>;

export type Where = { kind: 'channel'; thread: string } | { kind: 'personal'; user: TestUser };

export function conversationFor(where: Where) {
  if (where.kind === 'channel') {
    return {
      isGroup: true,
      conversationType: 'channel',
      tenantId: TENANT,
      id: `19:ops@thread.tacv2;messageid=${where.thread}`,
    };
  }
  return { conversationType: 'personal', tenantId: TENANT, id: `a:personal-${where.user.id}` };
}

function base(serviceUrl: string, user: TestUser, where: Where, locale: string) {
  return {
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: `29:${user.id}`, name: user.name, aadObjectId: user.id },
    conversation: conversationFor(where),
    recipient: BOT,
    locale,
    channelData: {
      tenant: { id: TENANT },
      ...(where.kind === 'channel'
        ? {
            teamsChannelId: '19:ops@thread.tacv2',
            teamsTeamId: '19:team@thread.tacv2',
            channel: { id: '19:ops@thread.tacv2' },
            team: { id: '19:team@thread.tacv2' },
          }
        : {}),
    },
  };
}

export function messageActivity(serviceUrl: string, text: string, user: TestUser, where: Where, locale = 'en-US') {
  const mention = `<at>${BOT.name}</at>`;
  const inChannel = where.kind === 'channel';
  return {
    ...base(serviceUrl, user, where, locale),
    type: 'message',
    text: inChannel ? `${mention} ${text}` : text,
    textFormat: 'plain',
    entities: [
      ...(inChannel ? [{ type: 'mention', text: mention, mentioned: BOT }] : []),
      { type: 'clientInfo', locale, country: locale.slice(3), platform: 'Web' },
    ],
  };
}

export function invokeActivity(
  serviceUrl: string,
  verb: string,
  data: Record<string, unknown>,
  user: TestUser,
  where: Where,
  replyToId: string,
  locale = 'en-US',
) {
  return {
    ...base(serviceUrl, user, where, locale),
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId,
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}
