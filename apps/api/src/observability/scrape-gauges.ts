import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@parley/event-store';
import { ProjectionStatus } from '@parley/projections';
import { Gauge } from 'prom-client';
import { StreamStateCache } from '../commands/stream-state.cache';
import { ReadModels } from '../read-models/read-models.service';
import { SseConnections } from '../subscriptions/sse-connections.service';
import { Metrics } from './metrics';

type ProjectionReading = Readonly<{ status: ProjectionStatus; lagSeconds: number }>;

/**
 * The gauges read when Prometheus scrapes: where each projection stands against the head of the
 * store, a rebuild's progress, the live subscriptions and the state cache. The projections are
 * read once per scrape, however many gauges report them.
 */
@Injectable()
export class ScrapeGauges implements OnModuleInit {
  private reading?: Promise<readonly ProjectionReading[]>;

  constructor(
    private readonly metrics: Metrics,
    private readonly readModels: ReadModels,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly sse: SseConnections,
    private readonly states: StreamStateCache,
  ) {}

  onModuleInit(): void {
    const registers = [this.metrics.registry];
    const perProjection = (name: string, help: string, value: (reading: ProjectionReading) => number) => {
      const read = () => this.projections();
      new Gauge({
        name,
        help,
        labelNames: ['projection'] as const,
        registers,
        async collect() {
          for (const reading of await read()) this.set({ projection: reading.status.name }, value(reading));
        },
      });
    };
    perProjection('parley_projection_position', 'The global position a projection’s live tables reflect', ({ status }) => Number(status.checkpoint));
    perProjection('parley_projection_lag_events', 'How far a projection is behind the head of the store, in positions (events on the embedded store)', ({ status }) => Number(status.lag));
    perProjection('parley_projection_lag_seconds', 'How long the oldest event a projection has not applied yet has been waiting; 0 when it is at the head', ({ lagSeconds }) => lagSeconds);
    perProjection('parley_projection_rebuilding', '1 while a projection is rebuilding from position 0 into its shadow tables', ({ status }) => (status.rebuild ? 1 : 0));
    perProjection('parley_projection_rebuild_position', 'The position a rebuild has reached (0 when none runs)', ({ status }) => Number(status.rebuild?.position ?? 0));
    perProjection('parley_projection_rebuild_progress_ratio', 'A running rebuild’s position over the head of the store, 0 to 1 (0 when none runs)', ({ status }) =>
      status.rebuild && Number(status.head) > 0 ? Math.min(1, Number(status.rebuild.position) / Number(status.head)) : 0,
    );
    const read = () => this.projections();
    new Gauge({
      name: 'parley_event_store_head_position',
      help: 'The position of the last event in the store',
      registers,
      async collect() {
        const [first] = await read();
        this.set(first ? Number(first.status.head) : 0);
      },
    });
    const sse = this.sse;
    new Gauge({ name: 'parley_sse_subscribers', help: 'Live subscriptions (SSE) open now', registers, collect() { this.set(sse.count); } });
    new Gauge({ name: 'parley_sse_queued_bytes', help: 'Bytes waiting in the queues of live subscribers whose sockets do not drain', registers, collect() { this.set(sse.queuedBytes); } });
    const states = this.states;
    new Gauge({ name: 'parley_state_cache_entries', help: 'Streams whose folded state the cache holds', registers, collect() { this.set(states.size); } });
  }

  /** One reading per scrape, shared by the gauges that collect at the same time. */
  private projections(): Promise<readonly ProjectionReading[]> {
    this.reading ??= this.readProjections().finally(() => {
      this.reading = undefined;
    });
    return this.reading;
  }

  private async readProjections(): Promise<readonly ProjectionReading[]> {
    const statuses = await this.readModels.statuses();
    const now = Date.now();
    return Promise.all(
      statuses.map(async (status) => {
        if (status.lag === '0') return { status, lagSeconds: 0 };
        const [oldestWaiting] = await this.store.readAll({ fromPosition: BigInt(status.checkpoint), maxCount: 1 });
        return { status, lagSeconds: oldestWaiting ? Math.max(0, (now - oldestWaiting.recordedAt.getTime()) / 1000) : 0 };
      }),
    );
  }
}
