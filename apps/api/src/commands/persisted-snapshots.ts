import { Inject, Injectable, Logger, OnApplicationShutdown, Optional } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EVENT_STORE, EventStore, RecordedEvent } from '@parley/event-store';
import { LRUCache } from 'lru-cache';
import { Environment } from '../config/environment';
import { Metrics } from '../observability/metrics';
import type { AnyDecider } from './aggregates';
import { inTurns } from './in-turns';
import { Unusable, readable, restoreInTurns, toRow, toRowInTurns } from './persisted-snapshot';
import { SnapshotRow, SnapshotStore, StoredHead } from './snapshot.store';
import type { StreamSnapshot } from './stream-snapshot';

// Between snapshots a stream grows by at least a tenth: a snapshot costs time in proportion to the
// stream, so the writes of a growing stream cost a constant share of its commands, and a cold
// start still folds at most a tenth of it after the snapshot.
const GROWTH = 0.1;

// Which streams were last persisted at which revision, for the streams this process folds.
const TRACKED_STREAMS = 10_000;

/** `./data/parley.db` → `./data/parley.snapshots.db`; an in-memory database keeps its snapshots in memory too. */
export const snapshotFileBeside = (database: string): string =>
  database === ':memory:' || database.startsWith('file::memory:') ? ':memory:' : `${database.replace(/\.db$/, '')}.snapshots.db`;

type Pending = Readonly<{ decider: AnyDecider; snapshot: StreamSnapshot }>;

/**
 * Folded streams persisted (SnapshotStore) so that the first command on a long stream after a
 * start folds only the events after its snapshot. A snapshot is a cache of committed events:
 * any of them is a correct start, since the tail after it is read and the append's expected
 * revision catches what was not; one that cannot be used (another version, a store behind it,
 * a damaged payload) is counted, dropped, and the stream folded from its events as before.
 *
 * Writes happen after the answer: `offer` from a read only marks the stream due, and the write
 * is started (setImmediate) by the `offer` of an append, which its answer follows in the same
 * turn of the event loop. One stream is written at a time, its encoding and its parts spread
 * over turns (toRowInTurns, SnapshotStore.saveSteps), as a restore is (restoreInTurns); the
 * rest at shutdown at the latest.
 */
@Injectable()
export class PersistedSnapshots implements OnApplicationShutdown {
  private readonly logger = new Logger(PersistedSnapshots.name);
  private readonly table: SnapshotStore | undefined;
  private readonly every: number;
  private readonly persistedAt = new LRUCache<string, number>({ max: TRACKED_STREAMS });
  private readonly pending = new Map<string, Pending>();
  private scheduled = false;
  /** The write under way, across turns: at shutdown it is finished at once. */
  private writing: (Pending & { streamId: string }) | undefined;
  private closed = false;
  private storeId: Promise<string> | undefined;
  private knownStoreId: string | undefined;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    config: ConfigService<Environment, true>,
    @Optional() private readonly metrics?: Metrics,
  ) {
    this.every = config.get('PARLEY_SNAPSHOT_EVERY', { infer: true });
    this.table = this.every === 0 ? undefined : this.open(config.get('PARLEY_SNAPSHOT_DB', { infer: true }) || snapshotFileBeside(config.get('PARLEY_DB', { infer: true })));
  }

  /** A file that cannot be opened costs speed, never the start: the streams are folded from their events. */
  private open(filename: string): SnapshotStore | undefined {
    try {
      return SnapshotStore.open(filename);
    } catch (error) {
      this.logger.warn(`Snapshots in ${filename} not used (streams are folded from their events): ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  /** The stream's persisted snapshot if this code can read it; it is used only once `restore` has checked it against the store. */
  async find(streamId: string, decider: AnyDecider): Promise<StoredHead | undefined> {
    if (!this.table || this.closed || !decider.snapshot) return undefined;
    this.knownStoreId ??= await (this.storeId ??= this.store.storeId());
    let head: StoredHead | undefined;
    try {
      head = this.table.find(streamId);
    } catch (error) {
      this.unusable(streamId, 'corrupt', undefined, error);
      return undefined;
    }
    if (head && !readable(head, decider.snapshot)) {
      this.unusable(streamId, 'version');
      return undefined;
    }
    this.persistedAt.set(streamId, head?.revision ?? -1);
    return head;
  }

  /** The snapshot the head stands for, given the stream's event at its revision as just read; undefined when not of those events. */
  async restore(head: StoredHead, at: RecordedEvent | undefined, decider: AnyDecider): Promise<StreamSnapshot | undefined> {
    const [table, storeId, codec] = [this.table, this.knownStoreId, decider.snapshot];
    let restored: StreamSnapshot | Unusable;
    try {
      // Across turns: a long track's restore would otherwise hold up every other request for a second.
      restored = !table || storeId === undefined || !codec ? 'mismatch' : await restoreInTurns(head, (idx) => table.part(head, idx), storeId, at, codec);
    } catch (error) {
      this.unusable(head.streamId, 'corrupt', head, error);
      return undefined;
    }
    if (typeof restored === 'string') {
      this.unusable(head.streamId, restored, head);
      return undefined;
    }
    this.metrics?.stateSnapshots.inc({ outcome: 'restored' });
    return restored;
  }

  private unusable(streamId: string, why: Unusable, head?: StoredHead, error?: unknown): void {
    this.metrics?.stateSnapshots.inc({ outcome: `ignored_${why}` });
    this.persistedAt.set(streamId, -1);
    if (error !== undefined) this.logger.warn(`Snapshot of ${streamId} not read: ${error instanceof Error ? error.message : String(error)}`);
    try {
      // Replaced by the next write anyway; dropped now so that no cold read reads it again.
      if (head && why !== 'version') this.table?.discard(head);
    } catch {
      // The next write replaces it.
    }
  }

  /**
   * The stream as just folded or appended to. Persisted when it grew enough since its last
   * snapshot; `soon` (after an append) starts the write once the answer is out.
   */
  offer(streamId: string, decider: AnyDecider, snapshot: StreamSnapshot, soon: boolean): void {
    if (!this.table || this.closed || !decider.snapshot) return;
    const persisted = this.persistedAt.get(streamId) ?? -1;
    const due = snapshot.revision - persisted >= Math.max(this.every, Math.ceil((persisted + 1) * GROWTH));
    const waiting = this.pending.get(streamId);
    if (due && (!waiting || waiting.snapshot.revision < snapshot.revision)) this.pending.set(streamId, { decider, snapshot });
    if (soon && this.pending.size > 0 && !this.scheduled && !this.writing) {
      this.scheduled = true;
      setImmediate(() => this.writeNext());
    }
  }

  private writeNext(): void {
    this.scheduled = false;
    const next = this.pending.entries().next();
    if (next.done || this.closed) return;
    const [streamId, pending] = next.value;
    this.pending.delete(streamId);
    this.writing = { ...pending, streamId };
    void this.writeInTurns(streamId, pending).finally(() => {
      this.writing = undefined;
      if (this.pending.size > 0 && !this.closed) {
        this.scheduled = true;
        setImmediate(() => this.writeNext());
      }
    });
  }

  private async writeInTurns(streamId: string, { decider, snapshot }: Pending): Promise<void> {
    if (!this.table || this.closed || !decider.snapshot || this.knownStoreId === undefined) return;
    const [codec, storeId] = [decider.snapshot, this.knownStoreId];
    let row: SnapshotRow;
    try {
      row = await toRowInTurns(streamId, storeId, codec, snapshot);
    } catch (error) {
      return this.failed(streamId, error);
    }
    try {
      // Its parts across turns too, published with its head at the last.
      if (await inTurns(this.whileOpen(this.table.saveSteps(row, new Date())))) this.written(streamId, snapshot);
    } catch (error) {
      this.failed(streamId, error);
    }
  }

  /** The steps until done (true), or until the file is closed (false): shutdown then wrote what was under way itself. */
  private *whileOpen(steps: Generator<void, void, void>): Generator<void, boolean, void> {
    for (;;) {
      if (this.closed) return false;
      if (steps.next().done) return true;
      yield;
    }
  }

  private written(streamId: string, snapshot: StreamSnapshot): void {
    this.persistedAt.set(streamId, snapshot.revision);
    this.metrics?.stateSnapshots.inc({ outcome: 'written' });
  }

  private write(streamId: string, { decider, snapshot }: Pending): void {
    if (!this.table || this.closed || !decider.snapshot || this.knownStoreId === undefined) return;
    const [codec, storeId] = [decider.snapshot, this.knownStoreId];
    this.save(streamId, snapshot, () => toRow(streamId, storeId, codec, snapshot));
  }

  private save(streamId: string, snapshot: StreamSnapshot, rowOf: () => SnapshotRow): void {
    try {
      this.table?.save(rowOf(), new Date());
      this.written(streamId, snapshot);
    } catch (error) {
      this.failed(streamId, error);
    }
  }

  private failed(streamId: string, error: unknown): void {
    this.metrics?.stateSnapshots.inc({ outcome: 'write_failed' });
    this.logger.warn(`Snapshot of ${streamId} not written (its events are all recorded): ${error instanceof Error ? error.message : String(error)}`);
  }

  /** Writes every snapshot still due (the one under way first, at once), then closes the file. */
  onApplicationShutdown(): void {
    if (this.writing) this.write(this.writing.streamId, this.writing);
    for (const [streamId, pending] of this.pending) this.write(streamId, pending);
    this.pending.clear();
    this.closed = true;
    this.table?.close();
  }
}
