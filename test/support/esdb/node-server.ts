import { Server, ServerCredentials, ServerUnaryCall, sendUnaryData, status, UntypedHandleCall, UntypedServiceImplementation } from '@grpc/grpc-js';
import { ClusterInfo, MemberInfo } from '@eventstore/db-client/generated/gossip_pb';
import { GossipService } from '@eventstore/db-client/generated/gossip_grpc_pb';
import { ServerFeaturesService } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import { SupportedMethod, SupportedMethods } from '@eventstore/db-client/generated/serverfeatures_pb';
import { Empty } from '@eventstore/db-client/generated/shared_pb';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
import { NodeContext } from './node-context';
import { streamsService } from './streams.service';

/**
 * What `ServerFeatures.GetSupportedMethods` lists, as a 23.10 node builds it (ServerFeatures.cs):
 * every client method, lower case, with the features it adds to reads (`position`, `events`)
 * and to BatchAppend (`deadline_duration`). Only the services the double implements are
 * listed: Streams, Gossip, ServerFeatures. Because BatchAppend is listed, client 6.2.1 sends
 * every append made without per-call credentials through it, as it does against a real node.
 */
const STREAMS = 'event_store.client.streams.streams';
const SUPPORTED: ReadonlyArray<readonly [service: string, method: string, features: readonly string[]]> = [
  [STREAMS, 'read', ['position', 'events']],
  [STREAMS, 'append', []],
  [STREAMS, 'delete', []],
  [STREAMS, 'tombstone', []],
  [STREAMS, 'batchappend', ['deadline_duration']],
  ['event_store.client.gossip.gossip', 'read', []],
  ['event_store.client.server_features.serverfeatures', 'getsupportedmethods', []],
];

/** The version whose behaviour the double reproduces; the client only logs it. */
export const SERVER_VERSION = '23.10.0';

export type NodeServices = Readonly<{ node: NodeContext; members: () => MemberInfo[]; tls?: NodeTls }>;

/** A certificate and its key (PEM): the node then serves TLS only, as a secure real node does. */
export type NodeTls = Readonly<{ cert: Buffer; key: Buffer }>;

export type ListeningNode = Readonly<{
  port: number;
  /**
   * Stops the node as its process dying does: every streaming call still open (reads,
   * subscriptions, the shared BatchAppend call) ends CANCELLED, which client 6.2.1 reports as
   * `CancelledError` and reconnects after, as a real node's loss shows; then the server goes.
   */
  kill: () => void;
}>;

/** One node's gRPC server on host:port (0 picks a free port), with the Streams, ServerFeatures and Gossip services. */
export async function listenNode(host: string, port: number, services: NodeServices): Promise<ListeningNode> {
  const grpc = new Server();
  const open = new Set<{ emit: (event: 'error', error: object) => boolean }>();
  grpc.addService(StreamsService, tracked(streamsService(services.node), ['read', 'batchAppend'], open));
  grpc.addService(ServerFeaturesService, {
    getSupportedMethods: (_call: ServerUnaryCall<Empty, SupportedMethods>, callback: sendUnaryData<SupportedMethods>) => {
      const methods = SUPPORTED.map(([service, method, features]) =>
        new SupportedMethod().setServiceName(service).setMethodName(method).setFeaturesList([...features]),
      );
      callback(null, new SupportedMethods().setMethodsList(methods).setEventStoreServerVersion(SERVER_VERSION));
    },
  });
  grpc.addService(GossipService, {
    read: (_call: ServerUnaryCall<Empty, ClusterInfo>, callback: sendUnaryData<ClusterInfo>) =>
      callback(null, new ClusterInfo().setMembersList(services.members())),
  });
  const bound = await new Promise<number>((resolve, reject) =>
    grpc.bindAsync(`${host}:${port}`, credentialsOf(services.tls), (error, actual) => (error ? reject(error) : resolve(actual))),
  );
  return {
    port: bound,
    kill: () => {
      for (const call of [...open]) call.emit('error', { code: status.CANCELLED, details: 'Call cancelled' });
      grpc.forceShutdown();
    },
  };
}

/** The same service, with each open call of the named streaming methods kept in `open` until it ends. */
function tracked(service: UntypedServiceImplementation, methods: readonly string[], open: Set<{ emit: (event: 'error', error: object) => boolean }>): UntypedServiceImplementation {
  const wrapped: UntypedServiceImplementation = { ...service };
  for (const method of methods) {
    const handler = service[method] as (call: never) => void;
    wrapped[method] = ((call: { emit: (event: 'error', error: object) => boolean; once: (event: string, listener: () => void) => void }) => {
      open.add(call);
      const forget = () => open.delete(call);
      for (const ending of ['finish', 'cancelled', 'close', 'error']) call.once(ending, forget);
      handler(call as never);
    }) as UntypedHandleCall;
  }
  return wrapped;
}

function credentialsOf(tls: NodeTls | undefined): ServerCredentials {
  return tls ? ServerCredentials.createSsl(null, [{ cert_chain: tls.cert, private_key: tls.key }], false) : ServerCredentials.createInsecure();
}
