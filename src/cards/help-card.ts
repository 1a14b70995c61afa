/** Data for `cards/help.json`, generated from the router's command list so help never drifts from what works. */
import type { Command, Services } from '../core/types';
import type { Card } from '../core/poster';
import type { Messages } from '../i18n';
import { renderCard } from './render';

function helpCardData(m: Messages, commands: readonly Command[], services: Services) {
  const roleNote = (list: string[]) =>
    list.length ? m.help.count(list.length) : services.simulated ? m.help.everyone : m.help.nobodyConfigured;
  return {
    title: m.help.title,
    note: services.simulated ? m.common.simulatorNote : '',
    intro: m.help.intro,
    commands: commands.map((c) => ({
      usage: c.describe(m).usage,
      description:
        c.describe(m).description +
        (c.access === 'operator'
          ? ` (${m.help.operatorsOnly})`
          : c.access === 'approver'
            ? ` (${m.help.approversOnly})`
            : ''),
    })),
    roles: m.help.roles(roleNote(services.config.operatorIds), roleNote(services.config.approverIds)),
  };
}

export function helpCard(m: Messages, commands: readonly Command[], services: Services): Card {
  return renderCard('help', helpCardData(m, commands, services));
}
