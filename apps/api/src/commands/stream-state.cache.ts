import { Inject, Injectable, Optional } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EVENT_STORE, EventStore, RecordedEvent } from '@parley/event-store';
import { LRUCache } from 'lru-cache';
import { Environment } from '../config/environment';
import { Metrics } from '../observability/metrics';
import { inSpan } from '../observability/spans';
import type { AnyDecider } from './aggregates';
import { PersistedSnapshots } from './persisted-snapshots';
import { inTurns, nextTurn } from './in-turns';
import { StreamSnapshot, emptySnapshot, foldSteps } from './stream-snapshot';

// Events read per page of a stream.
const READ_PAGE = 2_000;

/**
 * The folded state of recently written streams, so a command reads at most the events after the
 * revision it already holds. Every snapshot is a fold of events the store has committed, so any
 * of them is a correct start: another process's writes are the tail the next read brings in,
 * and the store's expected-revision check refuses a decision made on a tail not yet seen.
 * A stream not held starts from its persisted snapshot, when it has one (PersistedSnapshots).
 */
@Injectable()
export class StreamStateCache {
  private readonly snapshots: LRUCache<string, StreamSnapshot> | undefined;
  /** Snapshots an append found behind the stream: the next command reads the tail first. */
  private readonly doubted = new WeakSet<StreamSnapshot>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    config: ConfigService<Environment, true>,
    @Optional() private readonly metrics?: Metrics,
    @Optional() private readonly persisted?: PersistedSnapshots,
  ) {
    const entries = config.get('PARLEY_STATE_CACHE_ENTRIES', { infer: true });
    const megabytes = config.get('PARLEY_STATE_CACHE_MB', { infer: true });
    this.snapshots =
      entries === 0
        ? undefined
        : new LRUCache({ max: entries, maxSize: megabytes * 1024 * 1024, sizeCalculation: (snapshot) => Math.max(1, snapshot.bytes) });
  }

  /**
   * The snapshot kept for the stream, without a read: the head as far as this process knows,
   * so a decision on it holds unless another process wrote since (the append's expected
   * revision tells). Undefined when none is kept, or an append found it behind.
   */
  held(streamId: string): StreamSnapshot | undefined {
    const kept = this.snapshots?.get(streamId);
    const held = kept && !this.doubted.has(kept) ? kept : undefined;
    this.metrics?.stateCacheLookups.inc({ result: held ? 'hit' : 'miss' });
    return held;
  }

  /** How many streams' states are kept. */
  get size(): number {
    return this.snapshots?.size ?? 0;
  }

  /** The stream folded up to its last committed event: the cached (or persisted) snapshot and the tail read after it. */
  async load(streamId: string, decider: AnyDecider): Promise<StreamSnapshot> {
    const cached = this.snapshots?.get(streamId);
    const { start, tail } = cached ? { start: cached, tail: await this.read(streamId, cached.revision + 1) } : await this.coldStart(streamId, decider);
    const snapshot = await inSpan('fold', { 'parley.stream_id': streamId, 'parley.events': tail.length }, () => inTurns(foldSteps(decider, start, tail)));
    this.hold(streamId, snapshot);
    this.persisted?.offer(streamId, decider, snapshot, false);
    return snapshot;
  }

  /**
   * The persisted snapshot and the events after it, when the store holds the event the snapshot
   * ends with (read in the same read as the tail); else every event of the stream.
   */
  private async coldStart(streamId: string, decider: AnyDecider): Promise<{ start: StreamSnapshot; tail: RecordedEvent[] }> {
    const head = await this.persisted?.find(streamId, decider);
    if (head) {
      const [at, ...tail] = await this.read(streamId, head.revision);
      const restored = await inSpan('restore', { 'parley.stream_id': streamId, 'parley.revision': head.revision }, () => this.persisted!.restore(head, at, decider));
      if (restored) return { start: restored, tail };
    }
    return { start: emptySnapshot(decider), tail: await this.read(streamId, 0) };
  }

  /**
   * The stream's events from a revision on, READ_PAGE at a time with the event loop handed back
   * between pages: the embedded store reads and parses a page in one synchronous step, and all of
   * a 100,000-event stream would be half a second of it.
   */
  private read(streamId: string, fromRevision: number): Promise<RecordedEvent[]> {
    return inSpan('read', { 'parley.stream_id': streamId, 'parley.from_revision': fromRevision }, async () => {
      const events: RecordedEvent[] = [];
      for (let from = fromRevision; ; ) {
        const page = await this.store.readStream(streamId, { ...(from > 0 ? { fromRevision: from } : {}), maxCount: READ_PAGE });
        for (const event of page) events.push(event);
        if (page.length < READ_PAGE) return events;
        from = page[page.length - 1].revision + 1;
        await nextTurn();
      }
    });
  }

  /**
   * The snapshot an append left: kept (see `hold`), and persisted once it is due, after the
   * answer that follows it.
   */
  keep(streamId: string, snapshot: StreamSnapshot, decider?: AnyDecider): void {
    this.hold(streamId, snapshot);
    if (decider) this.persisted?.offer(streamId, decider, snapshot, true);
  }

  /**
   * Keeps a snapshot unless a newer one (of the same committed stream) is already kept; one at
   * the same revision replaces it, since it was just checked against the store.
   */
  private hold(streamId: string, snapshot: StreamSnapshot): void {
    if (!this.snapshots || snapshot.revision < 0) return;
    const kept = this.snapshots.peek(streamId);
    if (!kept || kept.revision <= snapshot.revision) this.snapshots.set(streamId, snapshot);
  }

  /** After a failed append the kept snapshot may be behind: the next command reads its tail. */
  doubt(streamId: string): void {
    const kept = this.snapshots?.peek(streamId);
    if (kept) this.doubted.add(kept);
  }
}
