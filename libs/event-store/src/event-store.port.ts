/**
 * The one port both adapters (embedded SQLite, EventStoreDB) implement, with the semantics
 * of EventStoreDB: expected revisions, idempotent re-appends of the same event ids,
 * strictly increasing global positions, catch-up subscriptions to `$all`.
 */

/** `any`: no check; `no_stream`: the stream must not exist; `stream_exists`; or the exact last revision. */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | number;

export type EventMetadata = Readonly<Record<string, unknown>>;

export type EventToAppend = Readonly<{
  /** A UUID chosen by the writer; the same ids re-appended are a no-op, not a duplicate. */
  id: string;
  type: string;
  data: unknown;
  metadata?: EventMetadata;
}>;

export type RecordedEvent = Readonly<{
  id: string;
  type: string;
  streamId: string;
  /** 0-based position of the event in its stream. */
  revision: number;
  /** Position in `$all`: strictly increasing across the store, not necessarily dense. */
  position: bigint;
  data: unknown;
  metadata: EventMetadata;
  recordedAt: Date;
}>;

export type AppendResult = Readonly<{
  streamId: string;
  /** The revision of the last event appended: the stream's revision afterwards. */
  nextExpectedRevision: number;
  /** The global position of the last event appended. */
  position: bigint;
  /**
   * The global position of each event appended, in order (empty when none was): a writer that
   * puts several commands in one append tells each its own place.
   */
  positions: readonly bigint[];
}>;

export type Direction = 'forwards' | 'backwards';

export type ReadStreamOptions = Readonly<{
  direction?: Direction;
  /** Inclusive. Defaults to the start (forwards) or the end (backwards). */
  fromRevision?: number;
  maxCount?: number;
}>;

/**
 * An event passes when its type is one of `eventTypes` and its stream id starts with one of
 * `streamPrefixes` (a literal, case-sensitive prefix). An omitted or empty list does not filter.
 */
export type AllFilter = Readonly<{
  eventTypes?: readonly string[];
  streamPrefixes?: readonly string[];
}>;

export type ReadAllOptions = Readonly<{
  direction?: Direction;
  /**
   * Exclusive: forwards reads start after it, backwards reads before it.
   * Omitted: from the very start (forwards) or the very end (backwards).
   */
  fromPosition?: bigint;
  maxCount?: number;
  filter?: AllFilter;
}>;

export type SubscribeToAllOptions = Readonly<{
  /** Exclusive: events after this position. Omitted: from the start of `$all`. */
  fromPosition?: bigint;
  filter?: AllFilter;
}>;

/** Catch-up, then live, in position order, with no gap and no duplicate at the seam. */
export interface AllSubscription extends AsyncIterable<RecordedEvent> {
  unsubscribe(): Promise<void>;
}

export interface EventStore {
  /**
   * Appends atomically; `expectedRevision` defaults to `any`. Re-appending the same ids under
   * the expectation that held the first time returns the first result and writes nothing.
   * An empty `events` checks the expectation and returns where the stream stands: its last
   * revision and that event's position, or -1 and 0n when it has no events.
   * Throws `WrongExpectedRevisionError` or `DuplicateEventIdError`.
   */
  appendToStream(
    streamId: string,
    events: readonly EventToAppend[],
    options?: Readonly<{ expectedRevision?: ExpectedRevision }>,
  ): Promise<AppendResult>;

  /** An unknown stream reads as empty. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;

  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;

  subscribeToAll(options?: SubscribeToAllOptions): AllSubscription;

  /** The position of the last event in `$all`, 0n when the store is empty. */
  headPosition(): Promise<bigint>;

  /** Throws when the store cannot be reached; used by the health check. */
  ping(): Promise<void>;

  /**
   * An identity the store keeps for itself, made once per store: the same answer on every
   * call and every reopen, and another one for another (or an emptied and recreated) store.
   * It is not an event: no read of `$all`, no subscription, no head position counts it.
   */
  storeId(): Promise<string>;

  close(): Promise<void>;
}

/** Dependency-injection token for the configured adapter. */
export const EVENT_STORE = Symbol('EVENT_STORE');
