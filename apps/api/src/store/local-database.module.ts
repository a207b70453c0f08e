import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import Database from 'better-sqlite3';
import { ApiKeyStore } from '../access/api-key.store';
import { IdempotencyStore } from '../commands/idempotency.store';
import { Environment } from '../config/environment';
import { openDurableSqlite } from '@parley/event-store';

export const LOCAL_DATABASE = Symbol('LOCAL_DATABASE');

/** The SQLite file beside this API process: idempotency records, API keys, read models. */
@Global()
@Module({
  providers: [
    {
      provide: LOCAL_DATABASE,
      inject: [ConfigService],
      useFactory: (config: ConfigService<Environment, true>): Database.Database => openDurableSqlite(config.get('PARLEY_DB', { infer: true })),
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
