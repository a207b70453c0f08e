import { EventStoreDbEventStore } from '@parley/event-store';
import { describeEventStoreContract } from '@parley/event-store/testing/event-store.contract';

/**
 * The same contract against a real EventStoreDB, when one is reachable:
 * `EVENTSTORE_TEST_URL=esdb://localhost:2113?tls=false npx jest test/event-store/esdb-real-server`
 * (for instance the node of docker/docker-compose.yml). Every test writes its own streams,
 * so a shared, non-empty database is fine.
 */
const url = process.env.EVENTSTORE_TEST_URL;
const title = 'EventStoreDbEventStore on a real EventStoreDB';

if (url) {
  describeEventStoreContract(`${title} at ${url}`, async () => {
    const store = EventStoreDbEventStore.connect({ connectionString: url });
    return { store, cleanup: () => store.close() };
  });
} else {
  const why = 'EVENTSTORE_TEST_URL is not set (no EventStoreDB can run on this machine); set it to an esdb:// connection string to run it';
  // Said once, straight to stderr: jest prints no console output of a file whose tests are all skipped.
  process.stderr.write(`\nSkipped: the event store contract against a real EventStoreDB. ${why}.\n`);
  describe(title, () => {
    it.skip(`skipped: ${why}`, () => undefined);
  });
}
