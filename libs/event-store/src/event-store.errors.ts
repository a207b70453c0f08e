import { ExpectedRevision } from './event-store.port';

/** The stream was not at the revision the writer expected (EventStoreDB's WrongExpectedVersion). */
export class WrongExpectedRevisionError extends Error {
  override readonly name = 'WrongExpectedRevisionError';

  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** The stream's actual last revision, or `no_stream`. */
    readonly actual: number | 'no_stream',
  ) {
    super(`Stream ${streamId} expected at ${String(expected)} but is at ${String(actual)}`);
  }
}

/** An event id is already stored, but not as part of the same append being repeated. */
export class DuplicateEventIdError extends Error {
  override readonly name = 'DuplicateEventIdError';

  constructor(readonly eventId: string) {
    super(`Event id ${eventId} is already stored elsewhere`);
  }
}

/**
 * An append carries more bytes than the store takes in one append (EventStoreDB's
 * `MaxAppendSize`, 1 MiB by default; the embedded store keeps the same limit). Nothing was written.
 */
export class AppendTooLargeError extends Error {
  override readonly name = 'AppendTooLargeError';

  constructor(
    readonly streamId: string,
    /** The limit in bytes. */
    readonly maxAppendBytes: number,
    /** The bytes counted, when known (EventStoreDB's own refusal does not say). */
    readonly bytes?: number,
  ) {
    super(`An append to ${streamId} of ${bytes === undefined ? 'more than' : `${bytes} bytes, more than`} ${maxAppendBytes} bytes`);
  }
}

/** The stream was deleted in the store and can no longer be written (EventStoreDB's StreamDeleted). */
export class StreamDeletedError extends Error {
  override readonly name = 'StreamDeletedError';

  constructor(readonly streamId: string) {
    super(`Stream ${streamId} is deleted`);
  }
}

/** Why the store could not serve a request: what to tell an operator, not the caller. */
export type UnavailableReason = 'unreachable' | 'not_leader' | 'deadline' | 'not_ready' | 'access_denied' | 'unknown';

/**
 * The store could not be reached, did not answer in time, or kept answering from a node that
 * cannot take the request, even after the adapter's own retries. A write may or may not have
 * been recorded: retrying it with the same event ids (the same Idempotency-Key) is safe.
 */
export class EventStoreUnavailableError extends Error {
  override readonly name = 'EventStoreUnavailableError';

  constructor(
    readonly reason: UnavailableReason,
    override readonly cause?: unknown,
  ) {
    super(`The event store is unavailable (${reason})${cause instanceof Error ? `: ${cause.message}` : ''}`);
  }
}
