import Database from 'better-sqlite3';
import { dumpReadModels } from '../../projections/support/read-model-dump';

/** `PRAGMA integrity_check` on a read-only connection: safe while the server is down or running. */
export function integrityCheck(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return String(db.pragma('integrity_check', { simple: true }));
  } finally {
    db.close();
  }
}

/** Every row of every read-model table, read-only, in a stable order. */
export function readModelRows(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return dumpReadModels(db);
  } finally {
    db.close();
  }
}
