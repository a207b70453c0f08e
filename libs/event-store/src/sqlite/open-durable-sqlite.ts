import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { applyPragmas, isInMemory } from './sqlite.schema';

/**
 * A connection with the store's durability settings (WAL, synchronous=FULL, checked):
 * the event store opens its own this way, and so does anything else kept in the same file.
 */
export function openDurableSqlite(filename: string, busyTimeoutMs = 5000): Database.Database {
  if (!isInMemory(filename)) mkdirSync(dirname(resolve(filename)), { recursive: true });
  const db = new Database(filename, { timeout: busyTimeoutMs });
  try {
    applyPragmas(db, filename);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
