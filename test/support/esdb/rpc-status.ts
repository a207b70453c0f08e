import { Any } from 'google-protobuf/google/protobuf/any_pb';
import { Empty as ProtobufEmpty } from 'google-protobuf/google/protobuf/empty_pb';
import { Code } from '@eventstore/db-client/generated/code_pb';
import {
  AccessDenied,
  BadRequest,
  MaximumAppendSizeExceeded,
  StreamDeleted,
  Timeout,
  WrongExpectedVersion,
} from '@eventstore/db-client/generated/shared_pb';
import { Status } from '@eventstore/db-client/generated/status_pb';
import { Expected } from './in-memory-log';
import { int64, streamIdentifier } from './wire';

/**
 * The `google.rpc.Status` a 23.10 node puts in a `BatchAppendResp.error`, one per outcome, as
 * its `Google.Rpc.Status` helpers build them (src/EventStore.Core/Services/Transport/Grpc/Status.cs):
 * a message naming the outcome, a code, and the detail packed as `type.googleapis.com/event_store.client.<Name>`.
 * The client reads only the packed detail (unpackError.js): its type name picks the error.
 */
type Packable = { serializeBinary(): Uint8Array };

function status(code: Code, message: string, detail: Packable, typeName: string): Status {
  const any = new Any();
  any.pack(detail.serializeBinary(), typeName);
  return new Status().setCode(code).setMessage(message).setDetails(any);
}

export const wrongExpectedVersionStatus = (current: bigint | 'no_stream', expected: Expected): Status => {
  const detail = new WrongExpectedVersion();
  if (current === 'no_stream') detail.setCurrentNoStream(new ProtobufEmpty());
  else detail.setCurrentStreamRevision(int64(current));
  if (expected.kind === 'revision') detail.setExpectedStreamPosition(int64(expected.revision));
  else if (expected.kind === 'no_stream') detail.setExpectedNoStream(new ProtobufEmpty());
  else if (expected.kind === 'stream_exists') detail.setExpectedStreamExists(new ProtobufEmpty());
  else detail.setExpectedAny(new ProtobufEmpty());
  return status(Code.ALREADY_EXISTS, 'WrongExpectedVersion', detail, 'event_store.client.WrongExpectedVersion');
};

export const streamDeletedStatus = (stream: string): Status =>
  status(Code.NOT_FOUND, 'StreamDeleted', new StreamDeleted().setStreamIdentifier(streamIdentifier(stream)), 'event_store.client.StreamDeleted');

export const accessDeniedStatus = (): Status =>
  status(Code.PERMISSION_DENIED, 'AccessDenied', new AccessDenied(), 'event_store.client.AccessDenied');

export const timeoutStatus = (): Status => status(Code.DEADLINE_EXCEEDED, 'Timeout', new Timeout(), 'event_store.client.Timeout');

export const maximumAppendSizeExceededStatus = (maxAppendSize: number): Status =>
  status(
    Code.INVALID_ARGUMENT,
    'MaximumAppendSizeExceeded',
    new MaximumAppendSizeExceeded().setMaxappendsize(maxAppendSize),
    'event_store.client.MaximumAppendSizeExceeded',
  );

export const badRequestStatus = (message: string): Status =>
  status(Code.INVALID_ARGUMENT, 'BadRequest', new BadRequest().setMessage(message), 'event_store.client.BadRequest');

/**
 * A write the node could not take (not ready, too busy): 23.10 answers it with an empty detail
 * and no code, only a message, which client 6.2.1 cannot recognise: an `UnknownError`.
 */
export const notHandledStatus = (message: string): Status => status(Code.OK, message, new ProtobufEmpty(), 'google.protobuf.Empty');
