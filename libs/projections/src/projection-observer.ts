/** One batch committed by a runner: to the live tables, or to a rebuild's shadow tables. */
export type ProjectionBatch = Readonly<{
  projection: string;
  /** The checkpoint moved from `from` to `to`. */
  from: bigint;
  to: bigint;
  /** Events read in the batch, whether the projection uses their type or passes them over. */
  events: number;
  /** Wall-clock start, in epoch milliseconds (a trace span is drawn from it). */
  startedAt: number;
  durationMs: number;
  /** True for a rebuild's batches, whose checkpoint is the shadow's, not the live one. */
  rebuilding: boolean;
}>;

/**
 * What a runner reports, for metrics, traces and progress bars; the app decides what to do with
 * it, so the library depends on no metrics client. Called synchronously after each commit: an
 * observer must be quick and must not throw (what it throws is logged and ignored).
 */
export interface ProjectionObserver {
  batchCommitted(batch: ProjectionBatch): void;
}
