/**
 * The embedded durable store: one SQLite file under STATE_PATH (better-sqlite3, synchronous and atomic per call).
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { PutOptions, StateConflictError, StateStore, Versioned } from './store';

interface Row {
  key: string;
  value: string;
  etag: string;
}

export function openSqliteStore(file: string): StateStore {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // WAL with NORMAL: a commit survives the process crashing (it is in the WAL, synced at checkpoints) without an
  // fsync that would hold up every turn; only a power cut can lose the last commits, never the file's consistency.
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.exec('CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value TEXT NOT NULL, etag TEXT NOT NULL)');
  const select = db.prepare<[string], Row>('SELECT key, value, etag FROM state WHERE key = ?');
  const upsert = db.prepare(
    'INSERT INTO state (key, value, etag) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, etag = excluded.etag',
  );
  const remove = db.prepare('DELETE FROM state WHERE key = ?');
  const byPrefix = db.prepare<[string, string], Row>(
    'SELECT key, value, etag FROM state WHERE key >= ? AND key < ? ORDER BY key',
  );

  const put = db.transaction((key: string, json: string, options: PutOptions): string => {
    const row = select.get(key);
    if (options.ifNoneMatch === '*' && row) throw new StateConflictError(key);
    if (options.ifMatch !== undefined && row?.etag !== options.ifMatch) throw new StateConflictError(key);
    const etag = randomUUID();
    upsert.run(key, json, etag);
    return etag;
  });

  const toVersioned = <T>(row: Row): Versioned<T> => ({
    key: row.key,
    value: JSON.parse(row.value) as T,
    etag: row.etag,
  });

  return {
    async get<T>(key: string) {
      const row = select.get(key);
      return row ? toVersioned<T>(row) : undefined;
    },
    async put<T>(key: string, value: T, options: PutOptions = {}) {
      return put(key, JSON.stringify(value), options);
    },
    async delete(key, options = {}) {
      const row = select.get(key);
      if (options.ifMatch !== undefined && row?.etag !== options.ifMatch) throw new StateConflictError(key);
      remove.run(key);
    },
    async list<T>(prefix: string) {
      return byPrefix.all(prefix, prefix + '\uffff').map((row) => toVersioned<T>(row));
    },
    async close() {
      db.close();
    },
  };
}
