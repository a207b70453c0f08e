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
