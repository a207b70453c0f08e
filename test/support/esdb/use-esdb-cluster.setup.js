// Jest setup of the `e2e-esdb-cluster` project: startTestEventStore() then starts the three-node EventStoreDB test double.
process.env.PARLEY_TEST_EVENT_STORE = 'esdb-cluster';
