import { DuplicateEventIdError, EventStoreObserver, WrongExpectedRevisionError } from '@parley/event-store';
import { Metrics } from './metrics';

const errorKind = (error: unknown): 'conflict' | 'duplicate' | 'failure' =>
  error instanceof WrongExpectedRevisionError ? 'conflict' : error instanceof DuplicateEventIdError ? 'duplicate' : 'failure';

/** The event store's reports, as metrics: every call's latency, its errors, and the SQLite adapter's group commits. */
export function storeTelemetry(metrics: Metrics): EventStoreObserver {
  return {
    operationFinished(operation, durationMs, error) {
      metrics.storeDuration.observe({ operation }, durationMs / 1000);
      if (error !== undefined) metrics.storeErrors.inc({ operation, kind: errorKind(error) });
    },
    groupCommitted({ appends, events, durationMs, failed }) {
      metrics.groupCommitAppends.observe(appends);
      metrics.groupCommitEvents.observe(events);
      metrics.groupCommitDuration.observe(durationMs / 1000);
      if (failed) metrics.storeErrors.inc({ operation: 'group_commit', kind: 'failure' });
    },
  };
}
