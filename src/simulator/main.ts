/**
 * Runs the simulator on its own, for developers and for pointing any ARM client at it:
 *
 *   node dist/src/simulator/main.js [--port 8443] [--ca-out ./sim-ca.pem] [--retry-after 0]
 *
 * It prints its URL and the demo identities, and writes the certificate clients must trust to `--ca-out` (or the
 * file named by SIMULATOR_CA_OUT). This is a developer tool, not the bot, so it reads its two variables here rather
 * than through src/config.ts. Job timings are the demo defaults on the system clock.
 */
import { writeFileSync } from 'node:fs';
import {
  SIM_BACKUP_MANAGEMENT_OBJECT_ID,
  SIM_RECOVERY_VAULT_IDS,
  SIM_TENANT_ID,
  type Simulator,
  startSimulator,
} from './index';
import { AZURE_RETRY_AFTER_SECONDS } from './types';

export interface StandaloneOptions {
  port: number;
  caOut?: string;
  retryAfterSeconds: number;
}

export function parseArgs(argv: string[], env: Record<string, string | undefined>): StandaloneOptions {
  const value = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const int = (flag: string, fallback: number): number => {
    const raw = value(flag);
    const n = raw === undefined ? fallback : Number(raw);
    if (!Number.isInteger(n) || n < 0 || n > 65535)
      throw new Error(`${flag} must be a whole number from 0 to 65535, got ${JSON.stringify(raw)}`);
    return n;
  };
  return {
    port: int('--port', 0),
    caOut: value('--ca-out') ?? env.SIMULATOR_CA_OUT,
    retryAfterSeconds: int('--retry-after', AZURE_RETRY_AFTER_SECONDS),
  };
}

export async function runStandalone(options: StandaloneOptions, print: (line: string) => void): Promise<Simulator> {
  const sim = await startSimulator({ port: options.port, retryAfterSeconds: options.retryAfterSeconds });
  if (options.caOut) writeFileSync(options.caOut, sim.ca);
  print(`Azure simulator listening on ${sim.url}`);
  print(`  subscription        ${sim.subscriptionId}`);
  print(`  tenant              ${SIM_TENANT_ID}`);
  print(`  Backup Mgmt Service ${SIM_BACKUP_MANAGEMENT_OBJECT_ID}`);
  print(`  recovery vaults     ${SIM_RECOVERY_VAULT_IDS.join(',')}`);
  print(
    options.caOut
      ? `  CA certificate      ${options.caOut}`
      : '  CA certificate      (pass --ca-out <file> to write it)',
  );
  return sim;
}

if (require.main === module) {
  runStandalone(parseArgs(process.argv.slice(2), process.env), (line) => console.log(line))
    .then((sim) => {
      const stop = () => void sim.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    })
    .catch((e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    });
}
