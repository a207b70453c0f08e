import { WrongExpectedRevisionError } from './event-store.errors';
import { ExpectedRevision } from './event-store.port';

/** A stream's last revision, or `no_stream` when it has no events. */
export type StreamRevision = number | 'no_stream';

export function expectationHolds(expected: ExpectedRevision, actual: StreamRevision): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return actual === 'no_stream';
    case 'stream_exists':
      return actual !== 'no_stream';
    default:
      return actual === expected;
  }
}

export function assertExpectation(streamId: string, expected: ExpectedRevision, actual: StreamRevision): void {
  if (!expectationHolds(expected, actual)) throw new WrongExpectedRevisionError(streamId, expected, actual);
}

/**
 * Whether `expected` held for an append whose first event landed at `firstRevision`:
 * the test that lets a retried append count as the original rather than a conflict.
 */
export function expectationHeldAt(expected: ExpectedRevision, firstRevision: number): boolean {
  return expectationHolds(expected, firstRevision === 0 ? 'no_stream' : firstRevision - 1);
}
