import {
  AllStreamResolvedEvent,
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  jsonEvent,
  JSONType,
  NO_STREAM,
  Position,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { randomUUID } from 'node:crypto';
import { assertAppendSize, assertCount, assertExpectedRevision, assertStreamId, DEFAULT_MAX_APPEND_BYTES, serializeEvent } from '../append.validation';
import { DuplicateEventIdError, EventStoreUnavailableError, WrongExpectedRevisionError } from '../event-store.errors';
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
import { assertExpectation } from '../expected-revision';
import { EsdbAllSubscription, ResumeOptions } from './esdb-all-subscription';
import { verdictOn } from './esdb-errors';
import { DEFAULT_RETRY, RetryOptions, withRetries } from './esdb-retry';
import { fromClientRevision, isSystemEvent, passes, toClientExpectedRevision, toRecordedEvent } from './esdb.mapping';

/** Where the store keeps its identity: a system stream, outside everything the application reads. */
export const STORE_IDENTITY_STREAM = '$parley-store-identity';

export type EventStoreDbEventStoreOptions = Readonly<{
  /** `esdb://host:2113?tls=false`, `esdb+discover://…`: the client's connection string. */
  connectionString: string;
  /** Events read per request while paging through `$all`. Default 500. */
  pageSize?: number;
  /** How long `ping` waits for the server. Default 5000 ms. */
  pingTimeoutMs?: number;
  /** Resubscription backoff of a dropped subscription. Default 100 ms doubling to 5 s. */
  resume?: Partial<ResumeOptions>;
  /** How appends and reads are tried again after the node is lost, not the leader, or not ready. Default 6 tries over about 3 s. */
  retry?: Partial<RetryOptions>;
  /**
   * The bytes one append may carry, checked before it is sent (AppendTooLargeError). Default
   * 1 MiB, the server's default `MaxAppendSize`; set it to the server's if that was changed.
   */
  maxAppendBytes?: number;
  /**
   * How long one append may wait for its answer. Client 6.2.1 sends appends on a shared
   * BatchAppend call with no deadline of its own (the server enforces the one it is sent),
   * so a node that stops answering without closing the connection would hold it forever.
   * Default 15 s: the client's 10 s deadline, and time for the server's answer to arrive.
   */
  appendTimeoutMs?: number;
}>;

/**
 * The EventStore port over EventStoreDB, through @eventstore/db-client.
 *
 * What differs from the embedded store, and why:
 * - Event ids are unique per stream only where EventStoreDB checks them: re-appending the same
 *   batch under the expectation that held is idempotent (answered as the first time), but an
 *   id already stored in *another* stream, or later in a batch, is written again — EventStoreDB
 *   keeps no store-wide index of ids. Under `any` its check uses a bounded cache of recent
 *   ids, so only an exact expected revision makes a late retry safe (our command handler
 *   always sends one).
 * - `$all` also holds EventStoreDB's own events; every read and subscription leaves them out.
 * - Client 6.2.1 cannot filter `readAll` on the server: filtered reads page through `$all`
 *   here. Subscriptions filter on the server, by stream prefix or else by type (never both:
 *   with both, the type is checked here).
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly subscriptions = new Set<EsdbAllSubscription>();
  private readonly pageSize: number;
  private readonly pingTimeoutMs: number;
  private readonly resume: ResumeOptions;
  private readonly retry: RetryOptions;
  private readonly maxAppendBytes: number;
  private readonly appendTimeoutMs: number;
  private closed = false;

  private constructor(
    private readonly client: EventStoreDBClient,
    options: EventStoreDbEventStoreOptions,
  ) {
    this.pageSize = options.pageSize ?? 500;
    this.pingTimeoutMs = options.pingTimeoutMs ?? 5000;
    this.resume = { minBackoffMs: 100, maxBackoffMs: 5000, ...options.resume };
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.maxAppendBytes = options.maxAppendBytes ?? DEFAULT_MAX_APPEND_BYTES;
    this.appendTimeoutMs = options.appendTimeoutMs ?? 15_000;
  }

  /** Connects lazily: the first request opens the channel, so a server that is down is only noticed then. */
  static connect(options: EventStoreDbEventStoreOptions): EventStoreDbEventStore {
    if (!/^esdb(\+discover)?:\/\//.test(options.connectionString)) {
      throw new TypeError('An EventStoreDB connection string starts with esdb:// or esdb+discover://');
    }
    return new EventStoreDbEventStore(EventStoreDBClient.connectionString(options.connectionString), options);
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
    if (serialized.length === 0) return this.whereStreamStands(streamId, expected);
    assertUniqueInBatch(serialized.map((event) => event.id));
    assertAppendSize(streamId, serialized, this.maxAppendBytes);
    const proposed = serialized.map((event, i) =>
      jsonEvent({
        id: event.id,
        type: event.type,
        // Any JSON value round-trips: the client JSON.stringifies what it is given.
        data: events[i].data as JSONType,
        metadata: (events[i].metadata ?? {}) as JSONType,
      }),
    );
    try {
      // `requiresLeader`: a follower answers NotLeader, and the client reconnects to the leader it names.
      const append = () =>
        this.answerWithin(this.client.appendToStream(streamId, proposed, { expectedRevision: toClientExpectedRevision(expected), requiresLeader: true }));
      const result = await withRetries(append, (error) => verdictOn(error, streamId), this.retry);
      const revision = Number(result.nextExpectedRevision);
      // The answer holds the last event's position only, and a repeated append none at all:
      // the others are read back, from revisions that can no longer change.
      const positions =
        serialized.length === 1 && result.position
          ? [result.position.commit]
          : await this.positionsOf(streamId, revision - serialized.length + 1, serialized.length);
      return { streamId, nextExpectedRevision: revision, position: positions[positions.length - 1], positions };
    } catch (error) {
      throw this.appendError(error, streamId, expected, serialized[0].id);
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    assertStreamId(streamId);
    assertCount('fromRevision', options.fromRevision);
    assertCount('maxCount', options.maxCount);
    if (options.maxCount === 0) return [];
    const backwards = options.direction === 'backwards';
    const read = async () => {
      try {
        return await collect(
          this.client.readStream(streamId, {
            direction: backwards ? BACKWARDS : FORWARDS,
            fromRevision: options.fromRevision === undefined ? (backwards ? END : START) : BigInt(options.fromRevision),
            ...(options.maxCount === undefined ? {} : { maxCount: options.maxCount }),
          }),
        );
      } catch (error) {
        if (error instanceof StreamNotFoundError) return [];
        throw error;
      }
    };
    const resolved = await withRetries(read, (error) => verdictOn(error, streamId), this.retry);
    return resolved.map(toRecordedEvent).filter((event): event is RecordedEvent => event !== undefined);
  }

  /**
   * Pages through `$all`, leaving out system events and those the filter refuses, until
   * `maxCount` events are found or the log ends. `fromPosition` is exclusive both ways; the
   * server's forwards reads include the event at the position asked for, so it is skipped here.
   */
  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    assertCount('maxCount', options.maxCount);
    assertPosition(options.fromPosition);
    const wanted = options.maxCount ?? Number.POSITIVE_INFINITY;
    const backwards = options.direction === 'backwards';
    // 0n is the start, inclusive, as when omitted: nothing comes before it.
    if (backwards && options.fromPosition === 0n) return [];
    let cursor = options.fromPosition === 0n ? undefined : options.fromPosition;
    const size = options.filter ? this.pageSize : Math.min(this.pageSize, wanted);
    const found: RecordedEvent[] = [];
    while (found.length < wanted) {
      const page = await this.readAllPage(backwards, cursor, size);
      for (const resolved of page) {
        const event = toRecordedEvent(resolved);
        if (!event) continue;
        if (cursor !== undefined && (backwards ? event.position >= cursor : event.position <= cursor)) continue;
        cursor = event.position;
        if (passes(options.filter, event.streamId, event.type)) found.push(event);
        if (found.length === wanted) break;
      }
      if (page.length < size) break;
    }
    return found;
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    this.assertOpen();
    assertPosition(options.fromPosition);
    const subscription = new EsdbAllSubscription(this.client, options.fromPosition, options.filter, this.resume, (ended) =>
      this.subscriptions.delete(ended),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** The position of the last event the application wrote: system events after it do not count. */
  async headPosition(): Promise<bigint> {
    this.assertOpen();
    let cursor: bigint | undefined;
    for (;;) {
      const page = await this.readAllPage(true, cursor, this.pageSize);
      for (const resolved of page) {
        const event = resolved.event;
        if (!event?.position) continue;
        if (!isSystemEvent(event.streamId, event.type)) return event.position.commit;
        cursor = event.position.commit;
      }
      if (page.length < this.pageSize) return 0n;
    }
  }

  /** One read of the last record of `$all`, bounded in time: the health check. */
  async ping(): Promise<void> {
    this.assertOpen();
    const read = this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`EventStoreDB did not answer within ${this.pingTimeoutMs} ms`)), this.pingTimeoutMs);
    });
    try {
      await Promise.race([collect(read), timeout]);
    } finally {
      clearTimeout(timer);
      void read.cancel().catch(() => undefined);
    }
  }

  /**
   * The first event of `$parley-store-identity`, written once with `no_stream` (whoever loses
   * that race reads the winner's). A `$` stream is a system stream: every read and
   * subscription of this adapter leaves it out, so it is never taken for a domain event.
   */
  async storeId(): Promise<string> {
    this.assertOpen();
    const stored = await this.readIdentity();
    if (stored) return stored;
    const id = randomUUID();
    try {
      await this.client.appendToStream(STORE_IDENTITY_STREAM, jsonEvent({ id, type: 'ParleyStoreIdentified', data: { storeId: id } }), {
        expectedRevision: NO_STREAM,
      });
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
    }
    const written = await this.readIdentity();
    if (!written) throw new Error(`EventStoreDB: ${STORE_IDENTITY_STREAM} holds no identity right after writing one`);
    return written;
  }

  /** Ends every subscription (a pending `next()` resolves done), then the client's streams and channel. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const subscription of [...this.subscriptions]) await subscription.unsubscribe();
    await this.client.dispose();
  }

  private async readIdentity(): Promise<string | undefined> {
    try {
      const [first] = await collect(this.client.readStream(STORE_IDENTITY_STREAM, { direction: FORWARDS, fromRevision: START, maxCount: 1 }));
      const storeId = (first?.event?.data as { storeId?: unknown } | undefined)?.storeId;
      return typeof storeId === 'string' ? `esdb:${storeId}` : undefined;
    } catch (error) {
      if (error instanceof StreamNotFoundError) return undefined;
      throw error;
    }
  }

  private readAllPage(backwards: boolean, after: bigint | undefined, size: number): Promise<AllStreamResolvedEvent[]> {
    const fromPosition: Position | typeof START | typeof END =
      after === undefined ? (backwards ? END : START) : { commit: after, prepare: after };
    // One more than a page forwards: the event at `after` itself comes back and is skipped.
    const maxCount = size + (after !== undefined && !backwards ? 1 : 0);
    const read = () => collect(this.client.readAll({ direction: backwards ? BACKWARDS : FORWARDS, fromPosition, maxCount }));
    return withRetries(read, (error) => verdictOn(error), this.retry);
  }

  /** The append's answer, or unavailable once `appendTimeoutMs` has passed without one. */
  private async answerWithin<T>(answer: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new EventStoreUnavailableError('deadline')), this.appendTimeoutMs);
    });
    try {
      return await Promise.race([answer, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** An empty append writes nothing: it checks the expectation against the stream's last event. */
  private async whereStreamStands(streamId: string, expected: ExpectedRevision): Promise<AppendResult> {
    const [last] = await this.readStream(streamId, { direction: 'backwards', maxCount: 1 });
    assertExpectation(streamId, expected, last ? last.revision : 'no_stream');
    return { streamId, nextExpectedRevision: last?.revision ?? -1, position: last?.position ?? 0n, positions: [] };
  }

  private async positionsOf(streamId: string, fromRevision: number, count: number): Promise<bigint[]> {
    const events = await this.readStream(streamId, { fromRevision, maxCount: count });
    if (events.length !== count) throw new Error(`Stream ${streamId} lacks events ${fromRevision}..${fromRevision + count - 1} right after appending them`);
    return events.map((event) => event.position);
  }

  /**
   * A wrong expected version under `any` (or `stream_exists` on a stream that exists) cannot be
   * a real conflict: it is EventStoreDB's "corrupted idempotency" — the first id of the batch
   * is stored, but the batch is not the one stored then. That is our duplicate id.
   */
  private appendError(error: unknown, streamId: string, expected: ExpectedRevision, firstId: string): unknown {
    if (!(error instanceof WrongExpectedVersionError)) return error;
    const actual = fromClientRevision(error.actualVersion);
    if (expected === 'any' || (expected === 'stream_exists' && actual !== 'no_stream')) return new DuplicateEventIdError(firstId);
    return new WrongExpectedRevisionError(streamId, expected, actual);
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('EventStoreDB event store is closed');
  }
}

/** A bounded read, gathered: the client hands out a stream of events. */
async function collect<T>(read: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of read) items.push(item);
  return items;
}

function assertPosition(position: bigint | undefined): void {
  if (position !== undefined && (typeof position !== 'bigint' || position < 0n)) {
    throw new RangeError(`A position must be a bigint >= 0, got ${String(position)}`);
  }
}

/** EventStoreDB would store a repeated id twice in one batch; the port refuses it, as SQLite does. */
function assertUniqueInBatch(ids: readonly string[]): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) throw new DuplicateEventIdError(id);
    seen.add(id);
  }
}
