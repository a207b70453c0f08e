import { Metadata, status } from '@grpc/grpc-js';
import { Empty, StreamIdentifier, UUID } from '@eventstore/db-client/generated/shared_pb';
import { ReadResp } from '@eventstore/db-client/generated/streams_pb';
import { Expected, StoredEvent } from './in-memory-log';

/**
 * Encoding facts measured against @eventstore/db-client 6.2.1. Its int64 fields are generated
 * with `jstype = JS_STRING`: they must be set as decimal strings (a number or a BigInt
 * silently encodes as "0").
 */
export const int64 = (value: bigint | number): string => BigInt(value).toString(10);

export function streamName(identifier: StreamIdentifier | undefined): string {
  return Buffer.from(identifier?.getStreamName_asU8() ?? new Uint8Array()).toString('utf8');
}

export function streamIdentifier(name: string): StreamIdentifier {
  return new StreamIdentifier().setStreamName(Buffer.from(name, 'utf8'));
}

export function uuidString(uuid: UUID | undefined): string {
  if (!uuid) throw new Error('A proposed event has no id');
  if (uuid.hasString()) return uuid.getString().toLowerCase();
  // The structured form: two signed 64-bit halves of the 128-bit value.
  const structured = uuid.getStructured()!;
  const hex = [structured.getMostSignificantBits(), structured.getLeastSignificantBits()]
    .map((half) => BigInt.asUintN(64, BigInt(half)).toString(16).padStart(16, '0'))
    .join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A stored event as a `ReadResp.event`, ids in the string form the client asks for. */
export function readEventResponse(event: StoredEvent): ReadResp {
  const recorded = new ReadResp.ReadEvent.RecordedEvent()
    .setId(new UUID().setString(event.id))
    .setStreamIdentifier(streamIdentifier(event.streamId))
    .setStreamRevision(int64(event.revision))
    .setPreparePosition(int64(event.position))
    .setCommitPosition(int64(event.position))
    .setData(event.data)
    .setCustomMetadata(event.customMetadata);
  recorded
    .getMetadataMap()
    .set('type', event.type)
    .set('content-type', event.contentType)
    // 100-ns ticks since the Unix epoch: milliseconds here would read as dates in 1970.
    .set('created', int64(event.created));
  const read = new ReadResp.ReadEvent().setEvent(recorded).setCommitPosition(int64(event.position));
  return new ReadResp().setEvent(read);
}

export function expectedOf(options: {
  hasAny(): boolean;
  hasNoStream(): boolean;
  hasRevision(): boolean;
  getRevision(): string;
  hasStreamExists?(): boolean;
}): Expected {
  if (options.hasRevision()) return { kind: 'revision', revision: BigInt(options.getRevision()) };
  if (options.hasNoStream()) return { kind: 'no_stream' };
  if (options.hasStreamExists?.()) return { kind: 'stream_exists' };
  return { kind: 'any' };
}

/** The numbers EventStoreDB puts in its `expected-version` trailer for the symbolic expectations. */
function expectedVersionNumber(expected: Expected): bigint {
  switch (expected.kind) {
    case 'any':
      return -2n;
    case 'no_stream':
      return -1n;
    case 'stream_exists':
      return -4n;
    case 'revision':
      return expected.revision;
  }
}

export type ServerError = { code: status; details: string; metadata: Metadata };

/**
 * A wrong expected version on Delete or Tombstone: FAILED_PRECONDITION with the trailers the
 * client reads (`exception`, `stream-name`, `expected-version`, and `actual-version` unless
 * the stream does not exist).
 */
export function wrongExpectedVersionError(stream: string, expected: Expected, current: bigint | 'no_stream'): ServerError {
  const metadata = new Metadata();
  metadata.set('exception', 'wrong-expected-version');
  metadata.set('stream-name', stream);
  metadata.set('expected-version', int64(expectedVersionNumber(expected)));
  if (current !== 'no_stream') metadata.set('actual-version', int64(current));
  return { code: status.FAILED_PRECONDITION, details: `Expected version mismatch on ${stream}`, metadata };
}

export function streamDeletedError(stream: string): ServerError {
  const metadata = new Metadata();
  metadata.set('exception', 'stream-deleted');
  metadata.set('stream-name', stream);
  return { code: status.FAILED_PRECONDITION, details: `Event stream '${stream}' is deleted.`, metadata };
}

export function error(code: status, details: string, exception?: string, extra: Record<string, string> = {}): ServerError {
  const metadata = new Metadata();
  if (exception) metadata.set('exception', exception);
  for (const [key, value] of Object.entries(extra)) metadata.set(key, value);
  return { code, details, metadata };
}

export const empty = () => new Empty();
