/**
 * One bot process for the scale-out and crash tests: configured from its environment exactly as in production
 * (PORT, STATE_*, JOB_POLL_INTERVAL_SECONDS, roles), and using the Azure simulator that runs in the test process,
 * reached through SIMULATOR_URL / SIMULATOR_CA / SIMULATOR_SUBSCRIPTION_ID. Prints one `BOT_READY {json}` line.
 * Run with `node --import tsx test/support/bot-process.ts`.
 */
import { startApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { remoteSimulator } from './remote-simulator';

async function main(): Promise<void> {
  const config = loadConfig();
  const simulator = remoteSimulator({
    url: process.env.SIMULATOR_URL ?? '',
    ca: process.env.SIMULATOR_CA ?? '',
    subscriptionId: process.env.SIMULATOR_SUBSCRIPTION_ID ?? '',
  });
  const app = await startApp({ config, simulator, host: '127.0.0.1' });
  process.stdout.write(
    `BOT_READY ${JSON.stringify({ url: app.url, instanceId: config.instanceId, pid: process.pid })}\n`,
  );
  process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

main().catch((error) => {
  process.stderr.write(`bot process failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
