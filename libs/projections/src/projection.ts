import type { Database, Statement } from 'better-sqlite3';
import type { RecordedEvent } from '@parley/event-store';

/**
 * Where a projection writes. Table names go through `table()` so that a rebuild can build a
 * shadow copy beside the live tables and swap it in; statements are cached per SQL text.
 */
export interface ProjectionContext {
  readonly db: Database;
  /** The physical name of one of the projection's tables (live, or the shadow during a rebuild). */
  table(name: string): string;
  /**
   * The name of one of its indexes. Index names are global in SQLite and stay with their
   * table when a shadow is renamed into place, so each build generation names its own.
   */
  index(name: string): string;
  /** A prepared statement for this SQL, prepared once; write `${ctx.table('x')}` into the SQL. */
  statement(sql: string): Statement;
}

/** What applying one event came to: used, or skipped with the reason (logged and counted). */
export type ApplyOutcome = Readonly<{ applied: true }> | Readonly<{ applied: false; reason: string }>;

export const APPLIED: ApplyOutcome = { applied: true };
export const skipped = (reason: string): ApplyOutcome => ({ applied: false, reason });

/**
 * A read model kept by following `$all`: a name, a version (bump it when its tables or
 * meaning change, and it is rebuilt at start), the event types it handles, the tables it
 * owns, and the step that applies one event to its rows.
 */
export interface Projection {
  readonly name: string;
  readonly version: number;
  /** Events of other types only move its checkpoint. */
  readonly eventTypes: readonly string[];
  /** Base names of the tables it owns (all of them: a rebuild replaces exactly these). */
  readonly tables: readonly string[];
  /** CREATE TABLE / INDEX IF NOT EXISTS for every table, through `ctx.table()`, with the indexes `apply` reads by. */
  createTables(ctx: ProjectionContext): void;
  /**
   * CREATE INDEX IF NOT EXISTS for the indexes only readers use. A rebuild makes them after the
   * bulk load, when one sort is cheaper than keeping them in order through every insert.
   */
  createReadIndexes?(ctx: ProjectionContext): void;
  /**
   * Applies one recorded event, inside the transaction that also moves the checkpoint.
   * Never throws for a recorded event: what it cannot use it skips, with a reason.
   */
  apply(ctx: ProjectionContext, event: RecordedEvent): ApplyOutcome;
  /**
   * Applies events of its types in position order, inside one transaction, with the same outcome
   * as `apply` one by one; a projection may keep what the batch touches in memory meanwhile and
   * write it once at the end.
   */
  applyBatch?(ctx: ProjectionContext, events: readonly RecordedEvent[]): ApplyOutcome[];
}

/** A batch through the projection's own batch step, or its one-event step if it has none. */
export const applyEvents = (projection: Projection, ctx: ProjectionContext, events: readonly RecordedEvent[]): ApplyOutcome[] =>
  projection.applyBatch ? projection.applyBatch(ctx, events) : events.map((event) => projection.apply(ctx, event));

/** Every table and index of a projection, for tables that serve readers from the start. */
export const createSchema = (projection: Projection, ctx: ProjectionContext): void => {
  projection.createTables(ctx);
  projection.createReadIndexes?.(ctx);
};
