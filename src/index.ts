/** Entry point: parse config, start the app, stop cleanly. Everything else is wired in `app.ts`. */
import { startApp } from './app';
import { ConfigError, loadConfig, loadDotEnv } from './config';
import { createLogger } from './log';

async function main(): Promise<void> {
  const log = createLogger();
  let config;
  try {
    loadDotEnv();
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const app = await startApp({ config, log });
  if (!config.bot.appId) {
    const endpoint = `${app.url}/api/messages`;
    const command = endpoint.endsWith(':3978/api/messages')
      ? 'npm run playground'
      : `node playground/start.cjs -e ${endpoint} -c msteams`;
    log.info(
      `local mode (no MicrosoftAppId): to chat in a local Teams client, run "${command}" in another terminal, then open http://127.0.0.1:56150`,
      { endpoint },
    );
  }
  const stop = async () => {
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

void main();
