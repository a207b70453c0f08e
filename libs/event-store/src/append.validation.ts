import { AppendTooLargeError } from './event-store.errors';
import { EventToAppend, ExpectedRevision } from './event-store.port';

// EventStoreDB accepts only UUIDs as event ids; refusing anything else here keeps the
// embedded store from accepting data the production store would reject.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function assertStreamId(streamId: unknown): asserts streamId is string {
  if (typeof streamId !== 'string' || streamId.length === 0) {
    throw new TypeError(`A stream id must be a non-empty string, got ${JSON.stringify(streamId)}`);
  }
}

export function assertExpectedRevision(expected: unknown): asserts expected is ExpectedRevision {
  if (expected === 'any' || expected === 'no_stream' || expected === 'stream_exists') return;
  if (typeof expected === 'number' && Number.isSafeInteger(expected) && expected >= 0) return;
  throw new RangeError(
    `An expected revision is 'any', 'no_stream', 'stream_exists' or a revision >= 0, got ${String(expected)}`,
  );
}

export function assertCount(name: string, value: number | undefined): void {
  if (value !== undefined && !(Number.isSafeInteger(value) && value >= 0)) {
    throw new RangeError(`${name} must be an integer >= 0, got ${String(value)}`);
  }
}

export type SerializedEvent = Readonly<{ id: string; type: string; data: string; metadata: string }>;

/** Validates an event and serializes its payloads, so nothing can fail halfway through a write. */
export function serializeEvent(event: EventToAppend): SerializedEvent {
  if (typeof event.id !== 'string' || !UUID.test(event.id)) {
    throw new TypeError(`An event id must be a UUID, got ${JSON.stringify(event.id)}`);
  }
  if (typeof event.type !== 'string' || event.type.length === 0) {
    throw new TypeError(`Event ${event.id}: the type must be a non-empty string`);
  }
  const data = JSON.stringify(event.data);
  if (data === undefined) throw new TypeError(`Event ${event.id}: data must be JSON-serializable, got undefined`);
  const metadata = event.metadata ?? {};
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) {
    throw new TypeError(`Event ${event.id}: metadata must be an object`);
  }
  // Lower case, as EventStoreDB hands ids back, so a retry spelled in upper case is still the same event.
  return { id: event.id.toLowerCase(), type: event.type, data, metadata: JSON.stringify(metadata) };
}

/** EventStoreDB's default `MaxAppendSize`, and the embedded store's limit: 1 MiB. */
export const DEFAULT_MAX_APPEND_BYTES = 1024 * 1024;

/**
 * Refuses an append whose events carry more than `limit` bytes, counted as EventStoreDB means
 * to count them: data and metadata in UTF-8, and the type twice (UTF-16). That is stricter
 * than 23.10 counts (its `Event.SizeOnDisk` ends up counting the data alone), so an append
 * that passes here also passes the server, and both stores refuse the same appends.
 */
export function assertAppendSize(streamId: string, events: readonly SerializedEvent[], limit: number): void {
  let bytes = 0;
  for (const event of events) bytes += Buffer.byteLength(event.data) + Buffer.byteLength(event.metadata) + event.type.length * 2;
  if (bytes > limit) throw new AppendTooLargeError(streamId, limit, bytes);
}
