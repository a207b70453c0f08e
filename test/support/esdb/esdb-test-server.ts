import { randomUUID } from 'node:crypto';
import { EndPoint, MemberInfo } from '@eventstore/db-client/generated/gossip_pb';
import { UUID } from '@eventstore/db-client/generated/shared_pb';
import { InMemoryLog } from './in-memory-log';
import { AppendsServed, DEFAULT_MAX_APPEND_SIZE, DEFAULT_WRITE_TIMEOUT_MS, NodeContext } from './node-context';
import { listenNode, ListeningNode, NodeTls } from './node-server';
import { int64 } from './wire';

/**
 * A TEST DOUBLE of EventStoreDB, not a database: a gRPC server speaking the wire protocol of
 * the real client (@eventstore/db-client 6.2.1), with the client package's own generated
 * service definitions, over an in-memory log. It exists because EventStoreDB cannot run on
 * our development and CI machines; it lets every test run the real client over real gRPC.
 * It behaves as a single 23.10 node: it advertises and serves BatchAppend, and refuses an
 * append above `MaxAppendSize` on both append paths. For a cluster, see esdb-test-cluster.ts.
 *
 * The generated message classes register themselves on a process-wide namespace: never
 * load a second copy of the client package in the process that hosts this server.
 */
export type EsdbTestServer = Readonly<{
  port: number;
  /** `esdb://127.0.0.1:<port>?tls=false`, for PARLEY_EVENT_STORE or EVENTSTORE_TEST_URL. */
  connectionString: string;
  log: InMemoryLog;
  /** Appends served through `Append` and through `BatchAppend`. */
  served: Readonly<AppendsServed>;
  /** Stops listening and cancels every open call (subscriptions see the connection drop). */
  stop: () => Promise<void>;
  /** Listens again on the same port with the same log, as a restarted node would. */
  restart: () => Promise<void>;
}>;

export type EsdbTestServerOptions = Readonly<{
  host?: string;
  port?: number;
  /** The node's clock: it stamps `created` and judges BatchAppend deadlines. */
  now?: () => Date;
  /** `MaxAppendSize` in bytes; 1 MiB, EventStoreDB's default, when omitted. */
  maxAppendSize?: number;
  /** `WriteTimeoutMs`; 2000, EventStoreDB's default, when omitted. */
  writeTimeoutMs?: number;
  /** Streams this node's user may not write (AccessDenied), to exercise that answer. */
  deniedStreams?: readonly string[];
  /** Serve TLS with this certificate (the connection string then says `tls=true`). */
  tls?: NodeTls;
}>;

export async function startEsdbTestServer(options: EsdbTestServerOptions = {}): Promise<EsdbTestServer> {
  const host = options.host ?? '127.0.0.1';
  const now = options.now ?? (() => new Date());
  const log = new InMemoryLog(now);
  // Chosen: like a fresh real node, `$all` does not start with our events. A system event
  // first means the adapter's exclusion of system events is exercised by every test.
  log.writeSystemEvent('$settings', '$settings', { $userStreamAcl: {}, $systemStreamAcl: {} });
  const node: NodeContext = {
    log,
    maxAppendSize: options.maxAppendSize ?? DEFAULT_MAX_APPEND_SIZE,
    writeTimeoutMs: options.writeTimeoutMs ?? DEFAULT_WRITE_TIMEOUT_MS,
    now,
    role: () => ({ kind: 'leader' }),
    deniedStreams: new Set(options.deniedStreams ?? []),
    served: { append: 0, batchAppend: 0 },
  };
  const instanceId = randomUUID();
  let port = options.port ?? 0;
  // Only used with `esdb+discover://` or several hosts: one node, always the leader.
  const members = () => [
    new MemberInfo()
      .setInstanceId(new UUID().setString(instanceId))
      .setTimeStamp(int64(BigInt(Date.now()) * 10_000n))
      .setState(MemberInfo.VNodeState.LEADER)
      .setIsAlive(true)
      .setHttpEndPoint(new EndPoint().setAddress(host).setPort(port)),
  ];
  const services = { node, members, tls: options.tls };
  let listening: ListeningNode = await listenNode(host, port, services);
  port = listening.port;
  return {
    port,
    connectionString: `esdb://${host}:${port}?tls=${options.tls ? 'true' : 'false'}`,
    log,
    served: node.served,
    stop: async () => {
      listening.kill();
    },
    restart: async () => {
      listening.kill();
      listening = await listenNode(host, port, services);
    },
  };
}
