/**
 * Which event store the end-to-end tests run the API on. The default is the embedded SQLite
 * store; the EventStoreDB issue adds a switch here for the wire-compatible test server.
 */
export type TestEventStore = Readonly<{ env: Record<string, string>; stop: () => Promise<void> }>;

export async function startTestEventStore(): Promise<TestEventStore> {
  return { env: {}, stop: async () => undefined };
}
