import { Metadata, status } from '@grpc/grpc-js';
import { InMemoryLog } from './in-memory-log';
import { error, ServerError } from './wire';

export type Endpoint = Readonly<{ host: string; port: number }>;

/** Where a node stands in its cluster: the only leader, a follower of one, or in an election with none. */
export type NodeRole = Readonly<{ kind: 'leader' }> | Readonly<{ kind: 'follower'; leader: Endpoint }> | Readonly<{ kind: 'no_leader' }>;

/** What the services of one node of the double share. */
export type NodeContext = Readonly<{
  log: InMemoryLog;
  /** EventStoreDB's `MaxAppendSize`: the bytes one append may carry (1 MiB by default). */
  maxAppendSize: number;
  /** EventStoreDB's `WriteTimeoutMs` (2 s by default): the longest a BatchAppend request waits for its last chunk. */
  writeTimeoutMs: number;
  now: () => Date;
  role: () => NodeRole;
  /** Streams this node's user may not write: AccessDenied (the double has no ACLs otherwise). */
  deniedStreams: ReadonlySet<string>;
  /** Appends served on each path, so a test can tell which one the client took. */
  served: AppendsServed;
  /**
   * Asked after each append is written, before it is answered: true means the node dies
   * there (a test hook), so the append is in the log and its answer never leaves.
   */
  diesAfterWrite?: () => boolean;
}>;

export type AppendsServed = { append: number; batchAppend: number };

/** EventStoreDB's defaults (`MaxAppendSize`, `WriteTimeoutMs`). */
export const DEFAULT_MAX_APPEND_SIZE = 1024 * 1024;
export const DEFAULT_WRITE_TIMEOUT_MS = 2000;

export const requiresLeader = (metadata: Metadata): boolean => metadata.get('requires-leader')[0]?.toString() === 'true';

/**
 * Why a node will not serve a call, as a plain (non-batch) call hears it: a follower asked
 * with `requires-leader` answers NOT_FOUND with the leader's host and port in the trailers
 * (RpcExceptions.LeaderInfo); a node with no leader to send writes to is "not ready". A
 * follower asked without `requires-leader` serves it: a real one forwards writes to the
 * leader, and here every node shares the leader's log.
 */
export function refusal(node: NodeContext, metadata: Metadata, write: boolean): ServerError | undefined {
  const role = node.role();
  if (role.kind === 'follower' && requiresLeader(metadata)) return notLeaderError(role.leader);
  if (role.kind === 'no_leader' && (write || requiresLeader(metadata))) return error(status.UNAVAILABLE, 'Server Is Not Ready');
  return undefined;
}

export function notLeaderError(leader: Endpoint): ServerError {
  return error(status.NOT_FOUND, 'Leader info available', 'not-leader', {
    'leader-endpoint-host': leader.host,
    'leader-endpoint-port': String(leader.port),
  });
}
