/**
 * The Bot Framework adapter. With an empty MicrosoftAppId it accepts unauthenticated requests (Emulator, Agents
 * Playground); with an app id, requests without a valid Bot Framework token are refused with 401.
 */
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import type { Config } from '../config';
import type { Logger } from '../log';
import { messages, pickLocale } from '../i18n';
import { reportError } from '../core/error-boundary';

type Authenticated = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;
type ConnectorFactory = ReturnType<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;
type ClaimsIdentity = Parameters<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>[0];
type UserTokenClient = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['createUserTokenClient']>>;

/** The client made for `key` the first time, kept; forgotten if making it failed, so the next call tries again. */
function kept<T>(clients: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let client = clients.get(key);
  if (!client) {
    client = make();
    clients.set(key, client);
    client.catch(() => clients.delete(key));
  }
  return client;
}

/**
 * One Bot Connector client per service URL and audience, and one user-token client per app id, for the life of the
 * process, as botbuilder's older BotFrameworkAdapter kept them, instead of new clients (each with its own HTTP pipeline
 * and token cache) for every turn and every proactive message. A client carries only the bot's own credentials, never
 * the caller's.
 */
class ReusingAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly clients = new Map<string, Promise<ConnectorClient>>();
  private readonly tokenClients = new Map<string, Promise<UserTokenClient>>();

  private reusing(factory: ConnectorFactory): ConnectorFactory {
    return {
      create: (serviceUrl: string, audience?: string) =>
        kept(this.clients, `${serviceUrl}\n${audience ?? ''}`, () => factory.create(serviceUrl, audience)),
    };
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<Authenticated> {
    const authenticated = await super.authenticateRequest(activity, authHeader);
    return authenticated.connectorFactory
      ? { ...authenticated, connectorFactory: this.reusing(authenticated.connectorFactory) }
      : authenticated;
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.reusing(super.createConnectorFactory(claimsIdentity));
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    // The app id the client is made for, as botframework-connector reads it: the audience, else the appid claim.
    const appId = claimsIdentity.getClaimValue('aud') ?? claimsIdentity.getClaimValue('appid') ?? '';
    return kept(this.tokenClients, appId, () => super.createUserTokenClient(claimsIdentity));
  }
}

/**
 * Refuses every request that fails authentication with a plain 401 and one warning in our log. Left to itself,
 * CloudAdapter prints each refusal's stack with `console.error`, answers with the validator's own message (which echoes
 * token claims), and answers 500 to forged tokens jsonwebtoken rejects (bad signature, `alg`, `nbf`).
 */
class RefusingAdapter extends CloudAdapter {
  constructor(
    auth: ReusingAuthentication,
    private readonly log: Logger,
  ) {
    super(auth);
  }

  protected override async processActivity(
    auth: string | Authenticated,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    if (typeof auth !== 'string') return super.processActivity(auth, activity, logic);
    let authenticated: Authenticated;
    try {
      authenticated = await this.botFrameworkAuthentication.authenticateRequest(activity, auth);
    } catch (error) {
      this.log.warn('request refused: not authenticated', {
        activityId: activity.id,
        reason: (error as Error)?.message ?? String(error),
      });
      return { status: 401, body: { error: 'Unauthorized' } };
    }
    return super.processActivity(authenticated, activity, logic);
  }
}

/** Bot Framework authentication settings a test replaces (e.g. a loopback OpenID metadata URL). */
export type AuthOverrides = Partial<ConfigurationBotFrameworkAuthenticationOptions>;

export function createAdapter(config: Readonly<Config>, log: Logger, authOverrides: AuthOverrides = {}): CloudAdapter {
  const { appId, appPassword, appType, tenantId } = config.bot;
  const options = { MicrosoftAppId: appId, MicrosoftAppTenantId: tenantId, ...authOverrides };
  const credentials = new ConfigurationServiceClientCredentialFactory({
    MicrosoftAppId: appId,
    MicrosoftAppPassword: appPassword,
    MicrosoftAppType: appType,
    MicrosoftAppTenantId: tenantId,
  });
  const adapter = new RefusingAdapter(new ReusingAuthentication(options, credentials), log);
  adapter.onTurnError = async (context, error) => {
    const m = messages(pickLocale(context.activity.locale, context.activity.text));
    const text = reportError(
      log.child({ activityId: context.activity.id, conversationId: context.activity.conversation?.id }),
      m,
      error,
      'turn',
    );
    if (context.activity.type === 'message') await context.sendActivity(text).catch(() => undefined);
  };
  return adapter;
}
