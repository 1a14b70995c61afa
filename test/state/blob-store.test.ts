/**
 * The Azure Blob Storage backend (BlobsStorage + container client) on Azurite, against the shared store contract,
 * plus what is particular to it: its blob layout stays BlobsStorage's, unstorable keys are refused, and the
 * connection string never reaches the logs.
 */
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { openBlobStore } from '../../src/state/blob-store';
import { openStore } from '../../src/state/open-store';
import { ConfigError, loadConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { startAzurite, type Azurite } from '../support/azurite';
import { describeStoreContract } from './store-contract';

let azurite: Azurite;
let n = 0;
beforeAll(async () => {
  azurite = await startAzurite();
}, 30_000);
afterAll(() => azurite?.stop());

describeStoreContract('Azure Blob Storage (Azurite)', () => ({
  fresh: () => `contract-${process.pid}-${++n}`,
  open: (container) => openBlobStore({ connectionString: azurite.connectionString, container }),
}));

describe('Azure Blob Storage state store, particulars', () => {
  it('writes blobs a plain BlobsStorage reads (same names and JSON), and reads what BlobsStorage wrote', async () => {
    const container = `layout-${process.pid}`;
    const store = openBlobStore({ connectionString: azurite.connectionString, container });
    const etag = await store.put('job/abc', { status: 'InProgress' });
    const plain = new BlobsStorage(azurite.connectionString, container);
    const read = await plain.read(['job/abc']);
    expect(read['job/abc']).toMatchObject({ value: { status: 'InProgress' }, eTag: etag });
    await plain.write({ 'job/def': { value: { status: 'Completed' }, writeId: 'x' } });
    expect((await store.list('job/')).map((v) => v.key)).toEqual(['job/abc', 'job/def']);
  });

  it("refuses keys BlobsStorage would map onto another key's blob", async () => {
    const store = openBlobStore({ connectionString: azurite.connectionString, container: `keys-${process.pid}` });
    await expect(store.put('job//a', 1)).rejects.toThrow(/cannot be stored as a blob/);
    await expect(store.put('job/', 1)).rejects.toThrow(/cannot be stored as a blob/);
    await expect(store.get('x'.repeat(1100))).rejects.toThrow(/cannot be stored as a blob/);
  });

  it('STATE_BLOB_CONNECTION_STRING selects the backend; the account key is never logged, nor echoed by config errors', async () => {
    const config = loadConfig({
      STATE_BLOB_CONNECTION_STRING: azurite.connectionString,
      STATE_BLOB_CONTAINER: `cfg-${process.pid}`,
    });
    expect(config.stateBlobContainer).toBe(`cfg-${process.pid}`);
    expect(loadConfig({}).stateBlobContainer).toBe('botstate');
    const lines: string[] = [];
    const log = createLogger((l) => lines.push(l));
    const store = await openStore(config, log);
    await store.put('k', 1);
    expect((await store.get('k'))?.value).toBe(1);
    log.info('config at start', { config, error: new Error(`failed: ${azurite.connectionString}`) });
    const written = lines.join('\n');
    expect(written).toContain('devstoreaccount1');
    expect(written).not.toContain('Eby8vdM02x');
    expect(() => loadConfig({ STATE_BLOB_CONNECTION_STRING: 'AccountKey=Eby8vdM02x-only-a-key' })).toThrow(ConfigError);
    try {
      loadConfig({ STATE_BLOB_CONNECTION_STRING: 'AccountKey=Eby8vdM02x-only-a-key' });
    } catch (error) {
      expect((error as Error).message).toContain('STATE_BLOB_CONNECTION_STRING');
      expect((error as Error).message).not.toContain('Eby8vdM02x');
    }
    expect(() => loadConfig({ STATE_BLOB_CONTAINER: 'Bad_Name' })).toThrow(/STATE_BLOB_CONTAINER/);
  });

  it('gives each process its own instance id, tagged with WEBSITE_INSTANCE_ID when App Service sets it', () => {
    const a = loadConfig({ WEBSITE_INSTANCE_ID: 'a1b2c3d4e5f6a7b8c9d0' });
    const b = loadConfig({ WEBSITE_INSTANCE_ID: 'a1b2c3d4e5f6a7b8c9d0' });
    expect(a.instanceId).toMatch(/^a1b2c3d4e5f6-[0-9a-f]{8}$/);
    expect(a.instanceId).not.toBe(b.instanceId);
  });
});

describe('Azure Blob Storage state store, listing cost', () => {
  it('downloads only blobs that changed since the last listing (finished jobs are not read again every tick)', async () => {
    const store = openBlobStore({ connectionString: azurite.connectionString, container: `cost-${process.pid}` });
    for (const id of ['a', 'b', 'c']) await store.put(`job/${id}`, { id });
    const read = jest.spyOn(BlobsStorage.prototype, 'read');
    try {
      await store.list('job/');
      expect(read.mock.calls.flatMap(([keys]) => keys)).toEqual(['job/a', 'job/b', 'job/c']);
      read.mockClear();
      expect((await store.list('job/')).map((v) => v.value)).toEqual([{ id: 'a' }, { id: 'b' }, { id: 'c' }]);
      expect(read).not.toHaveBeenCalled();
      await store.put('job/b', { id: 'b', done: true });
      read.mockClear();
      expect((await store.list<{ done?: boolean }>('job/')).map((v) => !!v.value.done)).toEqual([false, true, false]);
      expect(read.mock.calls.flatMap(([keys]) => keys)).toEqual(['job/b']);
    } finally {
      read.mockRestore();
    }
  });
});
