/**
 * Picks the state backend from config: Azure Blob Storage when STATE_BLOB_CONNECTION_STRING is set (several
 * instances share it), else one SQLite file under STATE_PATH (one instance). Only the chosen backend's code is loaded.
 */
import type { Config } from '../config';
import type { Logger } from '../log';
import type { StateStore } from './store';

export async function openStore(config: Readonly<Config>, log: Logger): Promise<StateStore> {
  if (config.stateBlobConnectionString) {
    // The connection string carries the account key: log the account and container only.
    const account =
      /(?:^|;)\s*AccountName=([^;]+)/i.exec(config.stateBlobConnectionString)?.[1] ??
      /(?:^|;)\s*BlobEndpoint=([^;?]+)/i.exec(config.stateBlobConnectionString)?.[1];
    log.info('state in Azure Blob Storage', {
      account,
      container: config.stateBlobContainer,
      instanceId: config.instanceId,
    });
    const { openBlobStore } = await import('./blob-store');
    return openBlobStore({ connectionString: config.stateBlobConnectionString, container: config.stateBlobContainer });
  }
  log.info('state in SQLite', { path: config.statePath, instanceId: config.instanceId });
  const { openSqliteStore } = await import('./sqlite-store');
  return openSqliteStore(config.statePath);
}
