import { Server, ServerCredentials, ServerUnaryCall, sendUnaryData } from '@grpc/grpc-js';
import { randomUUID } from 'node:crypto';
import { ClusterInfo, EndPoint, MemberInfo } from '@eventstore/db-client/generated/gossip_pb';
import { GossipService } from '@eventstore/db-client/generated/gossip_grpc_pb';
import { ServerFeaturesService } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import { SupportedMethod, SupportedMethods } from '@eventstore/db-client/generated/serverfeatures_pb';
import { Empty, UUID } from '@eventstore/db-client/generated/shared_pb';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
import { InMemoryLog } from './in-memory-log';
import { streamsService } from './streams.service';
import { int64 } from './wire';

/**
 * A TEST DOUBLE of EventStoreDB, not a database: a gRPC server speaking the wire protocol of
 * the real client (@eventstore/db-client 6.2.1), with the client package's own generated
 * service definitions, over an in-memory log. It exists because EventStoreDB cannot run on
 * our development and CI machines; it lets every test run the real client over real gRPC.
 *
 * The generated message classes register themselves on a process-wide namespace: never
 * load a second copy of the client package in the process that hosts this server.
 */
export type EsdbTestServer = Readonly<{
  port: number;
  /** `esdb://127.0.0.1:<port>?tls=false`, for PARLEY_EVENT_STORE or EVENTSTORE_TEST_URL. */
  connectionString: string;
  log: InMemoryLog;
  /** Stops listening and cancels every open call (subscriptions see the connection drop). */
  stop: () => Promise<void>;
  /** Listens again on the same port with the same log, as a restarted node would. */
  restart: () => Promise<void>;
}>;

export type EsdbTestServerOptions = Readonly<{ host?: string; port?: number; now?: () => Date }>;

/**
 * The methods advertised by `ServerFeatures.GetSupportedMethods`. Not `BatchAppend`: the
 * client would switch every append to it, and the double does not implement it.
 */
const SUPPORTED: ReadonlyArray<readonly [string, string]> = [
  ['event_store.client.streams.streams', 'read'],
  ['event_store.client.streams.streams', 'append'],
  ['event_store.client.streams.streams', 'delete'],
  ['event_store.client.streams.streams', 'tombstone'],
  ['event_store.client.gossip.gossip', 'read'],
  ['event_store.client.server_features.serverfeatures', 'getsupportedmethods'],
];

export async function startEsdbTestServer(options: EsdbTestServerOptions = {}): Promise<EsdbTestServer> {
  const host = options.host ?? '127.0.0.1';
  const log = new InMemoryLog(options.now);
  // Chosen: like a fresh real node, `$all` does not start with our events. A system event
  // first means the adapter's exclusion of system events is exercised by every test.
  log.writeSystemEvent('$settings', '$settings', { $userStreamAcl: {}, $systemStreamAcl: {} });

  let server = await listen(host, options.port ?? 0, log);
  const port = server.port;
  return {
    port,
    connectionString: `esdb://${host}:${port}?tls=false`,
    log,
    stop: async () => {
      server.grpc.forceShutdown();
    },
    restart: async () => {
      server.grpc.forceShutdown();
      server = await listen(host, port, log);
    },
  };
}

async function listen(host: string, port: number, log: InMemoryLog): Promise<{ grpc: Server; port: number }> {
  const grpc = new Server();
  let advertisedPort = port;
  grpc.addService(StreamsService, streamsService(log));
  grpc.addService(ServerFeaturesService, {
    getSupportedMethods: (_call: ServerUnaryCall<Empty, SupportedMethods>, callback: sendUnaryData<SupportedMethods>) => {
      const methods = SUPPORTED.map(([service, method]) => new SupportedMethod().setServiceName(service).setMethodName(method));
      callback(null, new SupportedMethods().setMethodsList(methods).setEventStoreServerVersion('0.0.0-test-double'));
    },
  });
  grpc.addService(GossipService, {
    // Only used with `esdb+discover://` or several hosts: one node, always the leader.
    read: (_call: ServerUnaryCall<Empty, ClusterInfo>, callback: sendUnaryData<ClusterInfo>) => {
      const member = new MemberInfo()
        .setInstanceId(new UUID().setString(randomUUID()))
        .setTimeStamp(int64(BigInt(Date.now()) * 10_000n))
        .setState(MemberInfo.VNodeState.LEADER)
        .setIsAlive(true)
        .setHttpEndPoint(new EndPoint().setAddress(host).setPort(advertisedPort));
      callback(null, new ClusterInfo().setMembersList([member]));
    },
  });
  const bound = await new Promise<number>((resolve, reject) =>
    grpc.bindAsync(`${host}:${port}`, ServerCredentials.createInsecure(), (error, actual) => (error ? reject(error) : resolve(actual))),
  );
  advertisedPort = bound;
  return { grpc, port: bound };
}
