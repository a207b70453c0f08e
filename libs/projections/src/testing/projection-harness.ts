import Database from 'better-sqlite3';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import type { RecordedEvent } from '@parley/event-store';
import { ApplyOutcome, Projection, ProjectionContext, applyEvents, createSchema } from '../projection';
import { projectionContext } from '../projection-context';

export type HarnessOptions = Readonly<{ db?: SqliteDatabase; target?: 'live' | 'shadow'; generation?: number }>;

/**
 * One projection over an in-memory database (or a given one, to put a live and a shadow build
 * side by side), applying each event in its own transaction as the runner does.
 */
export const projectionHarness = (projection: Projection, { db = new Database(':memory:'), target = 'live', generation = 1 }: HarnessOptions = {}) => {
  const ctx: ProjectionContext = projectionContext(db, projection, target, generation);
  createSchema(projection, ctx);
  const apply = (event: RecordedEvent): ApplyOutcome => db.transaction(() => projection.apply(ctx, event))();
  const inOne = (events: readonly RecordedEvent[]): ApplyOutcome[] => db.transaction(() => applyEvents(projection, ctx, events))();

  return {
    db,
    ctx,
    apply,
    applyAll: (events: readonly RecordedEvent[]): ApplyOutcome[] => events.map(apply),
    /** Applies the events in one transaction and one batch, as a rebuild would. */
    rebuild: inOne,
    /** Every row of every table the projection owns, by base table name, in a stable order. */
    dump: (): Record<string, unknown[]> =>
      Object.fromEntries(
        projection.tables.map((table) => {
          const rows = db.prepare(`SELECT * FROM ${ctx.table(table)}`).all();
          return [table, rows.map((row) => JSON.stringify(row)).sort().map((row) => JSON.parse(row))];
        }),
      ),
    rows: (table: string): Record<string, unknown>[] => db.prepare(`SELECT * FROM ${ctx.table(table)}`).all() as Record<string, unknown>[],
    close: (): void => {
      db.close();
    },
  };
};

export type ProjectionHarness = ReturnType<typeof projectionHarness>;

/**
 * The events applied one at a time to live tables and in one batch to shadow tables of one
 * database, as a running projection and a rebuild would: what the property specs compare.
 * `outcomes` are the one-at-a-time ones; close the database when done.
 */
export const liveAndRebuilt = (projection: Projection, events: readonly RecordedEvent[]) => {
  const db = new Database(':memory:');
  const live = projectionHarness(projection, { db, target: 'live', generation: 1 });
  const shadow = projectionHarness(projection, { db, target: 'shadow', generation: 2 });
  const outcomes = live.applyAll(events);
  shadow.rebuild(events);
  return { live, shadow, outcomes, close: () => db.close() };
};
