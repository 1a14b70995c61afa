/** The SQLite backend against the shared store contract. */
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
