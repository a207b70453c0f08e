import { Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import Database from 'better-sqlite3';
import { ApiKeyStore } from '../access/api-key.store';
import { IdempotencyStore } from '../commands/idempotency.store';
import { Environment } from '../config/environment';
import { EVENT_STORE, EventStore, openDurableSqlite } from '@parley/event-store';
import { followEventStore } from './followed-event-store';

export const LOCAL_DATABASE = Symbol('LOCAL_DATABASE');

/** The SQLite file beside this API process: idempotency records, API keys, read models. */
@Global()
@Module({
  providers: [
    {
      provide: LOCAL_DATABASE,
      inject: [ConfigService, EVENT_STORE],
      // Before anything reads the database: it must describe the configured store (followEventStore).
      useFactory: async (config: ConfigService<Environment, true>, store: EventStore): Promise<Database.Database> => {
        const database = openDurableSqlite(config.get('PARLEY_DB', { infer: true }));
        try {
          const outcome = followEventStore(database, await store.storeId(), config.get('PARLEY_ON_STORE_CHANGE', { infer: true }), new Date());
          if (outcome === 'rebuilt') {
            new Logger('LocalDatabase').warn('The event store changed: the read models rebuild from the new one, and the idempotency records of the old one are gone');
          }
          return database;
        } catch (error) {
          database.close();
          // The app never comes up to close the store it opened; a process that refuses to start must not hang on it.
          await store.close();
          throw error;
        }
      },
    },
    { provide: IdempotencyStore, inject: [LOCAL_DATABASE], useFactory: (database: Database.Database) => new IdempotencyStore(database) },
    { provide: ApiKeyStore, inject: [LOCAL_DATABASE], useFactory: (database: Database.Database) => new ApiKeyStore(database) },
  ],
  exports: [LOCAL_DATABASE, IdempotencyStore, ApiKeyStore],
})
export class LocalDatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(LOCAL_DATABASE) private readonly database: Database.Database) {}

  onApplicationShutdown(): void {
    this.database.close();
  }
}
