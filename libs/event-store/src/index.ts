export * from './event-store.port';
export * from './event-store.errors';
export * from './event-store.observer';
export { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite/sqlite-event-store';
export type { SqlitePragmas } from './sqlite/sqlite.schema';
export { openDurableSqlite } from './sqlite/open-durable-sqlite';
export { EventStoreDbEventStore, type EventStoreDbEventStoreOptions } from './esdb/esdb-event-store';
export { UpcastingEventStore, upcastRecorded, type EventUpcaster } from './upcasting-event-store';
