/**
 * Azurite (local Azure Storage, blob service only) for tests: started from node_modules on 127.0.0.1 with a free
 * port and a fresh temp folder, telemetry off (it would otherwise phone home), stopped by the test.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Azurite's documented development account (public, not a secret). */
const ACCOUNT = 'devstoreaccount1';
const KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface Azurite {
  connectionString: string;
  location: string;
  stop(): Promise<void>;
}

export async function startAzurite(): Promise<Azurite> {
  const location = fs.mkdtempSync(path.join(os.tmpdir(), 'azurite-'));
  const main = require.resolve('azurite/dist/src/blob/main.js');
  const args = [
    '--blobHost',
    '127.0.0.1',
    '--blobPort',
    '0',
    '--location',
    location,
    '--silent',
    '--skipApiVersionCheck',
    '--loose',
    '--disableTelemetry',
  ];
  const child: ChildProcess = spawn(process.execPath, [main, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Azurite did not start within 20 s:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const listening = /successfully listens on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (listening) {
        clearTimeout(timer);
        resolve(Number(listening[1]));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Azurite exited (${code}) before listening:\n${output}`));
    });
  });
  const connectionString = `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${KEY};BlobEndpoint=http://127.0.0.1:${port}/${ACCOUNT};`;
  await waitUntilAnswering(`http://127.0.0.1:${port}/${ACCOUNT}?comp=list`);
  return {
    connectionString,
    location,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 5000)))]);
        clearTimeout(timer);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      fs.rmSync(location, { recursive: true, force: true });
    },
  };
}

async function waitUntilAnswering(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    // Any HTTP answer (even 403 for an unsigned request) means the service is up.
    if (
      await fetch(url).then(
        () => true,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('Azurite does not answer');
}
