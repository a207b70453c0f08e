import { startEsdbTestServer } from './esdb/esdb-test-server';

/**
 * Which event store the end-to-end tests run the API on: the embedded SQLite store by
 * default, or, with PARLEY_TEST_EVENT_STORE=esdb (the `e2e-esdb` jest project), the
 * EventStoreDB adapter over the real client, against the wire-compatible test server.
 */
export type TestEventStore = Readonly<{ env: Record<string, string>; stop: () => Promise<void> }>;

export async function startTestEventStore(): Promise<TestEventStore> {
  if (process.env.PARLEY_TEST_EVENT_STORE !== 'esdb') return { env: {}, stop: async () => undefined };
  const server = await startEsdbTestServer();
  const stop = async () => {
    await server.stop();
    // Against a 23.10 node, client 6.2.1 sends every append without credentials through
    // BatchAppend, as Parley's are: one through plain Append means the run missed that path.
    if (server.served.append > 0) throw new Error(`${server.served.append} append(s) took plain Append, not BatchAppend`);
  };
  return { env: { PARLEY_EVENT_STORE: server.connectionString }, stop };
}
