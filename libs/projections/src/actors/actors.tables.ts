import type { ProjectionContext } from '../projection';

/**
 * `actor_profiles` holds each actor's view (the doc) with the columns lists filter on;
 * `actor_names` its name and aliases folded for search; `actor_roles` one row per role period,
 * with the epoch milliseconds its start and end can first mean, for reads on a date.
 */
export const ACTOR_TABLES = ['actor_profiles', 'actor_names', 'actor_roles'] as const;

export const createActorTables = (ctx: ProjectionContext): void => {
  ctx.db.exec(`
    CREATE TABLE IF NOT EXISTS ${ctx.table('actor_profiles')} (
      actor_id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      kind TEXT NOT NULL,
      country TEXT,
      represents TEXT,
      doc TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS ${ctx.table('actor_names')} (
      actor_id TEXT NOT NULL,
      folded TEXT NOT NULL,
      PRIMARY KEY (actor_id, folded)
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS ${ctx.table('actor_roles')} (
      actor_id TEXT NOT NULL,
      seq INTEGER NOT NULL,
      title TEXT,
      represents TEXT,
      valid_from TEXT,
      valid_from_precision TEXT,
      valid_from_ms INTEGER,
      valid_until TEXT,
      valid_until_precision TEXT,
      PRIMARY KEY (actor_id, seq)
    ) WITHOUT ROWID;
  `);
};

/** Only lists read by these; a rebuild makes them after the bulk load. */
export const createActorReadIndexes = (ctx: ProjectionContext): void => {
  ctx.db.exec(`
    CREATE INDEX IF NOT EXISTS ${ctx.index('actor_profiles_by_kind')} ON ${ctx.table('actor_profiles')} (kind, actor_id);
    CREATE INDEX IF NOT EXISTS ${ctx.index('actor_profiles_by_country')} ON ${ctx.table('actor_profiles')} (country, actor_id);
  `);
};
