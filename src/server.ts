/** The HTTP surface: `POST /api/messages` for Bot Framework and `GET /healthz` for probes. Nothing else. */
import restify from 'restify';
import type { CloudAdapter, TurnContext } from 'botbuilder';

export function createServer(adapter: CloudAdapter, run: (context: TurnContext) => Promise<void>, isReady: () => boolean): restify.Server {
  const server = restify.createServer({ name: 'ade-backup-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 1_000_000 }));
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, run);
  });
  server.get('/healthz', async (_req, res) => {
    res.send(isReady() ? 200 : 503, { status: isReady() ? 'ok' : 'starting' });
  });
  return server;
}
