import type { Database } from 'better-sqlite3';

/** Kept in `PRAGMA user_version`; bump it with a migration step below. */
export const SCHEMA_VERSION = 2;

export type SqlitePragmas = Readonly<{
  journalMode: string;
  synchronous: 'OFF' | 'NORMAL' | 'FULL' | 'EXTRA';
  busyTimeoutMs: number;
  schemaVersion: number;
}>;

const SYNCHRONOUS_NAMES = ['OFF', 'NORMAL', 'FULL', 'EXTRA'] as const;

export function isInMemory(filename: string): boolean {
  return filename === ':memory:' || filename === '';
}

/**
 * Sets the durability pragmas on this connection and checks that they took.
 * `synchronous` is per connection and not stored in the file: better-sqlite3 is compiled
 * with SQLITE_DEFAULT_WAL_SYNCHRONOUS=1, so a reopened WAL database would run at NORMAL
 * (a commit can be lost on power failure) unless it is set on every open.
 */
export function applyPragmas(db: Database, filename: string): void {
  if (!isInMemory(filename)) {
    const mode = String(db.pragma('journal_mode = WAL', { simple: true }));
    if (mode.toLowerCase() !== 'wal') {
      throw new Error(`SQLite event store ${filename}: journal_mode is ${mode}, expected wal`);
    }
  }
  // After journal_mode: switching to WAL resets synchronous to the WAL default.
  db.pragma('synchronous = FULL');
  const { synchronous } = readPragmas(db);
  if (synchronous !== 'FULL') {
    throw new Error(
      `SQLite event store ${filename}: synchronous is ${synchronous} after setting FULL; refusing to run without durable commits`,
    );
  }
}

export function readPragmas(db: Database): SqlitePragmas {
  const level = Number(db.pragma('synchronous', { simple: true }));
  return {
    journalMode: String(db.pragma('journal_mode', { simple: true })),
    synchronous: SYNCHRONOUS_NAMES[level] ?? (String(level) as SqlitePragmas['synchronous']),
    busyTimeoutMs: Number(db.pragma('busy_timeout', { simple: true })),
    schemaVersion: Number(db.pragma('user_version', { simple: true })),
  };
}

const CREATE_V1 = `
  CREATE TABLE IF NOT EXISTS events (
    -- AUTOINCREMENT: a position is never handed out twice, even after a delete.
    position    INTEGER PRIMARY KEY AUTOINCREMENT,
    id          TEXT    NOT NULL UNIQUE,
    stream_id   TEXT    NOT NULL,
    revision    INTEGER NOT NULL CHECK (revision >= 0),
    type        TEXT    NOT NULL,
    data        TEXT    NOT NULL CHECK (json_valid(data)),
    metadata    TEXT    NOT NULL CHECK (json_valid(metadata)),
    recorded_at INTEGER NOT NULL,
    UNIQUE (stream_id, revision)
  ) STRICT;
  CREATE INDEX IF NOT EXISTS events_by_type ON events (type, position);
`;

/**
 * v2: the store's identity, made once when the schema is created or upgraded. It lives beside
 * the events, not among them, so no reader of `$all` ever meets it.
 */
const CREATE_V2 = `
  CREATE TABLE IF NOT EXISTS store_identity (
    id         TEXT    PRIMARY KEY,
    created_at INTEGER NOT NULL
  ) STRICT;
  INSERT INTO store_identity (id, created_at) SELECT lower(hex(randomblob(16))), unixepoch() * 1000 WHERE NOT EXISTS (SELECT 1 FROM store_identity);
`;

/** Creates or upgrades the schema; safe to run on every open, by several processes at once. */
export function migrate(db: Database, filename: string): void {
  db.transaction(() => {
    const version = Number(db.pragma('user_version', { simple: true }));
    if (version > SCHEMA_VERSION) {
      throw new Error(
        `SQLite event store ${filename}: schema version ${version} is newer than this code knows (${SCHEMA_VERSION})`,
      );
    }
    if (version < 1) db.exec(CREATE_V1);
    if (version < 2) db.exec(CREATE_V2);
    if (version !== SCHEMA_VERSION) db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}
