import type { ProjectionContext } from '../projection';

/** The tables the talks projection owns; a rebuild replaces exactly these. */
export const TALKS_TABLES = ['talks_claims', 'talks_claim_actors', 'talks_claim_countries', 'releases', 'talks_status'] as const;

/**
 * Positions are $all positions (bound as BigInt, up to 2^63); `occurred_from` is the first
 * millisecond the claim's date can mean at its precision, so a month sorts at its first day.
 * Actors, countries and releases are derived rows: kept for live claims only.
 */
export const createTalksTables = (ctx: ProjectionContext): void => {
  const [claims, actors, countries, releases, status] = TALKS_TABLES.map((name) => ctx.table(name));
  ctx.db.exec(`
    CREATE TABLE IF NOT EXISTS ${claims} (
      event_id TEXT PRIMARY KEY,
      talks_id TEXT NOT NULL,
      type TEXT NOT NULL,
      revision INTEGER NOT NULL,
      position INTEGER NOT NULL,
      recorded_at TEXT NOT NULL,
      occurred_at TEXT NOT NULL,
      precision TEXT NOT NULL,
      occurred_from INTEGER NOT NULL,
      confidence TEXT NOT NULL,
      confidence_rank INTEGER NOT NULL,
      data TEXT NOT NULL,
      corrected INTEGER NOT NULL DEFAULT 0,
      retracted INTEGER NOT NULL DEFAULT 0,
      summary TEXT NOT NULL,
      cameo TEXT,
      plover TEXT
    );
    CREATE INDEX IF NOT EXISTS ${ctx.index('talks_claims_by_track')} ON ${claims} (talks_id, position);
    CREATE INDEX IF NOT EXISTS ${ctx.index('talks_claims_by_date')} ON ${claims} (occurred_from, position);
    CREATE INDEX IF NOT EXISTS ${ctx.index('talks_claims_by_type')} ON ${claims} (type);

    CREATE TABLE IF NOT EXISTS ${actors} (
      event_id TEXT NOT NULL,
      actor_id TEXT NOT NULL,
      role TEXT NOT NULL,
      talks_id TEXT NOT NULL,
      PRIMARY KEY (event_id, actor_id, role)
    );
    CREATE INDEX IF NOT EXISTS ${ctx.index('talks_claim_actors_by_actor')} ON ${actors} (actor_id);

    CREATE TABLE IF NOT EXISTS ${countries} (
      event_id TEXT NOT NULL,
      country TEXT NOT NULL,
      PRIMARY KEY (event_id, country)
    );
    CREATE INDEX IF NOT EXISTS ${ctx.index('talks_claim_countries_by_country')} ON ${countries} (country);

    CREATE TABLE IF NOT EXISTS ${releases} (
      event_id TEXT NOT NULL,
      idx INTEGER NOT NULL,
      talks_id TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('prisoner', 'hostage')),
      person TEXT,
      nationality TEXT,
      released_by TEXT,
      occurred_at TEXT NOT NULL,
      occurred_from INTEGER NOT NULL,
      position INTEGER NOT NULL,
      detained_since TEXT,
      sentence TEXT,
      PRIMARY KEY (event_id, idx)
    );
    CREATE INDEX IF NOT EXISTS ${ctx.index('releases_by_date')} ON ${releases} (occurred_from, position, idx);

    CREATE TABLE IF NOT EXISTS ${status} (
      talks_id TEXT PRIMARY KEY,
      lifecycle TEXT NOT NULL,
      doc TEXT NOT NULL,
      revision INTEGER NOT NULL,
      position INTEGER NOT NULL
    );
  `);
};
