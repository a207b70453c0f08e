import type { Database } from 'better-sqlite3';
import { ALL_PROJECTIONS } from '../../../apps/api/src/read-models/projections';

/** Every row of every projection table, in a stable order: two databases' read models compare equal or not. */
export function dumpReadModels(db: Database): Record<string, unknown[]> {
  const dump: Record<string, unknown[]> = {};
  for (const table of ALL_PROJECTIONS.flatMap((projection) => projection.tables)) {
    const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((column) => column.name);
    dump[table] = db.prepare(`SELECT * FROM ${table} ORDER BY ${columns.map((_, index) => index + 1).join(', ')}`).all();
  }
  return dump;
}
