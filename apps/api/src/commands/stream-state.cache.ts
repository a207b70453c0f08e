import { Inject, Injectable, Optional } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EVENT_STORE, EventStore } from '@parley/event-store';
import { LRUCache } from 'lru-cache';
import { Environment } from '../config/environment';
import { Metrics } from '../observability/metrics';
import { inSpan, inSpanSync } from '../observability/spans';
import type { AnyDecider } from './aggregates';
import { StreamSnapshot, emptySnapshot, foldInto } from './stream-snapshot';

/**
 * The folded state of recently written streams, so a command reads at most the events after the
 * revision it already holds. Every snapshot is a fold of events the store has committed, so any
 * of them is a correct start: another process's writes are the tail the next read brings in,
 * and the store's expected-revision check refuses a decision made on a tail not yet seen.
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

  /** The stream folded up to its last committed event: the cached snapshot and the tail read after it. */
  async load(streamId: string, decider: AnyDecider): Promise<StreamSnapshot> {
    const cached = this.snapshots?.get(streamId) ?? emptySnapshot(decider);
    const fromRevision = cached.revision + 1;
    const tail = await inSpan('read', { 'parley.stream_id': streamId, 'parley.from_revision': fromRevision }, () =>
      this.store.readStream(streamId, cached.revision < 0 ? {} : { fromRevision }),
    );
    const snapshot = inSpanSync('fold', { 'parley.stream_id': streamId, 'parley.events': tail.length }, () => foldInto(decider, cached, tail));
    this.keep(streamId, snapshot);
    return snapshot;
  }

  /**
   * Keeps a snapshot unless a newer one (of the same committed stream) is already kept; one at
   * the same revision replaces it, since it was just checked against the store.
   */
  keep(streamId: string, snapshot: StreamSnapshot): void {
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
