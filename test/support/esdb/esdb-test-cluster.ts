import { randomUUID } from 'node:crypto';
import { ClusterInfo, EndPoint, MemberInfo } from '@eventstore/db-client/generated/gossip_pb';
import { GossipService } from '@eventstore/db-client/generated/gossip_grpc_pb';
import { Empty, UUID } from '@eventstore/db-client/generated/shared_pb';
import { Server, ServerCredentials, ServerUnaryCall, sendUnaryData, status } from '@grpc/grpc-js';
import { InMemoryLog } from './in-memory-log';
import { AppendsServed, DEFAULT_MAX_APPEND_SIZE, DEFAULT_WRITE_TIMEOUT_MS, NodeContext, NodeRole } from './node-context';
import { listenNode, ListeningNode, NodeTls } from './node-server';
import { int64 } from './wire';

export type ClusterMember = Readonly<{
  index: number;
  port: number;
  instanceId: string;
  alive: () => boolean;
  state: () => 'leader' | 'follower' | 'electing' | 'dead';
  served: Readonly<AppendsServed>;
}>;

/**
 * A TEST DOUBLE of a three-node EventStoreDB cluster (23.10), built from the single-node
 * double: three gRPC servers sharing one log, so an event a node acknowledged is on every
 * node, as quorum replication guarantees for a real cluster (what a real cluster loses, an
 * unacknowledged write on a leader that dies, it may keep here). One node is the leader;
 * the others are followers. Every live node answers Gossip with each member's state and
 * liveness; a follower answers a call sent with `requires-leader` with NotLeader and the
 * leader's host and port in the trailers, and serves the others (a real one forwards writes
 * to the leader). `killLeader()` stops the leader's server (its calls are cancelled, as when
 * its process dies) and, after `electionMs`, elects the first live follower; in between no
 * node is leader: writes answer "not ready" and gossip shows no leader.
 *
 * `esdb+discover://` names one address that a real deployment resolves (DNS) to every
 * node. The double stands for that name with a seed server that only answers Gossip, from
 * the view of any live node; `seedsConnectionString` lists the three nodes instead.
 */
export type EsdbTestCluster = Readonly<{
  members: readonly ClusterMember[];
  log: InMemoryLog;
  /** `esdb+discover://127.0.0.1:<seed>?tls=false`. */
  discoverConnectionString: string;
  /** `esdb://127.0.0.1:<p1>,127.0.0.1:<p2>,127.0.0.1:<p3>?tls=false`: gossip seeds. */
  seedsConnectionString: string;
  leader: () => ClusterMember | undefined;
  /** Kills the leader and elects another; resolves once one is elected, with both. */
  killLeader: () => Promise<{ killed: ClusterMember; elected: ClusterMember }>;
  /**
   * Kills the leader right after it writes the next BatchAppend append, before it answers:
   * the hardest moment for a writer, whose append is recorded but never acknowledged.
   * Resolves once another is elected, with both.
   */
  killLeaderAfterNextWrite: () => Promise<{ killed: ClusterMember; elected: ClusterMember }>;
  /** Stops one node (down for a while); if it led, another is elected as by killLeader. */
  stopNode: (index: number) => Promise<void>;
  /** Starts a stopped node again, on its port, as a follower (or the leader, if there is none). */
  restartNode: (index: number) => Promise<void>;
  stop: () => Promise<void>;
}>;

export type EsdbTestClusterOptions = Readonly<{
  host?: string;
  /** How long an election takes after the leader dies. Default 0: at once. */
  electionMs?: number;
  maxAppendSize?: number;
  /** Every node serves TLS with this certificate (the connection strings then say `tls=true`). */
  tls?: NodeTls;
}>;

type Member = {
  index: number;
  port: number;
  instanceId: string;
  listening?: ListeningNode;
  alive: boolean;
  served: AppendsServed;
};

export async function startEsdbTestCluster(options: EsdbTestClusterOptions = {}): Promise<EsdbTestCluster> {
  const host = options.host ?? '127.0.0.1';
  const log = new InMemoryLog();
  log.writeSystemEvent('$settings', '$settings', { $userStreamAcl: {}, $systemStreamAcl: {} });
  const members: Member[] = [0, 1, 2].map((index) => ({ index, port: 0, instanceId: randomUUID(), alive: false, served: { append: 0, batchAppend: 0 } }));
  let leaderIndex: number | undefined = 0;
  let dieAfterNextWrite: (() => void) | undefined;

  const roleOf = (member: Member): NodeRole => {
    if (leaderIndex === undefined) return { kind: 'no_leader' };
    if (leaderIndex === member.index) return { kind: 'leader' };
    return { kind: 'follower', leader: { host, port: members[leaderIndex].port } };
  };
  const gossip = (): MemberInfo[] =>
    members.map((member) => {
      const role = roleOf(member);
      const state = !member.alive
        ? MemberInfo.VNodeState.SHUTDOWN
        : role.kind === 'leader'
          ? MemberInfo.VNodeState.LEADER
          : role.kind === 'follower'
            ? MemberInfo.VNodeState.FOLLOWER
            : MemberInfo.VNodeState.UNKNOWN;
      return new MemberInfo()
        .setInstanceId(new UUID().setString(member.instanceId))
        .setTimeStamp(int64(BigInt(Date.now()) * 10_000n))
        .setState(state)
        .setIsAlive(member.alive)
        .setHttpEndPoint(new EndPoint().setAddress(host).setPort(member.port));
    });
  const contextOf = (member: Member): NodeContext => ({
    log,
    maxAppendSize: options.maxAppendSize ?? DEFAULT_MAX_APPEND_SIZE,
    writeTimeoutMs: DEFAULT_WRITE_TIMEOUT_MS,
    now: () => new Date(),
    role: () => roleOf(member),
    deniedStreams: new Set(),
    served: member.served,
    diesAfterWrite: () => {
      if (!dieAfterNextWrite || leaderIndex !== member.index) return false;
      const die = dieAfterNextWrite;
      dieAfterNextWrite = undefined;
      die();
      return true;
    },
  });
  const start = async (member: Member) => {
    const listening = await listenNode(host, member.port, { node: contextOf(member), members: gossip, tls: options.tls });
    Object.assign(member, { listening, port: listening.port, alive: true });
  };
  for (const member of members) await start(member);
  const seed = await listenSeed(host, () => (members.some((m) => m.alive) ? gossip() : undefined), options.tls);
  const tlsFlag = options.tls ? 'true' : 'false';

  let election: { timer: NodeJS.Timeout; settle: () => void } | undefined;
  const elect = async () => {
    leaderIndex = undefined;
    if (options.electionMs) {
      await new Promise<void>((settle) => (election = { timer: setTimeout(settle, options.electionMs), settle }));
      election = undefined;
    }
    leaderIndex = members.find((member) => member.alive)?.index;
  };
  const stopNode = async (index: number) => {
    const member = members[index];
    if (!member.alive) return;
    member.alive = false;
    member.listening?.kill();
    if (leaderIndex === index) await elect();
  };
  const view = (member: Member): ClusterMember => ({
    index: member.index,
    port: member.port,
    instanceId: member.instanceId,
    alive: () => member.alive,
    state: () => {
      if (!member.alive) return 'dead';
      const role = roleOf(member).kind;
      return role === 'no_leader' ? 'electing' : role;
    },
    served: member.served,
  });
  const views = members.map(view);
  const killLeader = async () => {
    if (leaderIndex === undefined) throw new Error('There is no leader to kill');
    const killed = views[leaderIndex];
    await stopNode(leaderIndex);
    if (leaderIndex === undefined) throw new Error('No live node was left to elect');
    return { killed, elected: views[leaderIndex] };
  };

  return {
    members: views,
    log,
    discoverConnectionString: `esdb+discover://${host}:${seed.port}?tls=${tlsFlag}`,
    seedsConnectionString: `esdb://${members.map((m) => `${host}:${m.port}`).join(',')}?tls=${tlsFlag}`,
    leader: () => (leaderIndex === undefined ? undefined : views[leaderIndex]),
    killLeader,
    killLeaderAfterNextWrite: () =>
      new Promise((resolve, reject) => {
        // The kill runs inside the write's handler: the answer is dropped, then the server goes.
        dieAfterNextWrite = () => void killLeader().then(resolve, reject);
      }),
    stopNode,
    restartNode: async (index: number) => {
      const member = members[index];
      if (member.alive) return;
      await start(member);
      leaderIndex ??= index;
    },
    stop: async () => {
      // An election still under way ends with the cluster: killLeader then finds no node to elect.
      for (const member of members) {
        member.alive = false;
        member.listening?.kill();
      }
      if (election) {
        clearTimeout(election.timer);
        election.settle();
      }
      seed.grpc.forceShutdown();
    },
  };
}

/** Stands for the cluster's DNS name: answers Gossip from the live nodes' view, UNAVAILABLE when none is up. */
async function listenSeed(host: string, view: () => MemberInfo[] | undefined, tls: NodeTls | undefined): Promise<{ grpc: Server; port: number }> {
  const grpc = new Server();
  grpc.addService(GossipService, {
    read: (_call: ServerUnaryCall<Empty, ClusterInfo>, callback: sendUnaryData<ClusterInfo>) => {
      const members = view();
      if (!members) return callback({ code: status.UNAVAILABLE, details: 'No node of the cluster is reachable' });
      callback(null, new ClusterInfo().setMembersList(members));
    },
  });
  const port = await new Promise<number>((resolve, reject) =>
    grpc.bindAsync(`${host}:0`, tls ? ServerCredentials.createSsl(null, [{ cert_chain: tls.cert, private_key: tls.key }], false) : ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))),
  );
  return { grpc, port };
}
