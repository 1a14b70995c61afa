/**
 * The replay server itself: matching, 404 for the unrecorded, header rewriting, ordering — and that an official SDK
 * client (through the port) reads a recorded payload from it. What the bot makes of the payloads is tested elsewhere.
 */
import https from 'node:https';
import { createAzurePort, simulatorCredential } from '../../src/azure/sdk-port';
import type { AzurePort, ProtectionInfo } from '../../src/azure/port';
import { fixtureNames, loadFixture, startReplay, type Fixture, type Replay } from './replay-server';

const SUB = '00000000-0000-0000-0000-000000000000';

function portFor(replay: Replay, subscriptionId = SUB): AzurePort {
  return createAzurePort({
    subscriptionId,
    endpoint: replay.url,
    credential: simulatorCredential,
    tlsCa: replay.ca,
    sleep: async () => undefined,
    retry: { maxRetries: 0, retryDelayInMs: 1, maxRetryDelayInMs: 1 },
    requestTimeoutMs: 5_000,
    defaultPollMs: 0,
  });
}

function raw(
  replay: Replay,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; headers: Record<string, unknown>; json: unknown }> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      `${replay.url}${path}`,
      { method, ca: replay.ca, headers: { 'content-type': 'application/json' } },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, json: text ? JSON.parse(text) : undefined }),
        );
      },
    );
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

/** The protected item of the recorded recovery-point list, as the port names it. */
function placeOf(fixture: Fixture): ProtectionInfo {
  const id = (fixture.response.body as { value: Array<{ id: string }> }).value[0].id;
  const m =
    /^(.*\/vaults\/[^/]+)\/backupFabrics\/Azure\/protectionContainers\/([^/]+)\/protectedItems\/([^/]+)\//i.exec(id)!;
  return { vaultId: m[1], containerName: m[2], protectedItemName: m[3], protectionState: 'Protected' };
}

describe('recorded fixtures', () => {
  it('are well-formed and name their source', () => {
    const names = fixtureNames();
    expect(names.length).toBeGreaterThanOrEqual(20);
    for (const name of names) {
      const f = loadFixture(name);
      expect(f.source.commit).toMatch(/^[0-9a-f]{40}$/);
      expect(['MIT', 'Apache-2.0']).toContain(f.source.licence);
      expect(f.request.url.startsWith('/')).toBe(true);
      expect(typeof f.response.status).toBe('number');
      for (const h of Object.keys(f.response.headers))
        expect(['retry-after', 'azure-asyncoperation', 'location', 'x-ms-request-id']).toContain(h);
    }
  });
});

describe('replay server', () => {
  let replay: Replay | undefined;
  afterEach(async () => {
    await replay?.close();
    replay = undefined;
  });

  it('serves a recorded recovery-point list to the official SDK client through the port', async () => {
    const fixture = loadFixture('backup-recovery-points-list');
    replay = await startReplay([fixture]);
    const points = await portFor(replay).listRecoveryPoints(placeOf(fixture));
    expect(points.map((p) => p.id)).toEqual(
      (fixture.response.body as { value: Array<{ id: string }> }).value.map((v) => v.id),
    );
    expect(replay.requests).toHaveLength(1);
    expect(replay.requests[0]).toMatchObject({ method: 'GET', fixture: 'backup-recovery-points-list' });
    expect(replay.requests[0].path).toMatch(/\/recoveryPoints$/i);
    expect(replay.requests[0].query['api-version']).toBeDefined();
  });

  it('ignores the subscription segment unless strictSubscription is set', async () => {
    const fixture = loadFixture('backup-recovery-points-list');
    const other = '11111111-2222-3333-4444-555555555555';
    const place = placeOf(fixture);
    const elsewhere = { ...place, vaultId: place.vaultId.replace(SUB, other) };

    replay = await startReplay([fixture]);
    await expect(portFor(replay, other).listRecoveryPoints(elsewhere)).resolves.toHaveLength(1);
    await replay.close();

    replay = await startReplay([fixture], { strictSubscription: true });
    await expect(portFor(replay, other).listRecoveryPoints(elsewhere)).rejects.toMatchObject({ statusCode: 404 });
    expect(replay.requests[0].fixture).toBeUndefined();
  });

  it('answers anything unrecorded with 404 NoRecordedInteraction and records it', async () => {
    replay = await startReplay(['backup-vault-get']);
    const res = await raw(
      replay,
      'GET',
      `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/nope?api-version=2024-03-01`,
    );
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({ error: { code: 'NoRecordedInteraction' } });
    expect((res.json as { error: { message: string } }).error.message).toContain('/virtualMachines/nope');
    // Same path, other method: not a match either.
    const put = await raw(replay, 'PUT', loadFixture('backup-vault-get').request.url, { location: 'x' });
    expect(put.status).toBe(404);
    expect(replay.requests.map((r) => [r.method, r.fixture])).toEqual([
      ['GET', undefined],
      ['PUT', undefined],
    ]);
    expect(replay.requests[1].body).toEqual({ location: 'x' });
  });

  it('matches paths case-insensitively, %3B and ; alike, and ignores api-version', async () => {
    const fixture = loadFixture('backup-trigger-202');
    replay = await startReplay([fixture]);
    const decoded = decodeURIComponent(fixture.request.url.split('?')[0]).toLowerCase();
    const res = await raw(replay, 'POST', `${decoded}?api-version=2099-01-01`, {
      properties: { objectType: 'IaasVMBackupRequest' },
    });
    expect(res.status).toBe(202);
    expect(replay.requests[0]).toMatchObject({
      fixture: 'backup-trigger-202',
      body: { properties: { objectType: 'IaasVMBackupRequest' } },
    });
  });

  it('rewrites https://management.azure.com in Location and Azure-AsyncOperation, and keeps the other recorded headers', async () => {
    const fixture = loadFixture('backup-trigger-202-retry-after');
    replay = await startReplay([fixture]);
    const res = await raw(replay, 'POST', fixture.request.url, fixture.request.body);
    expect(res.status).toBe(202);
    expect(res.headers['retry-after']).toBe('60');
    expect(res.headers['x-ms-request-id']).toBe(fixture.response.headers['x-ms-request-id']);
    for (const h of ['location', 'azure-asyncoperation']) {
      expect(String(res.headers[h])).toBe(
        fixture.response.headers[h].replace('https://management.azure.com', replay.url),
      );
    }
  });

  it('compares the query only when asked to, after decoding', async () => {
    const fixture = loadFixture('backup-job-list-inprogress');
    const path = fixture.request.url.split('?')[0];
    replay = await startReplay([fixture], { matchQuery: ['$filter'] });
    expect(
      (await raw(replay, 'GET', `${path}?api-version=2023-06-01&%24filter=status+eq+%27InProgress%27`)).status,
    ).toBe(200);
    expect((await raw(replay, 'GET', `${path}?api-version=2023-06-01&$filter=status eq 'Completed'`)).status).toBe(404);
    await replay.close();

    replay = await startReplay([fixture]);
    expect((await raw(replay, 'GET', `${path}?$filter=status eq 'Completed'`)).status).toBe(200);
  });

  it('serves several matches in order, repeating the last', async () => {
    replay = await startReplay(['backup-operation-status-inprogress-2022', 'backup-operation-status-succeeded-2022']);
    const url = loadFixture('backup-operation-status-inprogress-2022').request.url;
    const statuses: string[] = [];
    for (let i = 0; i < 3; i += 1) statuses.push(((await raw(replay, 'GET', url)).json as { status: string }).status);
    expect(statuses).toEqual(['InProgress', 'Succeeded', 'Succeeded']);
  });

  it('answers 204 and empty-bodied 202s without a body', async () => {
    replay = await startReplay(['backup-refresh-operation-result-204', 'backup-refresh-containers-202']);
    const done = await raw(replay, 'GET', loadFixture('backup-refresh-operation-result-204').request.url);
    expect(done).toMatchObject({ status: 204, json: undefined });
    const refresh = await raw(replay, 'POST', loadFixture('backup-refresh-containers-202').request.url);
    expect(refresh.status).toBe(202);
    expect(refresh.json).toBeUndefined();
    expect(String(refresh.headers['location'])).toMatch(new RegExp(`^${replay.url.replace(/[.]/g, '\\.')}/`));
  });
});
