import type { ProjectionContext } from '../projection';

/** The tables the talks projection owns; a rebuild replaces exactly these. */
export const TALKS_TABLES = [
  'talks_claims',
  'talks_claim_actors',
  'talks_claim_countries',
  'releases',
  'talks_status',
  'talks_meetings',
  'talks_ceasefires',
  'talks_ceasefire_violations',
  'talks_claim_versions',
  'talks_recordings',
  'talks_links',
  'talks_incident_changes',
] as const;

/**
 * Positions are $all positions (bound as BigInt, up to 2^63); `occurred_from` is the first
 * millisecond the claim's date can mean at its precision, so a month sorts at its first day;
 * `occurred_to` the last millisecond of its range (`occurred_until`), or `occurred_from` when it
 * states none: `asOf` counts a claim once `occurred_to` has passed. An undated opening has no
 * date, precision or confidence (NULL) and sits at UNDATED (claim-dates.ts), before every date.
 * Actors, countries and releases are derived rows: kept for live claims only (a release row with its claim's `occurred_from`/`occurred_to`, which `from`, `to` and `asOf` select by). A release row is
 * `listed` unless another report of its incident names the same person first (incidents.ts);
 * a linked one carries its `incident_id`, and the listed one the `reports` (JSON) naming the person. A status is its
 * core (`talks_status`) and its lists (meetings pending, ceasefires, violations), a row per entry.
 * `activity_from` is the start of `occurred_at` at its own grain (what "last activity" compares);
 * `list_key` names the meeting or ceasefire a claim is about; `place_country` the country it happened in (null when it names no place). Only the indexes that applying an
 * event reads are made here; those only readers need come from `createTalksReadIndexes`, which a
 * rebuild runs after the bulk load.
 *
 * Time travel reads two more: every version of every claim, each with the interval of `$all`
 * positions in which it was the claim's current data (`recorded_from` inclusive, `recorded_to`
 * exclusive, open while current: a correction closes one version and opens the next, a
 * retraction closes the last), and the recorded time of each talks event applied, which turns a
 * `knownAt` into a position. A version carries its actors and countries as JSON, so a past
 * timeline filters and shows them without a derived row per version. `stance` is where the
 * claim's sources stand together (claim-stance.ts), what the timeline's `stance` filter reads.
 */
export const createTalksTables = (ctx: ProjectionContext): void => {
  const [claims, actors, countries, releases, status, meetings, ceasefires, violations, versions, recordings, links, incidentChanges] = TALKS_TABLES.map((name) => ctx.table(name));
  ctx.db.exec(`
    CREATE TABLE IF NOT EXISTS ${claims} (
      event_id TEXT PRIMARY KEY,
      talks_id TEXT NOT NULL,
      type TEXT NOT NULL,
      revision INTEGER NOT NULL,
      position INTEGER NOT NULL,
      recorded_at TEXT NOT NULL,
      occurred_at TEXT,
      precision TEXT,
      occurred_from INTEGER NOT NULL,
      activity_from INTEGER NOT NULL,
      list_key TEXT,
      confidence TEXT,
      confidence_rank INTEGER,
      stance TEXT NOT NULL,
      data TEXT NOT NULL,
      corrected INTEGER NOT NULL DEFAULT 0,
      retracted INTEGER NOT NULL DEFAULT 0,
      summary TEXT NOT NULL,
      cameo TEXT,
      plover TEXT,
      place_country TEXT,
      occurred_until TEXT,
      occurred_to INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS ${ctx.index('talks_claims_by_track')} ON ${claims} (talks_id, position);
    CREATE INDEX IF NOT EXISTS ${ctx.index('talks_claims_by_activity')} ON ${claims} (talks_id, activity_from, position);
    CREATE INDEX IF NOT EXISTS ${ctx.index('talks_claims_by_list')} ON ${claims} (talks_id, list_key, position) WHERE list_key IS NOT NULL;
    CREATE INDEX IF NOT EXISTS ${ctx.index('talks_claims_by_track_type')} ON ${claims} (talks_id, type, position);

    CREATE TABLE IF NOT EXISTS ${actors} (
      event_id TEXT NOT NULL,
      actor_id TEXT NOT NULL,
      role TEXT NOT NULL,
      talks_id TEXT NOT NULL,
      PRIMARY KEY (event_id, actor_id, role)
    );

    CREATE TABLE IF NOT EXISTS ${countries} (
      event_id TEXT NOT NULL,
      country TEXT NOT NULL,
      PRIMARY KEY (event_id, country)
    );

    CREATE TABLE IF NOT EXISTS ${releases} (
      event_id TEXT NOT NULL,
      idx INTEGER NOT NULL,
      talks_id TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('prisoner', 'hostage')),
      person TEXT,
      nationality TEXT,
      released_by TEXT,
      released_to TEXT,
      occurred_at TEXT NOT NULL,
      occurred_from INTEGER NOT NULL,
      position INTEGER NOT NULL,
      detained_since TEXT,
      sentence TEXT,
      occurred_until TEXT,
      occurred_to INTEGER NOT NULL,
      listed INTEGER NOT NULL DEFAULT 1,
      incident_id TEXT,
      reports TEXT,
      PRIMARY KEY (event_id, idx)
    );

    CREATE TABLE IF NOT EXISTS ${status} (
      talks_id TEXT PRIMARY KEY,
      lifecycle TEXT NOT NULL,
      doc TEXT NOT NULL,
      revision INTEGER NOT NULL,
      position INTEGER NOT NULL
    );

    CREATE TABLE IF NOT EXISTS ${meetings} (
      talks_id TEXT NOT NULL,
      meeting_id TEXT NOT NULL,
      position INTEGER NOT NULL,
      doc TEXT NOT NULL,
      PRIMARY KEY (talks_id, meeting_id)
    );
    CREATE INDEX IF NOT EXISTS ${ctx.index('talks_meetings_in_order')} ON ${meetings} (talks_id, position);

    CREATE TABLE IF NOT EXISTS ${ceasefires} (
      talks_id TEXT NOT NULL,
      ceasefire_id TEXT NOT NULL,
      position INTEGER NOT NULL,
      doc TEXT NOT NULL,
      PRIMARY KEY (talks_id, ceasefire_id)
    );
    CREATE INDEX IF NOT EXISTS ${ctx.index('talks_ceasefires_in_order')} ON ${ceasefires} (talks_id, position);

    CREATE TABLE IF NOT EXISTS ${violations} (
      talks_id TEXT NOT NULL,
      ceasefire_id TEXT NOT NULL,
      position INTEGER NOT NULL,
      doc TEXT NOT NULL,
      PRIMARY KEY (talks_id, ceasefire_id, position)
    );

    CREATE TABLE IF NOT EXISTS ${versions} (
      event_id TEXT NOT NULL,
      version INTEGER NOT NULL,
      talks_id TEXT NOT NULL,
      type TEXT NOT NULL,
      revision INTEGER NOT NULL,
      position INTEGER NOT NULL,
      recorded_at TEXT NOT NULL,
      occurred_at TEXT,
      precision TEXT,
      occurred_from INTEGER NOT NULL,
      confidence TEXT,
      confidence_rank INTEGER,
      stance TEXT NOT NULL,
      data TEXT NOT NULL,
      corrected INTEGER NOT NULL,
      summary TEXT NOT NULL,
      cameo TEXT,
      plover TEXT,
      place_country TEXT,
      actors TEXT NOT NULL,
      countries TEXT NOT NULL,
      recorded_from INTEGER NOT NULL,
      recorded_to INTEGER,
      occurred_until TEXT,
      occurred_to INTEGER NOT NULL,
      PRIMARY KEY (event_id, version)
    );

    CREATE TABLE IF NOT EXISTS ${recordings} (
      position INTEGER PRIMARY KEY,
      recorded_at INTEGER NOT NULL
    );

    -- A link between two claims reporting one incident: open from the ClaimsLinked (linked_at) to the ClaimsUnlinked (unlinked_at).
    CREATE TABLE IF NOT EXISTS ${links} (
      link_id TEXT PRIMARY KEY,
      talks_id TEXT NOT NULL,
      event_id TEXT NOT NULL,
      same_as TEXT NOT NULL,
      linked_at INTEGER NOT NULL,
      unlinked_at INTEGER
    );
    CREATE INDEX IF NOT EXISTS ${ctx.index('talks_links_from')} ON ${links} (event_id);
    CREATE INDEX IF NOT EXISTS ${ctx.index('talks_links_to')} ON ${links} (same_as);
    CREATE INDEX IF NOT EXISTS ${ctx.index('talks_links_by_track')} ON ${links} (talks_id);

    -- A live claim whose incident (its id, its sources) changed at a position with no new version of its own: what a changedSince pull re-sends.
    CREATE TABLE IF NOT EXISTS ${incidentChanges} (
      event_id TEXT NOT NULL,
      changed_at INTEGER NOT NULL,
      PRIMARY KEY (changed_at, event_id)
    );
  `);
};

/**
 * The indexes only readers use: timelines by date (and by type and date, so a rare type costs what it returns), claims by actor and country, listed releases by date, the past by track, date and time, changes since a position, a claim's last incident change.
 * The ranges indexes hold only claims that state a range, longest first: how far before `from` a claim can start and still reach it.
 */
export const createTalksReadIndexes = (ctx: ProjectionContext): void => {
  ctx.db.exec(`
    CREATE INDEX IF NOT EXISTS ${ctx.index('talks_claims_by_date')} ON ${ctx.table('talks_claims')} (occurred_from, position);
    CREATE INDEX IF NOT EXISTS ${ctx.index('talks_claims_by_track_date')} ON ${ctx.table('talks_claims')} (talks_id, occurred_from, position);
    CREATE INDEX IF NOT EXISTS ${ctx.index('talks_claims_by_type_date')} ON ${ctx.table('talks_claims')} (type, occurred_from, position);
    CREATE INDEX IF NOT EXISTS ${ctx.index('talks_claims_by_track_type_date')} ON ${ctx.table('talks_claims')} (talks_id, type, occurred_from, position);
    CREATE INDEX IF NOT EXISTS ${ctx.index('talks_claim_actors_by_actor')} ON ${ctx.table('talks_claim_actors')} (actor_id);
    CREATE INDEX IF NOT EXISTS ${ctx.index('talks_claim_countries_by_country')} ON ${ctx.table('talks_claim_countries')} (country);
    CREATE INDEX IF NOT EXISTS ${ctx.index('talks_claims_by_place_country')} ON ${ctx.table('talks_claims')} (place_country, occurred_from, position) WHERE place_country IS NOT NULL;
    CREATE INDEX IF NOT EXISTS ${ctx.index('talks_claim_versions_by_place_country')} ON ${ctx.table('talks_claim_versions')} (place_country, occurred_from, position) WHERE place_country IS NOT NULL;
    CREATE INDEX IF NOT EXISTS ${ctx.index('releases_listed_by_date')} ON ${ctx.table('releases')} (occurred_from, position, idx) WHERE listed = 1;
    CREATE INDEX IF NOT EXISTS ${ctx.index('talks_claim_versions_by_track')} ON ${ctx.table('talks_claim_versions')} (talks_id, position);
    CREATE INDEX IF NOT EXISTS ${ctx.index('talks_claim_versions_by_date')} ON ${ctx.table('talks_claim_versions')} (occurred_from, position);
    CREATE INDEX IF NOT EXISTS ${ctx.index('talks_claim_versions_by_track_date')} ON ${ctx.table('talks_claim_versions')} (talks_id, occurred_from, position);
    CREATE INDEX IF NOT EXISTS ${ctx.index('talks_claim_versions_by_type_date')} ON ${ctx.table('talks_claim_versions')} (type, occurred_from, position);
    CREATE INDEX IF NOT EXISTS ${ctx.index('talks_claim_versions_by_track_type_date')} ON ${ctx.table('talks_claim_versions')} (talks_id, type, occurred_from, position);
    CREATE INDEX IF NOT EXISTS ${ctx.index('talks_claim_versions_opened')} ON ${ctx.table('talks_claim_versions')} (recorded_from);
    CREATE INDEX IF NOT EXISTS ${ctx.index('talks_claim_versions_closed')} ON ${ctx.table('talks_claim_versions')} (recorded_to) WHERE recorded_to IS NOT NULL;
    CREATE INDEX IF NOT EXISTS ${ctx.index('talks_claims_ranges')} ON ${ctx.table('talks_claims')} (occurred_to - occurred_from) WHERE occurred_to > occurred_from;
    CREATE INDEX IF NOT EXISTS ${ctx.index('talks_claim_versions_ranges')} ON ${ctx.table('talks_claim_versions')} (occurred_to - occurred_from) WHERE occurred_to > occurred_from;
    CREATE INDEX IF NOT EXISTS ${ctx.index('talks_incident_changes_by_claim')} ON ${ctx.table('talks_incident_changes')} (event_id, changed_at);
    CREATE INDEX IF NOT EXISTS ${ctx.index('talks_recordings_by_time')} ON ${ctx.table('talks_recordings')} (recorded_at, position);
  `);
};
