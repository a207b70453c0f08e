import type { Database, Statement } from 'better-sqlite3';
import { Projection, ProjectionContext } from './projection';
import { installReadBudget } from './read-budget';

const SHADOW_SUFFIX = '__shadow';

/** The live tables carry their base names; a rebuild writes `<name>__shadow` until the swap. */
export const shadowTable = (name: string): string => `${name}${SHADOW_SUFFIX}`;

export function projectionContext(db: Database, projection: Projection, target: 'live' | 'shadow', generation: number): ProjectionContext {
  const statements = new Map<string, Statement>();
  installReadBudget(db);
  return {
    db,
    table: (name) => {
      if (!projection.tables.includes(name)) throw new Error(`Projection ${projection.name} does not own a table ${name}`);
      return target === 'live' ? name : shadowTable(name);
    },
    index: (name) => `${name}__g${generation}`,
    statement: (sql) => {
      let statement = statements.get(sql);
      if (!statement) {
        statement = db.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}
