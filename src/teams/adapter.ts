/**
 * The Bot Framework adapter. With an empty MicrosoftAppId it accepts unauthenticated requests (Emulator, Agents
 * Playground); with an app id, requests without a valid Bot Framework token are refused with 401.
 */
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, ConfigurationServiceClientCredentialFactory, type ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import type { Config } from '../config';
import type { Logger } from '../log';
import { messages, pickLocale } from '../i18n';
import { reportError } from '../bot/error-boundary';

export function createAdapter(config: Readonly<Config>, log: Logger, authOverrides: Partial<ConfigurationBotFrameworkAuthenticationOptions> = {}): CloudAdapter {
  const { appId, appPassword, appType, tenantId } = config.bot;
  const options = { MicrosoftAppId: appId, MicrosoftAppTenantId: tenantId, ...authOverrides };
  const credentials = new ConfigurationServiceClientCredentialFactory({
    MicrosoftAppId: appId,
    MicrosoftAppPassword: appPassword,
    MicrosoftAppType: appType,
    MicrosoftAppTenantId: tenantId,
  });
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(options, credentials));
  adapter.onTurnError = async (context, error) => {
    const m = messages(pickLocale(context.activity.locale, context.activity.text));
    const text = reportError(log.child({ activityId: context.activity.id, conversationId: context.activity.conversation?.id }), m, error, 'turn');
    if (context.activity.type === 'message') await context.sendActivity(text).catch(() => undefined);
  };
  return adapter;
}
