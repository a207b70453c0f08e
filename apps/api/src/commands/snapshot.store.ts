import { openDurableSqlite } from '@parley/event-store';
import type { Database, Statement } from 'better-sqlite3';

/** One stream's persisted snapshot: where it stood when taken, and its payload (see persisted-snapshot.ts). */
export type SnapshotRow = Readonly<{
  streamId: string;
  /** The event store the snapshot was taken of (EventStore.storeId). */
  storeId: string;
  /** The decider's snapshot version (StateCodec.version) and the payload's own format. */
  stateVersion: number;
  format: number;
  /** The last revision folded in, its event's id and global position: checked against the store on restore. */
  revision: number;
  eventId: string;
  position: bigint;
  bytes: number;
  checksum: number;
  payload: Buffer;
}>;

type Stored = Omit<SnapshotRow, 'position' | 'streamId'> & { position: string };

/**
 * Persisted snapshots of folded streams, one row a stream, in a SQLite file of their own beside
 * PARLEY_DB. A cache, never a record: dropping the file loses nothing but the next cold start's
 * speed. Its own file, because a snapshot of a long stream is tens of MB: written into the event
 * store's file it would hold the store's write lock and swell its WAL and its backups.
 * synchronous=NORMAL: a crash may lose the last snapshots written, which only means folding more.
 */
export class SnapshotStore {
  private readonly select: Statement<[string], Stored>;
  private readonly upsert: Statement<[Record<string, unknown>]>;
  private readonly remove: Statement<[string, number, string]>;

  constructor(private readonly database: Database) {
    database.exec(`
      CREATE TABLE IF NOT EXISTS stream_snapshots (
        stream_id     TEXT PRIMARY KEY,
        store_id      TEXT NOT NULL,
        state_version INTEGER NOT NULL,
        format        INTEGER NOT NULL,
        revision      INTEGER NOT NULL,
        event_id      TEXT NOT NULL,
        position      TEXT NOT NULL,
        bytes         INTEGER NOT NULL,
        checksum      INTEGER NOT NULL,
        payload       BLOB NOT NULL,
        written_at    INTEGER NOT NULL
      ) STRICT`);
    this.select = database.prepare(`
      SELECT store_id AS storeId, state_version AS stateVersion, format, revision, event_id AS eventId, position, bytes, checksum, payload
      FROM stream_snapshots WHERE stream_id = ?`);
    // Another process may have written a newer snapshot of the stream meanwhile: it stays. One of
    // another version or store is replaced whatever its revision, or it would never be replaced.
    this.upsert = database.prepare(`
      INSERT INTO stream_snapshots (stream_id, store_id, state_version, format, revision, event_id, position, bytes, checksum, payload, written_at)
      VALUES (@streamId, @storeId, @stateVersion, @format, @revision, @eventId, @position, @bytes, @checksum, @payload, @writtenAt)
      ON CONFLICT (stream_id) DO UPDATE SET
        store_id = excluded.store_id, state_version = excluded.state_version, format = excluded.format, revision = excluded.revision,
        event_id = excluded.event_id, position = excluded.position, bytes = excluded.bytes, checksum = excluded.checksum,
        payload = excluded.payload, written_at = excluded.written_at
      WHERE excluded.revision > stream_snapshots.revision OR excluded.state_version <> stream_snapshots.state_version
        OR excluded.format <> stream_snapshots.format OR excluded.store_id <> stream_snapshots.store_id`);
    this.remove = database.prepare('DELETE FROM stream_snapshots WHERE stream_id = ? AND revision = ? AND event_id = ?');
  }

  /** Opens (or creates, privately: it holds everything the folded claims say) the file at `filename`. */
  static open(filename: string): SnapshotStore {
    const database = openDurableSqlite(filename);
    database.pragma('synchronous = NORMAL');
    return new SnapshotStore(database);
  }

  find(streamId: string): SnapshotRow | undefined {
    const row = this.select.get(streamId);
    return row && { ...row, streamId, position: BigInt(row.position) };
  }

  save(row: SnapshotRow, now: Date): void {
    this.upsert.run({ ...row, position: row.position.toString(), writtenAt: now.getTime() });
  }

  /** Drops the row found unusable, unless another process has replaced it since. */
  discard(row: Pick<SnapshotRow, 'streamId' | 'revision' | 'eventId'>): void {
    this.remove.run(row.streamId, row.revision, row.eventId);
  }

  close(): void {
    this.database.close();
  }
}
