import Database from 'better-sqlite3';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { applyPragmas, isInMemory } from './sqlite.schema';

/**
 * A connection with the store's durability settings (WAL, synchronous=FULL, checked):
 * the event store opens its own this way, and so does anything else kept in the same file.
 * What it creates is its owner's alone (the file holds key hashes and everything recorded):
 * directories 0700, the file 0600, and SQLite gives its -wal and -shm files the file's mode.
 * Files and directories that exist already keep the mode they have.
 */
export function openDurableSqlite(filename: string, busyTimeoutMs = 5000): Database.Database {
  if (!isInMemory(filename)) createPrivately(resolve(filename));
  const db = new Database(filename, { timeout: busyTimeoutMs });
  try {
    applyPragmas(db, filename);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function createPrivately(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  try {
    // An empty file is an empty database; `wx` leaves one that exists (or that another process just made) alone.
    writeFileSync(path, '', { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}
