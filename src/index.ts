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
  const stop = async () => {
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
