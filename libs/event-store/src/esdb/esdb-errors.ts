import {
  AccessDeniedError,
  CancelledError,
  convertToCommandError,
  DeadlineExceededError,
  isCommandError,
  MaxAppendSizeExceededError,
  NotLeaderError,
  StreamDeletedError as ClientStreamDeletedError,
  TimeoutError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { AppendTooLargeError, EventStoreUnavailableError, StreamDeletedError, UnavailableReason } from '../event-store.errors';

/** What a failed call to EventStoreDB means for the port: an error to pass on, and whether trying again may succeed. */
export type Verdict = Readonly<{ error: unknown; retry: boolean }>;

/**
 * Sorts what client 6.2.1 throws. The client reconnects by itself after Unavailable,
 * Cancelled (a node lost mid-call: BatchAppend's shared call fails every append on it) and
 * NotLeader (towards the leader named in the trailers), but it never repeats the request:
 * those, a discovery that found no node, and a node "not ready" (an election under way,
 * which BatchAppend reports as an unrecognised status: `UnknownError`) are worth another
 * try. A deadline may be a slow leader: tried again too, within the same budget. Access
 * denied is a wrong setting, not a moment: not retried. Anything else from the client is
 * still the store failing, never a bug of the caller's, so it becomes unavailable as well;
 * errors that are not the client's (ours, a TypeError) pass through untouched.
 */
export function verdictOn(thrown: unknown, streamId?: string): Verdict {
  // Some paths hand out the raw gRPC error (the server-features query made before an append).
  const error = thrown instanceof Error ? convertToCommandError(thrown) : thrown;
  // An answer, not a failure: the adapter turns it into the port's conflict or duplicate.
  if (error instanceof WrongExpectedVersionError) return { error, retry: false };
  if (error instanceof MaxAppendSizeExceededError) return { error: new AppendTooLargeError(streamId ?? '', error.maxAppendSize), retry: false };
  if (error instanceof ClientStreamDeletedError) return { error: new StreamDeletedError(error.streamName ?? streamId ?? ''), retry: false };
  const reason = unavailableReason(error);
  if (reason) return { error: new EventStoreUnavailableError(reason, error), retry: reason !== 'access_denied' };
  return { error: thrown, retry: false };
}

function unavailableReason(error: unknown): UnavailableReason | undefined {
  if (error instanceof NotLeaderError) return 'not_leader';
  if (error instanceof UnavailableError || error instanceof CancelledError) return 'unreachable';
  if (error instanceof DeadlineExceededError || error instanceof TimeoutError) return 'deadline';
  if (error instanceof AccessDeniedError) return 'access_denied';
  if (error instanceof UnknownError) return /not ready|busy/i.test(error.message) ? 'not_ready' : 'unknown';
  if (error instanceof Error && isCommandError(error)) return 'unknown';
  // The client's discovery gives up with a plain Error.
  if (error instanceof Error && /^Failed to discover after \d+ attempts/.test(error.message)) return 'unreachable';
  return undefined;
}
