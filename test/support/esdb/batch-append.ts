import { ServerDuplexStream } from '@grpc/grpc-js';
import { Empty as ProtobufEmpty } from 'google-protobuf/google/protobuf/empty_pb';
import { AllStreamPosition, UUID } from '@eventstore/db-client/generated/shared_pb';
import { Status } from '@eventstore/db-client/generated/status_pb';
import { BatchAppendReq, BatchAppendResp } from '@eventstore/db-client/generated/streams_pb';
import { sizeOnDisk } from './append-size';
import { Expected, ProposedEvent } from './in-memory-log';
import { NodeContext, notLeaderError, requiresLeader } from './node-context';
import {
  accessDeniedStatus,
  badRequestStatus,
  maximumAppendSizeExceededStatus,
  notHandledStatus,
  streamDeletedStatus,
  timeoutStatus,
  wrongExpectedVersionStatus,
} from './rpc-status';
import { int64, streamIdentifier, streamName, uuidString } from './wire';

type PendingWrite = { stream: string; expected: Expected; events: ProposedEvent[]; size: number; timer: NodeJS.Timeout };

/**
 * `Streams.BatchAppend` as a 23.10 node serves it (Streams.BatchAppend.cs): one long-lived
 * bidirectional call carrying many appends, each a run of requests under one correlation id;
 * the first carries the options (stream, expected revision, deadline), the last `is_final`.
 * Each append gets one response with the same correlation id and the stream, holding either
 * a success or a `google.rpc.Status` whose packed detail says what went wrong. An append whose
 * events pass `MaxAppendSize` is answered at once and its later requests are ignored; one
 * whose last request does not come before its deadline (capped by `WriteTimeoutMs`) answers
 * Timeout. A follower asked with `requires-leader` fails the whole call with NotLeader, as
 * 23.10 does (its envelope callback throws the leader-info exception into the response
 * channel), so every append pending on that call fails with it.
 */
export function serveBatchAppend(call: ServerDuplexStream<BatchAppendReq, BatchAppendResp>, node: NodeContext): void {
  const pending = new Map<string, PendingWrite>();
  const leaderRequired = requiresLeader(call.metadata);
  let ended = false;
  const respond = (correlationId: string, stream: string, result: Status | BatchAppendResp.Success) => {
    if (ended) return;
    const response = new BatchAppendResp().setCorrelationId(structuredUuid(correlationId)).setStreamIdentifier(streamIdentifier(stream));
    if (result instanceof Status) response.setError(result);
    else response.setSuccess(result);
    call.write(response);
  };
  const finish = () => {
    if (ended) return;
    ended = true;
    for (const write of pending.values()) clearTimeout(write.timer);
    pending.clear();
  };

  call.on('data', (request: BatchAppendReq) => {
    if (ended) return;
    const correlationId = uuidString(request.getCorrelationId());
    if (request.hasOptions()) {
      node.served.batchAppend += 1;
      const opened = open(request.getOptions()!, node);
      if ('error' in opened) return respond(correlationId, opened.stream, opened.error);
      const timer = setTimeout(() => {
        if (pending.delete(correlationId)) respond(correlationId, opened.stream, timeoutStatus());
      }, opened.timeoutMs);
      pending.set(correlationId, { stream: opened.stream, expected: opened.expected, events: [], size: 0, timer });
    }
    const write = pending.get(correlationId);
    if (!write) return;
    try {
      for (const message of request.getProposedMessagesList()) {
        const event = proposedEvent(message);
        write.events.push(event);
        write.size += sizeOnDisk(event);
      }
    } catch (refused) {
      close(correlationId);
      return respond(correlationId, write.stream, badRequestStatus((refused as Error).message));
    }
    if (write.size > node.maxAppendSize) {
      close(correlationId);
      return respond(correlationId, write.stream, maximumAppendSizeExceededStatus(node.maxAppendSize));
    }
    if (!request.getIsFinal()) return;
    close(correlationId);
    const role = node.role();
    if (role.kind === 'follower' && leaderRequired) {
      finish();
      return void call.emit('error', notLeaderError(role.leader));
    }
    if (role.kind === 'no_leader') return respond(correlationId, write.stream, notHandledStatus('Server Is Not Ready'));
    const outcome = node.log.append(write.stream, write.expected, write.events);
    if (node.diesAfterWrite?.()) return finish();
    switch (outcome.kind) {
      case 'stream_deleted':
        return respond(correlationId, write.stream, streamDeletedStatus(write.stream));
      case 'wrong_expected_version':
        return respond(correlationId, write.stream, wrongExpectedVersionStatus(outcome.current, write.expected));
      default:
        return respond(correlationId, write.stream, success(outcome.lastRevision, outcome.kind === 'written' ? outcome.position : undefined));
    }
  });
  call.on('end', () => {
    finish();
    call.end();
  });
  call.on('cancelled', finish);
  call.on('error', finish);

  function close(correlationId: string): void {
    const write = pending.get(correlationId);
    if (write) clearTimeout(write.timer);
    pending.delete(correlationId);
  }
}

type Opened = { stream: string; expected: Expected; timeoutMs: number } | { stream: string; error: Status };

function open(options: BatchAppendReq.Options, node: NodeContext): Opened {
  const stream = streamName(options.getStreamIdentifier());
  if (node.deniedStreams.has(stream)) return { stream, error: accessDeniedStatus() };
  if (!options.hasStreamIdentifier()) return { stream, error: badRequestStatus('Required field StreamIdentifier not set.') };
  // Client 6.2.1 sends the deadline as a point in time (field 6, `deadline_21_10_0` on the server).
  const requested = options.hasDeadline() ? options.getDeadline()!.toDate().getTime() - node.now().getTime() : Number.POSITIVE_INFINITY;
  const timeoutMs = Math.min(requested, node.writeTimeoutMs);
  if (timeoutMs <= 0) return { stream, error: timeoutStatus() };
  return { stream, expected: expectedOf(options), timeoutMs };
}

function expectedOf(options: BatchAppendReq.Options): Expected {
  if (options.hasStreamPosition()) return { kind: 'revision', revision: BigInt(options.getStreamPosition()) };
  if (options.hasNoStream()) return { kind: 'no_stream' };
  if (options.hasStreamExists()) return { kind: 'stream_exists' };
  return { kind: 'any' };
}

/** Like the server's `FromProposedMessage`: a missing `type` throws, and the append answers BadRequest with its message. */
function proposedEvent(message: BatchAppendReq.ProposedMessage): ProposedEvent {
  const metadata = message.getMetadataMap();
  const type = metadata.get('type');
  const contentType = metadata.get('content-type');
  if (type === undefined) throw new Error("The given key 'type' was not present in the dictionary.");
  if (contentType === undefined) throw new Error("The given key 'content-type' was not present in the dictionary.");
  return { id: uuidString(message.getId()), type, contentType, data: message.getData_asU8(), customMetadata: message.getCustomMetadata_asU8() };
}

/** BatchAppendResp.Success.Completed: no position for a repeated (idempotent) append, as for Append. */
function success(lastRevision: bigint, position: bigint | undefined): BatchAppendResp.Success {
  const result = new BatchAppendResp.Success();
  if (lastRevision < 0n) result.setNoStream(new ProtobufEmpty());
  else result.setCurrentRevision(int64(lastRevision));
  if (position === undefined) result.setNoPosition(new ProtobufEmpty());
  else result.setPosition(new AllStreamPosition().setCommitPosition(int64(position)).setPreparePosition(int64(position)));
  return result;
}

/** The server answers with `Uuid.ToDto()`: the structured form (two signed 64-bit halves), whatever form it was sent in. */
function structuredUuid(id: string): UUID {
  const hex = id.replace(/-/g, '');
  const half = (part: string) => BigInt.asIntN(64, BigInt(`0x${part}`)).toString(10);
  return new UUID().setStructured(new UUID.Structured().setMostSignificantBits(half(hex.slice(0, 16))).setLeastSignificantBits(half(hex.slice(16))));
}
