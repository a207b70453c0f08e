import { startEsdbTestCluster } from './esdb/esdb-test-cluster';
import { startEsdbTestServer } from './esdb/esdb-test-server';
import { AppendsServed } from './esdb/node-context';

/**
 * Which event store the end-to-end tests run the API on, by PARLEY_TEST_EVENT_STORE: the
 * embedded SQLite store by default; `esdb` (the `e2e-esdb` jest project), the EventStoreDB
 * adapter over the real client against the wire-compatible test double; `esdb-cluster`
 * (`e2e-esdb-cluster`), the same on `esdb+discover://` against the three-node double. With
 * either, EVENTSTORE_TEST_URL set to a real server's connection string runs the API on it
 * instead: one switch away from the real thing.
 */
export type TestEventStore = Readonly<{ env: Record<string, string>; stop: () => Promise<void> }>;

export async function startTestEventStore(): Promise<TestEventStore> {
  const kind = process.env.PARLEY_TEST_EVENT_STORE;
  if (kind !== 'esdb' && kind !== 'esdb-cluster') return { env: {}, stop: async () => undefined };
  const real = process.env.EVENTSTORE_TEST_URL;
  if (real) return { env: { PARLEY_EVENT_STORE: real }, stop: async () => undefined };
  if (kind === 'esdb') {
    const server = await startEsdbTestServer();
    return { env: { PARLEY_EVENT_STORE: server.connectionString }, stop: stopThenCheck(server.stop, [server.served]) };
  }
  const cluster = await startEsdbTestCluster();
  const served = cluster.members.map((member) => member.served);
  return { env: { PARLEY_EVENT_STORE: cluster.discoverConnectionString }, stop: stopThenCheck(cluster.stop, served) };
}

/**
 * Against a 23.10 node, client 6.2.1 sends every append without credentials through
 * BatchAppend, as Parley's are: one through plain Append means the run missed that path.
 */
function stopThenCheck(stop: () => Promise<void>, served: ReadonlyArray<Readonly<AppendsServed>>): () => Promise<void> {
  return async () => {
    await stop();
    const plain = served.reduce((sum, node) => sum + node.append, 0);
    if (plain > 0) throw new Error(`${plain} append(s) took plain Append, not BatchAppend`);
  };
}
