import { startEsdbTestServer } from './esdb-test-server';

/**
 * `npm run esdb:test-server [-- <port>]`: the EventStoreDB TEST DOUBLE on its own, for running
 * the API on the EventStoreDB adapter by hand. In memory: everything is gone when it stops.
 */
async function main(): Promise<void> {
  const port = Number(process.argv[2] ?? process.env.PORT ?? 2113);
  const server = await startEsdbTestServer({ port });
  console.log(`EventStoreDB test double (in memory) listening; connect with:\n  PARLEY_EVENT_STORE='${server.connectionString}'`);
  const stop = () => void server.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
