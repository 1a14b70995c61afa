/**
 * Durable state on Azure Blob Storage, shared by every instance of the bot (App Service scale-out): one JSON blob per
 * key in one container, written and read through botbuilder-azure-blobs `BlobsStorage` (the same blob names a
 * bot's own BlobsStorage state uses), with the container client of @azure/storage-blob for what it cannot express.
 *
 * How BlobsStorage 4.23.3 maps eTags (lib/blobsStorage.js), and what follows:
 * - `read` spreads the blob's JSON into an object and adds `eTag` (the blob's quoted ETag), so values are stored
 *   wrapped as `{ value, writeId }`: a bare number, string or array would not survive the spread.
 * - `write` sends `If-Match` when the item's `eTag` is a string other than `'*'`; no eTag or `'*'` overwrites
 *   (botbuilder's "last write wins"). It turns the 412 (stale eTag, or an eTag on a missing blob) into a plain
 *   Error "… due to eTag conflict", mapped here to `StateConflictError`.
 * - `write` discards the upload response, so the new eTag is read back: when the blob still holds this write's
 *   `writeId`, its eTag is ours; when someone wrote since, our version is gone and an eTag no blob has is returned,
 *   so an `ifMatch` with it fails exactly as the real one would.
 * - `'*'` means "overwrite", never "create only", and `delete` takes no condition: create-only puts
 *   (`If-None-Match: *`), deletes with `ifMatch`, listing by prefix and creating the container go through the
 *   container client.
 */
import { randomUUID } from 'node:crypto';
import { ContainerClient } from '@azure/storage-blob';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { sanitizeBlobKey } from 'botbuilder-azure-blobs/lib/sanitizeBlobKey';
import { StateConflictError, type StateStore, type Versioned } from './store';

export interface BlobStoreOptions {
  /** A storage account connection string (secret: it carries the account key or a SAS). */
  connectionString: string;
  container: string;
}

interface Stored<T> {
  value: T;
  /** Unique per write: tells this write's version from a later one when reading the eTag back. */
  writeId: string;
}

type Read<T> = Stored<T> & { eTag: string };

/** What `list` last downloaded, by key; kept as JSON so callers never share (and mutate) one object. */
interface Cached {
  etag: string;
  value: string;
}

/** Listings give ETags bare, downloads quoted (as HTTP has them). */
const quoted = (etag: string | undefined) => (etag && !etag.startsWith('"') ? `"${etag}"` : (etag ?? ''));

/** Never the ETag of a blob (Azure's are quoted hex numbers). */
const SUPERSEDED = '"superseded"';

/** BlobsStorage's write error for a 412 has no code, only this message. */
const isETagConflict = (error: unknown) => error instanceof Error && /due to eTag conflict/.test(error.message);

const statusOf = (error: unknown) => (error as { statusCode?: number }).statusCode;

/**
 * BlobsStorage names a blob `encodeURIComponent(key)` after dropping empty path segments and cutting at 1,024
 * characters; keys it would change could share a blob with another key, so they are refused instead.
 */
function blobName(key: string): string {
  const name = encodeURIComponent(key);
  if (!key || sanitizeBlobKey(key) !== name)
    throw new Error(`state key "${key.slice(0, 80)}" cannot be stored as a blob (empty path segment or too long)`);
  return name;
}

export function openBlobStore(options: BlobStoreOptions): StateStore {
  const storage = new BlobsStorage(options.connectionString, options.container);
  const container = new ContainerClient(options.connectionString, options.container);
  const seen = new Map<string, Cached>();
  let created: Promise<unknown> | undefined;
  /** Creates the container once (BlobsStorage does so only before its own calls); a failure is retried next time. */
  function ready(): Promise<unknown> {
    created ??= container.createIfNotExists().catch((error: unknown) => {
      created = undefined;
      throw error;
    });
    return created;
  }

  async function read<T>(key: string): Promise<Read<T> | undefined> {
    return (await storage.read([key]))[key] as Read<T> | undefined;
  }

  return {
    async get<T>(key: string) {
      blobName(key);
      const item = await read<T>(key);
      return item && { key, value: item.value, etag: item.eTag };
    },

    async put<T>(key: string, value: T, options: { ifMatch?: string; ifNoneMatch?: '*' } = {}) {
      const name = blobName(key);
      const body: Stored<T> = { value, writeId: randomUUID() };
      if (options.ifNoneMatch === '*') {
        await ready();
        const json = JSON.stringify(body);
        try {
          const created = await container.getBlockBlobClient(name).upload(json, Buffer.byteLength(json), {
            conditions: { ifNoneMatch: '*' },
            blobHTTPHeaders: { blobContentType: 'application/json' },
          });
          return created.etag ?? SUPERSEDED;
        } catch (error) {
          // Azure answers 409 BlobAlreadyExists; 412 is what If-None-Match means in HTTP, accepted too.
          if (statusOf(error) === 409 || statusOf(error) === 412) throw new StateConflictError(key);
          throw error;
        }
      }
      try {
        await storage.write({ [key]: { ...body, eTag: options.ifMatch ?? '*' } });
      } catch (error) {
        if (isETagConflict(error)) throw new StateConflictError(key);
        throw error;
      }
      const back = await read<T>(key);
      return back?.writeId === body.writeId ? back.eTag : SUPERSEDED;
    },

    async delete(key, options = {}) {
      const name = blobName(key);
      if (options.ifMatch === undefined) return storage.delete([key]);
      await ready();
      try {
        await container.deleteBlob(name, { conditions: { ifMatch: options.ifMatch } });
      } catch (error) {
        // 412: changed since; 404: already gone, which no eTag matches (as in the SQLite store).
        if (statusOf(error) === 412 || statusOf(error) === 404) throw new StateConflictError(key);
        throw error;
      }
    },

    async list<T>(prefix: string) {
      await ready();
      const listed: { key: string; etag: string }[] = [];
      for await (const blob of container.listBlobsFlat({ prefix: encodeURIComponent(prefix) })) {
        const key = decodeURIComponent(blob.name);
        if (key.startsWith(prefix)) listed.push({ key, etag: quoted(blob.properties.etag) });
      }
      // Only blobs that changed since this instance last read them are downloaded (finished jobs never are again).
      const stale = listed.filter(({ key, etag }) => seen.get(key)?.etag !== etag).map(({ key }) => key);
      const fresh = stale.length ? await storage.read(stale) : {};
      for (const key of stale) {
        const item = fresh[key] as Read<unknown> | undefined;
        // Deleted between the listing and the read: simply absent from the answer.
        if (item) seen.set(key, { etag: item.eTag, value: JSON.stringify(item.value) });
      }
      const present = new Set(listed.map((l) => l.key));
      for (const key of seen.keys()) if (key.startsWith(prefix) && !present.has(key)) seen.delete(key);
      return listed
        .map(({ key }) => ({ key, cached: seen.get(key) }))
        .filter((entry): entry is { key: string; cached: Cached } => !!entry.cached)
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
        .map(({ key, cached }): Versioned<T> => ({ key, value: JSON.parse(cached.value) as T, etag: cached.etag }));
    },

    async close() {
      // Nothing to release: the clients hold no connection beyond Node's keep-alive agent.
    },
  };
}
