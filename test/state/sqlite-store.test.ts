/** The SQLite backend against the shared store contract, plus what only a file backend does: making its folder. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqliteStore } from '../../src/state/sqlite-store';
import { describeStoreContract } from './store-contract';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'store-contract-'));
let n = 0;
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describeStoreContract('SQLite', () => ({
  fresh: () => path.join(root, `state-${++n}.sqlite`),
  open: (file) => openSqliteStore(file),
}));

it('SQLite: creates the folders STATE_PATH names', async () => {
  const file = path.join(root, 'nested', 'deeper', 'state.sqlite');
  const store = openSqliteStore(file);
  await store.put('job/1', { state: 'InProgress' });
  await store.close();
  expect(fs.existsSync(file)).toBe(true);
});
