import Database from 'better-sqlite3';
import { assertAppendSize, assertCount, assertExpectedRevision, assertStreamId, DEFAULT_MAX_APPEND_BYTES, SerializedEvent, serializeEvent } from '../append.validation';
import { DuplicateEventIdError } from '../event-store.errors';
import type { EventStoreObserver } from '../event-store.observer';
import {
  AllSubscription,
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
} from '../event-store.port';
import { assertExpectation, expectationHeldAt, StreamRevision } from '../expected-revision';
import { Page, PollingAllSubscription } from './polling-all-subscription';
import { openDurableSqlite } from './open-durable-sqlite';
import { migrate, readPragmas, SqlitePragmas } from './sqlite.schema';
import { PlacedRow, prepareStatements, ReadAllStatements, Statements, toRecordedEvent } from './sqlite.statements';

export type SqliteEventStoreOptions = Readonly<{
  /** A file path (its directory is created) or `':memory:'`. */
  filename: string;
  /** The clock that stamps `recordedAt`. Default: real time. */
  now?: () => Date;
  /**
   * How often a live subscription looks for writes made by other processes (its own store
   * wakes it at once). Default 500 ms. The timer keeps the process alive until the
   * subscription ends.
   */
  pollIntervalMs?: number;
  /** How many events a subscription reads at a time while catching up. Default 500. */
  subscriptionPageSize?: number;
  /** How long a write waits for another process's lock before failing. Default 5000 ms. */
  busyTimeoutMs?: number;
  /** Told about each group commit: how many appends and events it held, and how long it took. */
  observer?: Pick<EventStoreObserver, 'groupCommitted'>;
  /** The bytes one append may carry (AppendTooLargeError above). Default 1 MiB, EventStoreDB's `MaxAppendSize`. */
  maxAppendBytes?: number;
}>;

const NO_LIMIT = -1;
const MAX_POSITION = 2n ** 63n - 1n;

type AppendOutcome = { result: AppendResult; written: boolean };

/** An append waiting for the next group commit, with the callbacks of the promise it returned. */
type QueuedAppend = Readonly<{
  streamId: string;
  expected: ExpectedRevision;
  events: SerializedEvent[];
  recordedAt: number;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}>;

type GroupOutcome = { ok: true; outcome: AppendOutcome } | { ok: false; error: unknown };

/**
 * The embedded event store: one SQLite file, one connection, EventStoreDB's semantics.
 * better-sqlite3 is synchronous, so every method does its work before its promise settles.
 *
 * Appends are group-committed: those that arrive in one event-loop turn are written in one
 * transaction, each inside its own savepoint, so a rejected append (a conflict, a duplicate
 * id) rolls back alone and the others still commit. With synchronous=FULL the fsync of a
 * commit dominates the cost of an append; sharing it is what makes durable appends fast.
 * Every append's promise settles only after the transaction holding it has committed.
 */
export class SqliteEventStore implements EventStore {
  private readonly statements: Statements;
  private readonly readAllStatements: ReadAllStatements;
  private readonly subscriptions = new Set<PollingAllSubscription>();
  private readonly appendTransaction: Database.Transaction<
    (streamId: string, expected: ExpectedRevision, events: SerializedEvent[], recordedAt: number) => AppendOutcome
  >;
  private readonly groupTransaction: Database.Transaction<(batch: readonly QueuedAppend[]) => GroupOutcome[]>;
  private queued: QueuedAppend[] = [];
  private flushScheduled?: NodeJS.Immediate;
  private closed = false;

  private constructor(
    private readonly db: Database.Database,
    private readonly filename: string,
    private readonly now: () => Date,
    private readonly pollIntervalMs: number,
    private readonly pageSize: number,
    private readonly observer: Pick<EventStoreObserver, 'groupCommitted'> | undefined,
    private readonly maxAppendBytes: number,
  ) {
    this.statements = prepareStatements(db);
    this.readAllStatements = new ReadAllStatements(db);
    this.appendTransaction = db.transaction(
      (streamId: string, expected: ExpectedRevision, events: SerializedEvent[], recordedAt: number) =>
        this.appendInTransaction(streamId, expected, events, recordedAt),
    );
    this.groupTransaction = db.transaction((batch: readonly QueuedAppend[]) => this.appendAllInTransaction(batch));
  }

  static async open(options: SqliteEventStoreOptions): Promise<SqliteEventStore> {
    const { filename } = options;
    const pollIntervalMs = options.pollIntervalMs ?? 500;
    const pageSize = options.subscriptionPageSize ?? 500;
    if (!(pollIntervalMs > 0)) throw new RangeError(`pollIntervalMs must be > 0, got ${pollIntervalMs}`);
    if (!(Number.isSafeInteger(pageSize) && pageSize > 0)) {
      throw new RangeError(`subscriptionPageSize must be an integer > 0, got ${pageSize}`);
    }
    const db = openDurableSqlite(filename, options.busyTimeoutMs);
    try {
      // Positions are bigints in the port; reading every INTEGER as a bigint keeps them exact.
      db.defaultSafeIntegers(true);
      migrate(db, filename);
      return new SqliteEventStore(db, filename, options.now ?? (() => new Date()), pollIntervalMs, pageSize, options.observer, options.maxAppendBytes ?? DEFAULT_MAX_APPEND_BYTES);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  async appendToStream(
    streamId: string,
    events: readonly EventToAppend[],
    options: Readonly<{ expectedRevision?: ExpectedRevision }> = {},
  ): Promise<AppendResult> {
    this.assertOpen();
    assertStreamId(streamId);
    const expected = options.expectedRevision ?? 'any';
    assertExpectedRevision(expected);
    const serialized = events.map(serializeEvent);
    assertAppendSize(streamId, serialized, this.maxAppendBytes);
    const recordedAt = serialized.length > 0 ? this.recordedAtMs() : 0;
    return new Promise<AppendResult>((resolve, reject) => {
      this.queued.push({ streamId, expected, events: serialized, recordedAt, resolve, reject });
      // setImmediate runs after every I/O callback of this turn: the requests read together commit together.
      this.flushScheduled ??= setImmediate(() => this.flushQueued());
    });
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    assertStreamId(streamId);
    assertCount('fromRevision', options.fromRevision);
    assertCount('maxCount', options.maxCount);
    const limit = options.maxCount ?? NO_LIMIT;
    const rows =
      options.direction === 'backwards'
        ? this.statements.readStreamBackwards.all(streamId, options.fromRevision ?? Number.MAX_SAFE_INTEGER, limit)
        : this.statements.readStreamForwards.all(streamId, options.fromRevision ?? 0, limit);
    return rows.map(toRecordedEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    assertCount('maxCount', options.maxCount);
    assertPosition(options.fromPosition);
    const direction = options.direction ?? 'forwards';
    const from = options.fromPosition ?? (direction === 'forwards' ? 0n : MAX_POSITION);
    return this.readAllStatements.run({ direction, from, limit: options.maxCount ?? NO_LIMIT, filter: options.filter });
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    this.assertOpen();
    assertPosition(options.fromPosition);
    const { filter } = options;
    const readPage = (after: bigint, limit: number): Page => {
      if (this.closed) return { events: [], scannedTo: after };
      // Bounding the read by the head lets a filtered subscription skip what it has already
      // looked at, instead of rescanning every non-matching event on each poll.
      const head = this.statements.headPosition.get()!.head;
      if (head <= after) return { events: [], scannedTo: after };
      const events = this.readAllStatements.run({ direction: 'forwards', from: after, upTo: head, limit, filter });
      return { events, scannedTo: events.length < limit ? head : events[events.length - 1].position };
    };
    const subscription = new PollingAllSubscription(readPage, options.fromPosition ?? 0n, {
      pageSize: this.pageSize,
      pollIntervalMs: this.pollIntervalMs,
      onEnd: (ended) => this.subscriptions.delete(ended),
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<bigint> {
    this.assertOpen();
    return this.statements.headPosition.get()!.head;
  }

  async ping(): Promise<void> {
    this.assertOpen();
    this.statements.ping.get();
  }

  async storeId(): Promise<string> {
    this.assertOpen();
    const row = this.db.prepare<[], { id: string }>('SELECT id FROM store_identity').get();
    if (!row) throw new Error(`SQLite event store ${this.filename}: it has no identity (store_identity is empty)`);
    return `sqlite:${row.id}`;
  }

  /** Commits the appends already queued, ends every subscription (their pending `next()` resolves done), then closes the file. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.flushQueued();
    this.closed = true;
    for (const subscription of [...this.subscriptions]) await subscription.unsubscribe();
    this.db.close();
  }

  /** Read-only diagnostics of this connection, for tests and the health check. */
  pragmas(): SqlitePragmas {
    this.assertOpen();
    return readPragmas(this.db);
  }

  /** Writes every queued append in one transaction, then settles their promises. */
  private flushQueued(): void {
    if (this.flushScheduled) clearImmediate(this.flushScheduled);
    this.flushScheduled = undefined;
    const batch = this.queued;
    this.queued = [];
    if (batch.length === 0) return;
    let outcomes: GroupOutcome[];
    const started = this.observer ? performance.now() : 0;
    try {
      // IMMEDIATE takes the write lock before reading any stream's revision, so another
      // process cannot append between our checks and our inserts.
      outcomes = this.groupTransaction.immediate(batch);
    } catch (error) {
      this.reportGroup(batch, started, true);
      // Nothing of the batch committed (a busy lock, a full disk, a failed commit): all of it failed.
      for (const append of batch) append.reject(error);
      return;
    }
    this.reportGroup(batch, started, false);
    let written = false;
    batch.forEach((append, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) {
        written ||= outcome.outcome.written;
        append.resolve(outcome.outcome.result);
      } else {
        append.reject(outcome.error);
      }
    });
    if (written) for (const subscription of this.subscriptions) subscription.wake();
  }

  private reportGroup(batch: readonly QueuedAppend[], started: number, failed: boolean): void {
    if (!this.observer?.groupCommitted) return;
    const events = batch.reduce((sum, append) => sum + append.events.length, 0);
    this.observer.groupCommitted({ appends: batch.length, events, durationMs: performance.now() - started, failed });
  }

  /**
   * Each append runs in the nested transaction better-sqlite3 makes a savepoint: its failure
   * rolls back to the savepoint and is handed to that append alone. Only if SQLite itself
   * abandoned the whole transaction (it does on some I/O and out-of-space errors) is the
   * error rethrown, failing the batch: what followed would otherwise run outside a transaction.
   */
  private appendAllInTransaction(batch: readonly QueuedAppend[]): GroupOutcome[] {
    return batch.map(({ streamId, expected, events, recordedAt }): GroupOutcome => {
      try {
        return { ok: true, outcome: this.appendTransaction(streamId, expected, events, recordedAt) };
      } catch (error) {
        if (!this.db.inTransaction) throw error;
        return { ok: false, error };
      }
    });
  }

  private appendInTransaction(
    streamId: string,
    expected: ExpectedRevision,
    events: SerializedEvent[],
    recordedAt: number,
  ): AppendOutcome {
    if (events.length > 0) {
      const first = this.statements.placeOfId.get(events[0].id);
      if (first) return { result: this.repeatedAppend(streamId, expected, events, first), written: false };
    }
    const last = this.statements.lastOfStream.get(streamId);
    assertExpectation(streamId, expected, revisionOf(last));
    if (events.length === 0) {
      // Nothing to write: report where the stream stands, -1 and 0n for a stream with no events.
      return {
        result: { streamId, nextExpectedRevision: last ? Number(last.revision) : -1, position: last?.position ?? 0n, positions: [] },
        written: false,
      };
    }
    let revision = last ? Number(last.revision) : -1;
    const positions: bigint[] = [];
    for (const event of events) {
      revision += 1;
      try {
        const { lastInsertRowid } = this.statements.insert.run(
          event.id,
          streamId,
          revision,
          event.type,
          event.data,
          event.metadata,
          recordedAt,
        );
        positions.push(BigInt(lastInsertRowid));
      } catch (error) {
        // The first id was checked above; a later one, or a repeat inside the batch, lands here.
        if (isUniqueIdViolation(error)) throw new DuplicateEventIdError(event.id);
        throw error;
      }
    }
    return { result: { streamId, nextExpectedRevision: revision, position: positions[positions.length - 1], positions }, written: true };
  }

  /**
   * The first id is already stored. It is the same append again when every id is stored,
   * in this stream, one after another from where the first landed, and the expectation
   * held there: then the original result is returned, even if the stream has moved on.
   */
  private repeatedAppend(
    streamId: string,
    expected: ExpectedRevision,
    events: SerializedEvent[],
    first: PlacedRow,
  ): AppendResult {
    const firstRevision = Number(first.revision);
    const places = events.map((event, i) => (i === 0 ? first : this.statements.placeOfId.get(event.id)));
    const linesUp = (place: PlacedRow | undefined, i: number) =>
      place !== undefined && place.stream_id === streamId && Number(place.revision) === firstRevision + i;
    if (places.every(linesUp)) {
      if (expectationHeldAt(expected, firstRevision)) {
        const lastPlace = places[places.length - 1]!;
        return {
          streamId,
          nextExpectedRevision: Number(lastPlace.revision),
          position: lastPlace.position,
          positions: places.map((place) => place!.position),
        };
      }
      // The same events under another expectation: a conflict if it fails now, else a duplicate.
      assertExpectation(streamId, expected, revisionOf(this.statements.lastOfStream.get(streamId)));
    }
    const misplaced = places.findIndex((place, i) => place !== undefined && !linesUp(place, i));
    throw new DuplicateEventIdError(events[misplaced === -1 ? 0 : misplaced].id);
  }

  private recordedAtMs(): number {
    const ms = this.now().getTime();
    if (!Number.isFinite(ms)) throw new RangeError('The clock returned an invalid Date');
    return ms;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error(`SQLite event store ${this.filename} is closed`);
  }
}

function revisionOf(last: PlacedRow | undefined): StreamRevision {
  return last ? Number(last.revision) : 'no_stream';
}

function assertPosition(position: bigint | undefined): void {
  if (position !== undefined && (typeof position !== 'bigint' || position < 0n)) {
    throw new RangeError(`A position must be a bigint >= 0, got ${String(position)}`);
  }
}

/**
 * Not `instanceof SqliteError`: the native addon keeps the error class of the first copy of
 * better-sqlite3 loaded in the process, which differs from ours when a module registry
 * (jest's, per test file) loads the package more than once.
 */
function isUniqueIdViolation(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === 'SQLITE_CONSTRAINT_UNIQUE' && typeof message === 'string' && message.includes('events.id');
}
