/**
 * The standalone simulator as "any ARM-compatible server": the port knows only its printed URL and the CA file it
 * wrote, nothing of its internals.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAzurePort, simulatorCredential } from '../../src/azure/sdk-port';
import { parseArgs, runStandalone } from '../../src/simulator/main';
import type { Simulator } from '../../src/simulator';

let sim: Simulator;
const lines: string[] = [];
const caOut = join(mkdtempSync(join(tmpdir(), 'sim-')), 'ca.pem');

beforeAll(async () => {
  sim = await runStandalone(parseArgs(['--port', '0', '--ca-out', caOut], {}), (l) => lines.push(l));
});
afterAll(async () => {
  await sim.close();
});

it('prints its URL and writes the CA it serves with', () => {
  expect(lines[0]).toMatch(/^Azure simulator listening on https:\/\/127\.0\.0\.1:\d+$/);
  expect(readFileSync(caOut, 'utf8')).toContain('BEGIN CERTIFICATE');
});

it('serves the port with nothing but that URL and CA file', async () => {
  const url = lines[0].split(' ').pop() as string;
  const subscriptionId = (lines.find((l) => l.includes('subscription')) as string).trim().split(/\s+/).pop() as string;
  const port = createAzurePort({
    subscriptionId,
    endpoint: url,
    credential: simulatorCredential,
    tlsCa: readFileSync(caOut, 'utf8'),
  });
  await expect(port.findVms('web01')).resolves.toHaveLength(2);
});

it('reads the CA path from SIMULATOR_CA_OUT and rejects a bad port', () => {
  expect(parseArgs([], { SIMULATOR_CA_OUT: '/tmp/x.pem' })).toEqual({
    port: 0,
    caOut: '/tmp/x.pem',
    retryAfterSeconds: 60,
  });
  expect(() => parseArgs(['--port', 'abc'], {})).toThrow(/--port/);
});
