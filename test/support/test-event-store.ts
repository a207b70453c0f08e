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
  return { env: { PARLEY_EVENT_STORE: server.connectionString }, stop: server.stop };
}
