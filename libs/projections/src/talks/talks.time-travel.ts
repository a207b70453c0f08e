import Database from 'better-sqlite3';
import type { RecordedEvent } from '@parley/event-store';
import { createSchema } from '../projection';
import { projectionContext } from '../projection-context';
import { foldStatus } from './talks-status';
import { StatusView, statusView } from './talks-status.view';
import { Page, TimelineFilters, TimelineItem, liveClaims, timelinePage } from './talks.queries';
import { talksProjection } from './talks.projection';

/**
 * Bitemporal reads. `knownAt` (transaction time) keeps the events recorded by then; `asOf`
 * (valid time) keeps the claims that had begun by then. Both run the one talks projection
 * into a throwaway in-memory database and the one status fold, so no rule exists twice.
 */

export type TimeTravelOptions = Readonly<{ asOf?: Date; knownAt?: Date }>;

export type TimeTravel = Readonly<{
  /** The track's status as of `asOf` (read on that date), as known at `knownAt`; undefined before it opened. */
  status(talksId: string): StatusView | undefined;
  /** The timeline as known at `knownAt`, capped at `asOf`. */
  timeline(filters: TimelineFilters): Page<TimelineItem>;
  close(): void;
}>;

/** `events`: one track's stream, or several streams' events; they are applied in position order. */
export const timeTravel = (events: readonly RecordedEvent[], { asOf, knownAt }: TimeTravelOptions = {}): TimeTravel => {
  const db = new Database(':memory:');
  const ctx = projectionContext(db, talksProjection, 'live', 1);
  createSchema(talksProjection, ctx);
  const known = events
    .filter((event) => knownAt === undefined || event.recordedAt.getTime() <= knownAt.getTime())
    .sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
  db.transaction(() => known.forEach((event) => talksProjection.apply(ctx, event)))();
  // Read on the date asked about; with no valid time, as things stood when last known (or now).
  const readOn = asOf ?? knownAt ?? new Date();

  return {
    status: (talksId) => {
      const doc = foldStatus(liveClaims(ctx, talksId, asOf));
      return doc && statusView(doc, readOn);
    },
    timeline: (filters) => {
      const to = asOf !== undefined && (filters.to === undefined || filters.to > asOf) ? asOf : filters.to;
      return timelinePage(ctx, { ...filters, ...(to === undefined ? {} : { to }) });
    },
    close: () => db.close(),
  };
};
