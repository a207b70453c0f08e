import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** Seconds: from a fast read (1 ms) to a slow fsync under load (10 s). */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Counts per group commit or batch: powers of two up to the largest batches the runner makes. */
const SIZE_BUCKETS = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048];

/**
 * Every Prometheus metric the API records as things happen, in a registry of its own (not
 * prom-client's global one: a test process runs several apps). The gauges read at scrape time
 * (projections, live subscriptions, the state cache) are added by ScrapeGauges.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'parley_http_request_duration_seconds',
    help: 'HTTP requests by method, route template and status, and how long they took',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly commands = new Counter({
    name: 'parley_commands_total',
    help: 'Commands decided, by aggregate, command type and outcome: recorded, unchanged, replayed, or the problem code that refused it',
    labelNames: ['aggregate', 'command', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly storeDuration = new Histogram({
    name: 'parley_event_store_operation_duration_seconds',
    help: 'Calls to the event store by operation (append is the append latency a command waits for)',
    labelNames: ['operation'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly storeErrors = new Counter({
    name: 'parley_event_store_errors_total',
    help: 'Event store calls that failed, by operation and kind: conflict (wrong expected revision), duplicate (event id), failure (anything else: unreachable, disk)',
    labelNames: ['operation', 'kind'] as const,
    registers: [this.registry],
  });

  readonly groupCommitAppends = new Histogram({
    name: 'parley_event_store_group_commit_appends',
    help: 'Appends written together in one SQLite transaction (group commit)',
    buckets: SIZE_BUCKETS,
    registers: [this.registry],
  });

  readonly groupCommitEvents = new Histogram({
    name: 'parley_event_store_group_commit_events',
    help: 'Events written together in one SQLite transaction (group commit)',
    buckets: SIZE_BUCKETS,
    registers: [this.registry],
  });

  readonly groupCommitDuration = new Histogram({
    name: 'parley_event_store_group_commit_duration_seconds',
    help: 'How long one group commit took, fsync included',
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly projectionEvents = new Counter({
    name: 'parley_projection_events_total',
    help: 'Events a projection read and committed, by phase: live (catching up or following) or rebuild (into the shadow tables)',
    labelNames: ['projection', 'phase'] as const,
    registers: [this.registry],
  });

  readonly projectionBatchDuration = new Histogram({
    name: 'parley_projection_batch_duration_seconds',
    help: 'How long a projection took to apply and commit one batch',
    labelNames: ['projection', 'phase'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly sseDisconnects = new Counter({
    name: 'parley_sse_disconnects_total',
    help: 'Live subscriptions that ended, by reason: cut_off (too slow a reader, told to reconnect) or closed (the client left, or shutdown)',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  readonly stateCacheLookups = new Counter({
    name: 'parley_state_cache_lookups_total',
    help: 'Commands that found their stream folded in the state cache (hit) or had to read it (miss)',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });

  readonly stateSnapshots = new Counter({
    name: 'parley_state_snapshots_total',
    help: 'Persisted snapshots of folded streams: restored at a cold read, written, not used (version: another snapshot version; mismatch: not of the events the store holds; corrupt), or failed to write',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** The text Prometheus scrapes. */
  scrape(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
