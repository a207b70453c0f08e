import { openDurableSqlite } from '@parley/event-store';
import { finished } from '@parley/domain';
import type { Database, Statement } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';

/** Where a stream's persisted snapshot stood when taken, without its payload. */
export type SnapshotHead = Readonly<{
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
  /** CRC-32 of the payload's parts in order. */
  checksum: number;
}>;

/** A snapshot with its payload, in parts of a few megabytes (see persisted-snapshot.ts). */
export type SnapshotRow = SnapshotHead & Readonly<{ payload: readonly Buffer[] }>;

/** A head as stored: which parts hold its payload. */
export type StoredHead = SnapshotHead & Readonly<{ generation: string; parts: number }>;

type StoredColumns = Omit<StoredHead, 'position' | 'streamId'> & { position: string };

// Parts written by a process that stopped before publishing them: gone once this old (a write
// under way in another process takes seconds).
const ORPHAN_AGE_MS = 10 * 60 * 1000;

/**
 * Persisted snapshots of folded streams in a SQLite file of their own beside PARLEY_DB: a head
 * per stream and its payload in parts, one row each, so that neither a write nor a read handles
 * more than a few megabytes in one step (a 100,000-claim track's payload is ~70 MB: as one row,
 * its write held the event loop 150–500 ms and its read 110–190). A payload's parts are written
 * under a fresh generation, then published with its head in one small transaction; the parts of
 * the generation it replaces go in the same transaction. A reader of an older generation whose
 * parts are gone meanwhile finds it incomplete and folds the stream from its events instead.
 *
 * A cache, never a record: dropping the file loses nothing but the next cold start's speed. Its
 * own file, because snapshots are tens of MB: in the event store's file they would hold its write
 * lock and swell its WAL and backups. synchronous=NORMAL: a crash may lose the last snapshots
 * written, which only means folding more.
 */
export class SnapshotStore {
  private readonly selectHead: Statement<[string], StoredColumns>;
  private readonly selectPart: Statement<[string, number], { data: Buffer }>;
  private readonly insertPart: Statement<[string, number, Buffer, number]>;
  private readonly upsertHead: Statement<[Record<string, unknown>]>;
  private readonly removeHead: Statement<[string, string]>;
  private readonly removeParts: Statement<[string]>;
  private readonly publishing: (head: SnapshotHead, generation: string, parts: number, now: Date) => void;

  constructor(private readonly database: Database) {
    database.exec(`
      DROP TABLE IF EXISTS stream_snapshots;
      CREATE TABLE IF NOT EXISTS snapshot_heads (
        stream_id     TEXT PRIMARY KEY,
        store_id      TEXT NOT NULL,
        state_version INTEGER NOT NULL,
        format        INTEGER NOT NULL,
        revision      INTEGER NOT NULL,
        event_id      TEXT NOT NULL,
        position      TEXT NOT NULL,
        bytes         INTEGER NOT NULL,
        checksum      INTEGER NOT NULL,
        generation    TEXT NOT NULL,
        parts         INTEGER NOT NULL,
        written_at    INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE IF NOT EXISTS snapshot_parts (
        generation TEXT NOT NULL,
        idx        INTEGER NOT NULL,
        data       BLOB NOT NULL,
        written_at INTEGER NOT NULL,
        PRIMARY KEY (generation, idx)
      ) STRICT`);
    this.selectHead = database.prepare(`
      SELECT store_id AS storeId, state_version AS stateVersion, format, revision, event_id AS eventId, position, bytes, checksum, generation, parts
      FROM snapshot_heads WHERE stream_id = ?`);
    this.selectPart = database.prepare('SELECT data FROM snapshot_parts WHERE generation = ? AND idx = ?');
    this.insertPart = database.prepare('INSERT OR REPLACE INTO snapshot_parts (generation, idx, data, written_at) VALUES (?, ?, ?, ?)');
    // Another process may have published a newer snapshot of the stream meanwhile: it stays. One of
    // another version or store is replaced whatever its revision, or it would never be replaced.
    this.upsertHead = database.prepare(`
      INSERT INTO snapshot_heads (stream_id, store_id, state_version, format, revision, event_id, position, bytes, checksum, generation, parts, written_at)
      VALUES (@streamId, @storeId, @stateVersion, @format, @revision, @eventId, @position, @bytes, @checksum, @generation, @parts, @writtenAt)
      ON CONFLICT (stream_id) DO UPDATE SET
        store_id = excluded.store_id, state_version = excluded.state_version, format = excluded.format, revision = excluded.revision,
        event_id = excluded.event_id, position = excluded.position, bytes = excluded.bytes, checksum = excluded.checksum,
        generation = excluded.generation, parts = excluded.parts, written_at = excluded.written_at
      WHERE excluded.revision > snapshot_heads.revision OR excluded.state_version <> snapshot_heads.state_version
        OR excluded.format <> snapshot_heads.format OR excluded.store_id <> snapshot_heads.store_id`);
    this.removeHead = database.prepare('DELETE FROM snapshot_heads WHERE stream_id = ? AND generation = ?');
    this.removeParts = database.prepare('DELETE FROM snapshot_parts WHERE generation = ?');
    this.publishing = database.transaction((head: SnapshotHead, generation: string, parts: number, now: Date) => {
      const before = this.selectHead.get(head.streamId)?.generation;
      const published = this.upsertHead.run({ ...head, position: head.position.toString(), generation, parts, writtenAt: now.getTime() }).changes > 0;
      // Whichever generation is not the stream's head now is read by no one from here on.
      const unused = published ? before : generation;
      if (unused !== undefined) this.removeParts.run(unused);
    });
    database
      .prepare('DELETE FROM snapshot_parts WHERE written_at < ? AND generation NOT IN (SELECT generation FROM snapshot_heads)')
      .run(Date.now() - ORPHAN_AGE_MS);
  }

  /** Opens (or creates, privately: it holds everything the folded claims say) the file at `filename`. */
  static open(filename: string): SnapshotStore {
    const database = openDurableSqlite(filename);
    database.pragma('synchronous = NORMAL');
    return new SnapshotStore(database);
  }

  find(streamId: string): StoredHead | undefined {
    const head = this.selectHead.get(streamId);
    return head && { ...head, streamId, position: BigInt(head.position) };
  }

  /** A part of the head's payload; undefined when it is gone (a newer snapshot replaced it meanwhile). */
  part(head: StoredHead, idx: number): Buffer | undefined {
    return this.selectPart.get(head.generation, idx)?.data;
  }

  /**
   * The writing of a snapshot, a part per step, published with its head at the last: what a writer
   * spreads over turns of the event loop. Parts left unpublished (stopped between steps) are
   * dropped with the orphans at a later open.
   */
  *saveSteps(row: SnapshotRow, now: Date): Generator<void, void, void> {
    const generation = randomUUID();
    for (const [idx, data] of row.payload.entries()) {
      this.insertPart.run(generation, idx, data, now.getTime());
      yield;
    }
    this.publishing(row, generation, row.payload.length, now);
  }

  save(row: SnapshotRow, now: Date): void {
    this.database.transaction(() => finished(this.saveSteps(row, now)))();
  }

  /** Drops the snapshot found unusable, unless another process has replaced it since. */
  discard(head: StoredHead): void {
    this.database.transaction(() => {
      if (this.removeHead.run(head.streamId, head.generation).changes > 0) this.removeParts.run(head.generation);
    })();
  }

  close(): void {
    this.database.close();
  }
}
