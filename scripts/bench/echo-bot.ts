/**
 * The floor for turn latency: the smallest Bot Framework bot — CloudAdapter, restify, an ActivityHandler that
 * replies with the text it got — unauthenticated like the bot under test (empty MicrosoftAppId), on 127.0.0.1.
 */
import {
  ActivityHandler,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
} from 'botbuilder';
import restify from 'restify';
import { serveParent } from './child';

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(context.activity.text ?? '');
      await next();
    });
  }
}

const credentials = new ConfigurationServiceClientCredentialFactory({
  MicrosoftAppId: '',
  MicrosoftAppPassword: '',
  MicrosoftAppType: 'MultiTenant',
  MicrosoftAppTenantId: '',
});
const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '' }, credentials));
const bot = new EchoBot();
const server = restify.createServer({ handleUncaughtExceptions: false });
server.use(restify.plugins.bodyParser({ maxBodySize: 1_000_000 }));
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, (context) => bot.run(context));
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  serveParent(
    { url: `http://127.0.0.1:${port}` },
    { memory: () => process.memoryUsage(), cpu: () => process.cpuUsage() },
    async () => void server.close(),
  );
});
