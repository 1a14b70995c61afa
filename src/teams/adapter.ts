/**
 * The Bot Framework adapter. With an empty MicrosoftAppId it accepts unauthenticated requests (Emulator, Agents
 * Playground); with an app id, requests without a valid Bot Framework token are refused with 401.
 */
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, ConfigurationServiceClientCredentialFactory, type Activity, type ConfigurationBotFrameworkAuthenticationOptions, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { Config } from '../config';
import type { Logger } from '../log';
import { messages, pickLocale } from '../i18n';
import { reportError } from '../bot/error-boundary';

type Authenticated = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;

/**
 * Refuses every request that fails authentication with a plain 401 and one warning in our log. Left to itself,
 * CloudAdapter prints each refusal's stack with `console.error`, answers with the validator's own message (which echoes
 * token claims), and answers 500 to forged tokens jsonwebtoken rejects (bad signature, `alg`, `nbf`).
 */
class RefusingAdapter extends CloudAdapter {
  constructor(
    auth: ConfigurationBotFrameworkAuthentication,
    private readonly log: Logger,
  ) {
    super(auth);
  }

  protected override async processActivity(auth: string | Authenticated, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    if (typeof auth !== 'string') return super.processActivity(auth, activity, logic);
    let authenticated: Authenticated;
    try {
      authenticated = await this.botFrameworkAuthentication.authenticateRequest(activity, auth);
    } catch (error) {
      this.log.warn('request refused: not authenticated', { activityId: activity.id, reason: (error as Error)?.message ?? String(error) });
      return { status: 401, body: { error: 'Unauthorized' } };
    }
    return super.processActivity(authenticated, activity, logic);
  }
}

export function createAdapter(config: Readonly<Config>, log: Logger, authOverrides: Partial<ConfigurationBotFrameworkAuthenticationOptions> = {}): CloudAdapter {
  const { appId, appPassword, appType, tenantId } = config.bot;
  const options = { MicrosoftAppId: appId, MicrosoftAppTenantId: tenantId, ...authOverrides };
  const credentials = new ConfigurationServiceClientCredentialFactory({
    MicrosoftAppId: appId,
    MicrosoftAppPassword: appPassword,
    MicrosoftAppType: appType,
    MicrosoftAppTenantId: tenantId,
  });
  const adapter = new RefusingAdapter(new ConfigurationBotFrameworkAuthentication(options, credentials), log);
  adapter.onTurnError = async (context, error) => {
    const m = messages(pickLocale(context.activity.locale, context.activity.text));
    const text = reportError(log.child({ activityId: context.activity.id, conversationId: context.activity.conversation?.id }), m, error, 'turn');
    if (context.activity.type === 'message') await context.sendActivity(text).catch(() => undefined);
  };
  return adapter;
}
