import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';

/**
 * The test double's storage: one append-only log (`$all`) and an index of streams, in memory.
 * Positions are log positions, as in EventStoreDB: strictly increasing but not dense (each
 * record advances the position by its size), and commit = prepare for every event (what
 * EventStoreDB reports for events written by an ordinary, implicitly committed append).
 */
export type StoredEvent = Readonly<{
  streamId: string;
  revision: bigint;
  id: string;
  type: string;
  contentType: string;
  data: Uint8Array;
  customMetadata: Uint8Array;
  /** 100-ns ticks since the Unix epoch, as EventStoreDB stamps `created`. */
  created: bigint;
  position: bigint;
}>;

export type ProposedEvent = Omit<StoredEvent, 'streamId' | 'revision' | 'created' | 'position'>;

export type Expected = { kind: 'any' } | { kind: 'no_stream' } | { kind: 'stream_exists' } | { kind: 'revision'; revision: bigint };

export type AppendOutcome =
  | { kind: 'written'; lastRevision: bigint; position: bigint }
  /** The same append repeated: EventStoreDB answers success without a position (chosen, see below). */
  | { kind: 'idempotent'; lastRevision: bigint }
  | { kind: 'wrong_expected_version'; current: bigint | 'no_stream' }
  | { kind: 'stream_deleted' };

type StreamState = { events: StoredEvent[]; tombstoned: boolean; softDeletedBefore: bigint };

/** The revision EventStoreDB gives a tombstone (long.MaxValue). */
const TOMBSTONE_REVISION = 2n ** 63n - 1n;
const TICKS_PER_MS = 10_000n;

export class InMemoryLog extends EventEmitter {
  readonly all: StoredEvent[] = [];
  private readonly streams = new Map<string, StreamState>();
  private nextPosition = 0n;

  constructor(private readonly now: () => Date = () => new Date()) {
    super();
    this.setMaxListeners(0);
  }

  /** The last revision of a readable stream, or `no_stream` (never written, or soft-deleted with nothing after). */
  currentRevision(streamId: string): bigint | 'no_stream' {
    const stream = this.streams.get(streamId);
    const last = stream?.events[stream.events.length - 1];
    if (!last || last.revision < stream!.softDeletedBefore) return 'no_stream';
    return last.revision;
  }

  isTombstoned(streamId: string): boolean {
    return this.streams.get(streamId)?.tombstoned ?? false;
  }

  /** The events a stream read sees: none of a tombstoned stream, none below a soft delete. */
  readableEvents(streamId: string): StoredEvent[] | undefined {
    const stream = this.streams.get(streamId);
    if (!stream || stream.tombstoned) return undefined;
    const visible = stream.events.filter((event) => event.revision >= stream.softDeletedBefore);
    return visible.length > 0 ? visible : undefined;
  }

  /**
   * EventStoreDB's commit check as we understand it (its IndexWriter.CheckCommit):
   * - expected revision equal to the current one: write;
   * - expected revision behind the current one (and `no_stream` on an existing stream): if
   *   the proposed ids are the events stored right after the expected revision, the append is
   *   idempotent; if the first id is not, a wrong expected version; if only a later one is
   *   not, "corrupted idempotency", which EventStoreDB also answers as a wrong expected version;
   * - `any` and `stream_exists`: the ids are looked up in a cache of recent ids *of this
   *   stream*. The real cache is bounded; this one remembers every id (chosen). A first id
   *   not found writes the batch, even if a later id is stored; all found, one after another,
   *   is idempotent (that they must be consecutive is our choice); otherwise corrupted.
   * Event ids are not unique across streams in EventStoreDB, and not here either.
   */
  append(streamId: string, expected: Expected, proposed: readonly ProposedEvent[]): AppendOutcome {
    if (this.isTombstoned(streamId)) return { kind: 'stream_deleted' };
    const current = this.currentRevision(streamId);
    const stored = this.streams.get(streamId)?.events ?? [];
    const lastStored = stored.length > 0 ? stored[stored.length - 1].revision : -1n;
    const currentNumber = current === 'no_stream' ? -1n : current;
    const wrong = { kind: 'wrong_expected_version', current } as const;

    switch (expected.kind) {
      case 'stream_exists':
      case 'any': {
        if (expected.kind === 'stream_exists' && current === 'no_stream') return wrong;
        const check = this.checkIdsInStream(stored, proposed);
        if (check === 'corrupted') return wrong;
        if (check !== 'absent') return { kind: 'idempotent', lastRevision: check };
        return this.write(streamId, lastStored, proposed);
      }
      case 'no_stream':
      case 'revision': {
        const expectedNumber = expected.kind === 'no_stream' ? -1n : expected.revision;
        if (expectedNumber === currentNumber) return this.write(streamId, lastStored, proposed);
        if (expectedNumber > currentNumber) return wrong;
        const check = this.checkIdsAfter(stored, expectedNumber, proposed);
        if (check === 'mismatch') return wrong;
        return { kind: 'idempotent', lastRevision: check };
      }
    }
  }

  /** Soft delete: the stream reads as not found until written again; its events stay in `$all`. */
  delete(streamId: string): bigint {
    const stream = this.streams.get(streamId);
    const last = stream?.events[stream.events.length - 1];
    if (stream && last) stream.softDeletedBefore = last.revision + 1n;
    // EventStoreDB records a soft delete as stream metadata: a system event in `$$<stream>`.
    return this.writeSystemEvent(`$$${streamId}`, '$metadata', { $tb: last ? Number(last.revision) + 1 : 0 });
  }

  /** Hard delete: the stream can never be read or written again. */
  tombstone(streamId: string): bigint {
    const stream = this.stateOf(streamId);
    const position = this.place({
      streamId,
      revision: TOMBSTONE_REVISION,
      id: randomUUID(),
      type: '$streamDeleted',
      contentType: 'application/octet-stream',
      data: new Uint8Array(),
      customMetadata: new Uint8Array(),
    });
    stream.tombstoned = true;
    return position;
  }

  /** A system event, as the real server writes its own (settings, stream metadata, statistics). */
  writeSystemEvent(streamId: string, type: string, data: unknown): bigint {
    const stream = this.stateOf(streamId);
    const last = stream.events[stream.events.length - 1];
    return this.place({
      streamId,
      revision: last ? last.revision + 1n : 0n,
      id: randomUUID(),
      type,
      contentType: 'application/json',
      data: Buffer.from(JSON.stringify(data)),
      customMetadata: new Uint8Array(),
    });
  }

  headPosition(): bigint {
    return this.all.length > 0 ? this.all[this.all.length - 1].position : 0n;
  }

  /** Index in `all` of the first event at or after `position`. */
  indexAtOrAfter(position: bigint): number {
    let low = 0;
    let high = this.all.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.all[middle].position < position) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private checkIdsInStream(stored: readonly StoredEvent[], proposed: readonly ProposedEvent[]): bigint | 'absent' | 'corrupted' {
    if (proposed.length === 0) return 'absent';
    const revisions = proposed.map((event) => stored.find((s) => s.id === event.id)?.revision);
    if (revisions[0] === undefined) return 'absent';
    const consecutive = revisions.every((revision, i) => revision === revisions[0]! + BigInt(i));
    return consecutive ? revisions[revisions.length - 1]! : 'corrupted';
  }

  private checkIdsAfter(stored: readonly StoredEvent[], expected: bigint, proposed: readonly ProposedEvent[]): bigint | 'mismatch' {
    let revision = expected;
    for (const event of proposed) {
      revision += 1n;
      const at = stored.find((s) => s.revision === revision);
      if (!at || at.id !== event.id) return 'mismatch';
    }
    // An empty append behind the current revision is still a wrong expected version.
    return proposed.length > 0 ? revision : 'mismatch';
  }

  private write(streamId: string, lastStored: bigint, proposed: readonly ProposedEvent[]): AppendOutcome {
    let revision = lastStored;
    let position = 0n;
    for (const event of proposed) {
      revision += 1n;
      position = this.place({ ...event, streamId, revision });
    }
    if (proposed.length === 0) return { kind: 'idempotent', lastRevision: lastStored };
    return { kind: 'written', lastRevision: revision, position };
  }

  private place(event: Omit<StoredEvent, 'created' | 'position'>): bigint {
    const position = this.nextPosition;
    // A record's size, roughly: what moves the next log position on.
    this.nextPosition += BigInt(100 + event.data.length + event.customMetadata.length + event.streamId.length);
    const stored: StoredEvent = { ...event, created: BigInt(this.now().getTime()) * TICKS_PER_MS, position };
    this.stateOf(event.streamId).events.push(stored);
    this.all.push(stored);
    this.emit('appended');
    return position;
  }

  private stateOf(streamId: string): StreamState {
    let stream = this.streams.get(streamId);
    if (!stream) {
      stream = { events: [], tombstoned: false, softDeletedBefore: 0n };
      this.streams.set(streamId, stream);
    }
    return stream;
  }
}
