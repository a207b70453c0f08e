// Jest setup of the `e2e-esdb` project: startTestEventStore() then starts the EventStoreDB test server.
process.env.PARLEY_TEST_EVENT_STORE = 'esdb';
