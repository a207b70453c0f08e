import { EventStoreDbEventStore } from '@parley/event-store';
import { describeEventStoreContract } from '@parley/event-store/testing/event-store.contract';
import { startEsdbTestServer } from '../support/esdb/esdb-test-server';

// The adapter over the real client and real gRPC, against the wire-compatible test double.
describeEventStoreContract('EventStoreDbEventStore on the EventStoreDB test server', async () => {
  const server = await startEsdbTestServer();
  // A small page makes readAll and the subscription's catch-up cross several pages.
  const store = EventStoreDbEventStore.connect({ connectionString: server.connectionString, pageSize: 5 });
  return {
    store,
    cleanup: async () => {
      await store.close();
      await server.stop();
    },
  };
});
