import { ProjectionObserver } from '@parley/projections';
import { Metrics } from './metrics';
import { tracer } from './spans';

/**
 * A projection's batches as metrics, and each as a span of its own (a batch belongs to no
 * request): drawn after the commit from the times the runner measured.
 */
export function projectionTelemetry(metrics: Metrics): ProjectionObserver {
  return {
    batchCommitted({ projection, from, to, events, startedAt, durationMs, rebuilding }) {
      const phase = rebuilding ? 'rebuild' : 'live';
      metrics.projectionEvents.inc({ projection, phase }, events);
      metrics.projectionBatchDuration.observe({ projection, phase }, durationMs / 1000);
      const span = tracer.startSpan('projection batch', {
        root: true,
        startTime: startedAt,
        attributes: { 'parley.projection': projection, 'parley.phase': phase, 'parley.from_position': from.toString(), 'parley.to_position': to.toString(), 'parley.events': events },
      });
      span.end(startedAt + durationMs);
    },
  };
}
