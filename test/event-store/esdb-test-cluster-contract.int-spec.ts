import { EventStoreDbEventStore } from '@parley/event-store';
import { describeEventStoreContract } from '@parley/event-store/testing/event-store.contract';
import { startEsdbTestCluster } from '../support/esdb/esdb-test-cluster';

// The adapter on `esdb+discover://`, against the clustered double: discovery by gossip, the leader for every write.
describeEventStoreContract('EventStoreDbEventStore on the clustered EventStoreDB test double', async () => {
  const cluster = await startEsdbTestCluster();
  const store = EventStoreDbEventStore.connect({ connectionString: cluster.discoverConnectionString, pageSize: 5 });
  return {
    store,
    cleanup: async () => {
      await store.close();
      await cluster.stop();
    },
  };
});
