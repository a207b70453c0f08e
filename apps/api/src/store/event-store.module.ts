import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EVENT_UPCASTERS } from '@parley/domain';
import { EVENT_STORE, EventStore, EventStoreDbEventStore, observedEventStore, SqliteEventStore, UpcastingEventStore } from '@parley/event-store';
import { Environment } from '../config/environment';
import { Metrics } from '../observability/metrics';
import { storeTelemetry } from '../observability/store-telemetry';

/**
 * The configured event store, opened once and closed on shutdown: the embedded SQLite store
 * in PARLEY_DB when PARLEY_EVENT_STORE is empty, else EventStoreDB at that connection string.
 * Read models, idempotency records and checkpoints stay in PARLEY_DB either way. Events
 * recorded in an older shape are read as the current one (the domain's upcasters).
 */
@Global()
@Module({
  providers: [
    {
      provide: EVENT_STORE,
      inject: [ConfigService, Metrics],
      useFactory: async (config: ConfigService<Environment, true>, metrics: Metrics): Promise<EventStore> => {
        const observer = storeTelemetry(metrics);
        const connectionString = config.get('PARLEY_EVENT_STORE', { infer: true });
        const store = connectionString
          ? await EventStoreDbEventStore.connect({ connectionString })
          : await SqliteEventStore.open({ filename: config.get('PARLEY_DB', { infer: true }), observer });
        // Everything the app reads, the command side and every projection, comes through the upcasters.
        return new UpcastingEventStore(observedEventStore(store, observer), EVENT_UPCASTERS);
      },
    },
  ],
  exports: [EVENT_STORE],
})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
