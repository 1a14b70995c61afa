/** Our `Outgoing` message as a Bot Framework activity, and card-click answers as invoke responses. */
import { ActivityTypes, CardFactory, type AdaptiveCardInvokeResponse } from 'botbuilder';
import type { Activity } from 'botbuilder';
import type { ActionResult } from '../core/types';
import type { Outgoing } from '../core/poster';

export function toActivity(message: Outgoing): Partial<Activity> {
  const mentions = message.mentions ?? [];
  const mentionText = mentions.map((m) => `<at>${m.name}</at>`).join(' ');
  const text = [message.text, mentionText].filter(Boolean).join('\n\n') || undefined;
  return {
    type: ActivityTypes.Message,
    text,
    textFormat: text ? 'markdown' : undefined,
    attachments: message.card ? [CardFactory.adaptiveCard(message.card)] : undefined,
    entities: mentions.length
      ? mentions.map((m) => ({ type: 'mention', text: `<at>${m.name}</at>`, mentioned: { id: m.id, name: m.name } }))
      : undefined,
  };
}

export function toInvokeResponse(result: ActionResult): AdaptiveCardInvokeResponse {
  if ('card' in result) return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: result.card };
  return {
    statusCode: 200,
    type: 'application/vnd.microsoft.activity.message',
    value: result.text as unknown as Record<string, unknown>,
  };
}
