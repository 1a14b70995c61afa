/**
 * Starts the Microsoft 365 Agents Playground as `npm run playground` does (through `playground/start.cjs`, so it
 * listens on 127.0.0.1 only), with one person's config file, on a free loopback port, and stops it again.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const LAUNCHER = path.join(ROOT, 'playground', 'start.cjs');

export interface Playground {
  /** `http://127.0.0.1:PORT`: the web client, and the Bot Connector the bot answers (`/_connector`). */
  url: string;
  /** Everything the process wrote, for the failure message. */
  output(): string;
  close(): Promise<void>;
}

/** A port the OS considers free now (the Playground takes a port number, not 0, when it must be known in advance). */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * `configFile`: a `.m365agentsplayground.yml` (who is at the keyboard, the team, the chats). `logFile`: where the
 * Playground writes its own log.
 */
export async function startPlayground(options: {
  botEndpoint: string;
  configFile: string;
  logFile: string;
  timeoutMs?: number;
}): Promise<Playground> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const args = [
    LAUNCHER,
    '--app-endpoint',
    options.botEndpoint,
    '--channel-id',
    'msteams',
    '--port',
    String(port),
    '--service-url',
    `${url}/_connector`,
  ];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: options.configFile,
      M365_AGENTS_PLAYGROUND_LOGFILE: options.logFile,
      TEAMSAPPTESTER_BROWSER: 'none',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const playground: Playground = { url, output: () => output, close: () => stop(child) };

  const started = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), options.timeoutMs ?? 20_000);
    const check = () => {
      if (new RegExp(`Listening on ${port}\\b`).test(output)) {
        clearTimeout(timer);
        resolve(true);
      }
    };
    child.stdout.on('data', check);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(false);
    });
  });
  if (!started) {
    await stop(child);
    throw new Error(`the Playground did not start on ${url} (${options.configFile}):\n${output}`);
  }
  return playground;
}
