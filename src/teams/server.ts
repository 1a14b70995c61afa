/** The HTTP surface: `POST /api/messages` for Bot Framework and `GET /healthz` for probes. Nothing else. */
import restify from 'restify';
import type { CloudAdapter, TurnContext } from 'botbuilder';

export function createServer(
  adapter: CloudAdapter,
  run: (context: TurnContext) => Promise<void>,
  isReady: () => boolean,
): restify.Server {
  const server = restify.createServer({ name: 'ade-backup-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 1_000_000 }));
  server.post('/api/messages', async (req, res) => {
    // botbuilder throws on a body without a string `type` before its own error handling, which restify turns into a
    // 500 quoting botbuilder's internals. It is a bad request, whoever sent it.
    if (typeof (req.body as { type?: unknown } | undefined)?.type !== 'string') {
      res.send(400, { error: 'BadRequest' });
      return;
    }
    await adapter.process(req, res, run);
  });
  server.get('/healthz', async (_req, res) => {
    res.send(isReady() ? 200 : 503, { status: isReady() ? 'ok' : 'starting' });
  });
  return server;
}
