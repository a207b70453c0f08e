import {
  sendUnaryData,
  ServerDuplexStream,
  ServerReadableStream,
  ServerUnaryCall,
  ServerWritableStream,
  status,
  UntypedServiceImplementation,
} from '@grpc/grpc-js';
import {
  AppendReq,
  AppendResp,
  BatchAppendReq,
  BatchAppendResp,
  DeleteReq,
  DeleteResp,
  ReadReq,
  ReadResp,
  TombstoneReq,
  TombstoneResp,
} from '@eventstore/db-client/generated/streams_pb';
import { serveAllSubscription, SubscriptionStart } from './all-subscription';
import { sizeOnDisk } from './append-size';
import { serveBatchAppend } from './batch-append';
import { eventFilterOf } from './event-filter';
import { AppendOutcome, Expected, InMemoryLog, ProposedEvent, StoredEvent } from './in-memory-log';
import { NodeContext, refusal } from './node-context';
import {
  empty,
  error,
  expectedOf,
  int64,
  readEventResponse,
  streamDeletedError,
  streamIdentifier,
  streamName,
  uuidString,
  wrongExpectedVersionError,
} from './wire';

const FORWARDS = ReadReq.Options.ReadDirection.FORWARDS;

/** `Streams.Read`, `Append`, `BatchAppend`, `Delete`, `Tombstone` of one node, over the log it shares with its cluster. */
export function streamsService(node: NodeContext): UntypedServiceImplementation {
  const log = node.log;
  return {
    read: (call: ServerWritableStream<ReadReq, ReadResp>) => {
      const refused = refusal(node, call.metadata, false);
      if (refused) return void call.emit('error', refused);
      read(log, call);
    },
    append: (call: ServerReadableStream<AppendReq, AppendResp>, callback: sendUnaryData<AppendResp>) => append(node, call, callback),
    batchAppend: (call: ServerDuplexStream<BatchAppendReq, BatchAppendResp>) => serveBatchAppend(call, node),
    delete: (call: ServerUnaryCall<DeleteReq, DeleteResp>, callback: sendUnaryData<DeleteResp>) => {
      const refused = refusal(node, call.metadata, true);
      if (refused) return callback(refused);
      const options = call.request.getOptions()!;
      const result = deleteWith(log, streamName(options.getStreamIdentifier()), expectedOf(options), (s) => log.delete(s));
      if (typeof result !== 'bigint') return callback(result);
      callback(null, new DeleteResp().setPosition(new DeleteResp.Position().setCommitPosition(int64(result)).setPreparePosition(int64(result))));
    },
    tombstone: (call: ServerUnaryCall<TombstoneReq, TombstoneResp>, callback: sendUnaryData<TombstoneResp>) => {
      const refused = refusal(node, call.metadata, true);
      if (refused) return callback(refused);
      const options = call.request.getOptions()!;
      const result = deleteWith(log, streamName(options.getStreamIdentifier()), expectedOf(options), (s) => log.tombstone(s));
      if (typeof result !== 'bigint') return callback(result);
      callback(
        null,
        new TombstoneResp().setPosition(new TombstoneResp.Position().setCommitPosition(int64(result)).setPreparePosition(int64(result))),
      );
    },
  };
}

function read(log: InMemoryLog, call: ServerWritableStream<ReadReq, ReadResp>): void {
  const options = call.request.getOptions();
  if (!options) return void call.emit('error', error(status.INVALID_ARGUMENT, 'Read without options'));
  if (options.hasSubscription()) {
    if (!options.hasAll()) return void call.emit('error', error(status.UNIMPLEMENTED, 'The test double subscribes to $all only'));
    void serveAllSubscription(call, log, allStart(options.getAll()!), eventFilterOf(options));
    return;
  }
  const count = Number(BigInt(options.getCount() || '0') > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : options.getCount());
  const forwards = options.getReadDirection() === FORWARDS;
  if (options.hasStream()) {
    const stream = options.getStream()!;
    const name = streamName(stream.getStreamIdentifier());
    if (log.isTombstoned(name)) return void call.emit('error', streamDeletedError(name));
    const events = log.readableEvents(name);
    if (!events) {
      // A missing stream is a normal message, not an error status.
      const notFound = new ReadResp.StreamNotFound().setStreamIdentifier(streamIdentifier(name));
      call.write(new ReadResp().setStreamNotFound(notFound));
      return void call.end();
    }
    return void send(call, streamSlice(events, stream, forwards), count);
  }
  const filter = eventFilterOf(options);
  const selected = allSlice(log, options.getAll()!, forwards);
  void send(call, filter ? selected.filter(filter.matches) : selected, count);
}

/**
 * A read as a real node serves it: paced by the reader (waits for `drain` when the transport
 * is full), so a long read is still an open call when the node dies, and ends CANCELLED.
 */
async function send(call: ServerWritableStream<ReadReq, ReadResp>, events: readonly StoredEvent[], count: number): Promise<void> {
  let cancelled = false;
  call.once('cancelled', () => (cancelled = true));
  for (const event of events.slice(0, count)) {
    if (cancelled) return;
    if (!call.write(readEventResponse(event))) await new Promise((resolve) => call.once('drain', resolve));
  }
  if (!cancelled) call.end();
}

function streamSlice(events: StoredEvent[], options: ReadReq.Options.StreamOptions, forwards: boolean): StoredEvent[] {
  if (forwards) {
    const from = options.hasRevision() ? BigInt(options.getRevision()) : options.hasEnd() ? 2n ** 64n : 0n;
    return events.filter((event) => event.revision >= from);
  }
  const from = options.hasRevision() ? BigInt(options.getRevision()) : options.hasStart() ? -1n : 2n ** 64n;
  return events.filter((event) => event.revision <= from).reverse();
}

/** Forwards from a position includes the event there; backwards from a position starts before it. */
function allSlice(log: InMemoryLog, options: ReadReq.Options.AllOptions, forwards: boolean): StoredEvent[] {
  const at = options.hasPosition() ? log.indexAtOrAfter(BigInt(options.getPosition()!.getCommitPosition())) : undefined;
  if (forwards) return log.all.slice(options.hasEnd() ? log.all.length : (at ?? 0));
  return log.all.slice(0, options.hasStart() ? 0 : (at ?? log.all.length)).reverse();
}

function allStart(options: ReadReq.Options.AllOptions): SubscriptionStart {
  if (options.hasPosition()) return BigInt(options.getPosition()!.getCommitPosition());
  return options.hasEnd() ? 'end' : 'start';
}

/**
 * `Append`, the path of a client that passes credentials: one call per append. Like 23.10's
 * Streams.Append.cs, it counts each event's size as it arrives and fails the call with
 * `maximum-append-size-exceeded` (INVALID_ARGUMENT) once the total passes `MaxAppendSize`.
 */
function append(node: NodeContext, call: ServerReadableStream<AppendReq, AppendResp>, callback: sendUnaryData<AppendResp>): void {
  const log = node.log;
  let options: AppendReq.Options | undefined;
  const proposed: ProposedEvent[] = [];
  let size = 0;
  let refused: ReturnType<typeof error> | undefined = refusal(node, call.metadata, true);
  call.on('data', (request: AppendReq) => {
    if (refused) return;
    if (request.hasOptions()) {
      options = request.getOptions();
      if (node.deniedStreams.has(streamName(options!.getStreamIdentifier()))) refused = error(status.PERMISSION_DENIED, 'Access Denied', 'access-denied');
      return;
    }
    const message = request.getProposedMessage()!;
    const metadata = message.getMetadataMap();
    const [type, contentType] = [metadata.get('type'), metadata.get('content-type')];
    if (!type || !contentType) {
      refused ??= error(status.INVALID_ARGUMENT, 'Required metadata properties are missing', 'missing-required-metadata-property', {
        'required-metadata-properties': 'type,content-type',
      });
      return;
    }
    const event: ProposedEvent = {
      id: uuidString(message.getId()),
      type,
      contentType,
      data: message.getData_asU8(),
      customMetadata: message.getCustomMetadata_asU8(),
    };
    size += sizeOnDisk(event);
    if (size > node.maxAppendSize) {
      refused = error(status.INVALID_ARGUMENT, `Maximum Append Size of ${node.maxAppendSize} Exceeded.`, 'maximum-append-size-exceeded', {
        'maximum-append-size': String(node.maxAppendSize),
      });
      return;
    }
    proposed.push(event);
  });
  call.on('end', () => {
    node.served.append += 1;
    if (refused) return callback(refused);
    if (!options) return callback(error(status.INVALID_ARGUMENT, 'Append without options'));
    const stream = streamName(options.getStreamIdentifier());
    const expected = expectedOf(options);
    const outcome = log.append(stream, expected, proposed);
    if (outcome.kind === 'stream_deleted') return callback(streamDeletedError(stream));
    callback(null, appendResponse(outcome, expected));
  });
}

/** A wrong expected version on Append is an OK response with its `wrong_expected_version` arm, not an error status. */
function appendResponse(outcome: Exclude<AppendOutcome, { kind: 'stream_deleted' }>, expected: Expected): AppendResp {
  if (outcome.kind === 'wrong_expected_version') {
    const wrong = new AppendResp.WrongExpectedVersion();
    if (outcome.current === 'no_stream') wrong.setCurrentNoStream(empty());
    else wrong.setCurrentRevision(int64(outcome.current));
    if (expected.kind === 'revision') wrong.setExpectedRevision(int64(expected.revision));
    else if (expected.kind === 'no_stream') wrong.setExpectedNoStream(empty());
    else if (expected.kind === 'stream_exists') wrong.setExpectedStreamExists(empty());
    else wrong.setExpectedAny(empty());
    return new AppendResp().setWrongExpectedVersion(wrong);
  }
  const success = new AppendResp.Success();
  if (outcome.lastRevision < 0n) success.setNoStream(empty());
  else success.setCurrentRevision(int64(outcome.lastRevision));
  if (outcome.kind === 'written') {
    success.setPosition(new AppendResp.Position().setCommitPosition(int64(outcome.position)).setPreparePosition(int64(outcome.position)));
  } else {
    // Chosen: a repeated (idempotent) append answers without a position, as servers of the 20.x
    // line did; newer ones may send one. The adapter must cope with both.
    success.setNoPosition(empty());
  }
  return new AppendResp().setSuccess(success);
}

function deleteWith(
  log: InMemoryLog,
  stream: string,
  expected: Expected,
  remove: (stream: string) => bigint,
): bigint | ReturnType<typeof error> {
  if (log.isTombstoned(stream)) return streamDeletedError(stream);
  const current = log.currentRevision(stream);
  const holds =
    expected.kind === 'any' ||
    (expected.kind === 'no_stream' && current === 'no_stream') ||
    (expected.kind === 'stream_exists' && current !== 'no_stream') ||
    (expected.kind === 'revision' && current === expected.revision);
  if (!holds) return wrongExpectedVersionError(stream, expected, current);
  return remove(stream);
}
