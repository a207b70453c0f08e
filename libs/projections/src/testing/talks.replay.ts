import Database from 'better-sqlite3';
import type { RecordedEvent } from '@parley/event-store';
import { createSchema } from '../projection';
import { projectionContext } from '../projection-context';
import { LinkPair, foldIncidentStatus } from '../talks/incidents';
import { StatusView, statusView } from '../talks/talks-status.view';
import { Page, TimelineFilters, TimelineItem, liveClaims, timelinePage } from '../talks/talks.queries';
import { ReleaseFilters, ReleaseItem, releasesPage } from '../talks/releases.queries';
import { talksProjection } from '../talks/talks.projection';
import type { TimeTravelOptions } from '../talks/talks.time-travel';

/**
 * Time travel the slow, obvious way, kept as the oracle the indexed queries are checked against:
 * `knownAt` keeps the events recorded by then, `asOf` the claims that count by then (whole range passed), and the
 * one talks projection runs over what is left into a throwaway in-memory database.
 */

export type Replay = Readonly<{
  /** The track's status as of `asOf` (read on that date), as known at `knownAt`; undefined before it opened. */
  status(talksId: string): StatusView | undefined;
  /** The timeline as known at `knownAt`, capped at `asOf`. */
  timeline(filters: TimelineFilters): Page<TimelineItem>;
  /** The people freed as known at `knownAt`, by the claims that count by `asOf`. */
  releases(filters: ReleaseFilters): Page<ReleaseItem>;
  close(): void;
}>;

/** `events`: one track's stream, or several streams' events; they are applied in position order. */
export const replayTimeTravel = (events: readonly RecordedEvent[], { asOf, knownAt }: TimeTravelOptions = {}): Replay => {
  const db = new Database(':memory:');
  const ctx = projectionContext(db, talksProjection, 'live', 1);
  createSchema(talksProjection, ctx);
  // Every link there is, whatever track: the oracle does not walk.
  const everyLiveLink = (): LinkPair[] =>
    (db.prepare('SELECT event_id, same_as FROM talks_links WHERE unlinked_at IS NULL').all() as { event_id: string; same_as: string }[]).map((row) => [row.event_id, row.same_as] as const);
  const known = events
    .filter((event) => knownAt === undefined || event.recordedAt.getTime() <= knownAt.getTime())
    .sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
  db.transaction(() => known.forEach((event) => talksProjection.apply(ctx, event)))(); // one by one: the obvious way
  // Read on the date asked about; with no valid time, as things stood when last known (or now).
  const readOn = asOf ?? knownAt ?? new Date();

  return {
    status: (talksId) => {
      const doc = foldIncidentStatus(liveClaims(ctx, talksId, asOf), everyLiveLink());
      return doc && statusView(doc, readOn);
    },
    timeline: (filters) => timelinePage(ctx, asOf === undefined ? filters : { ...filters, occurredBy: asOf }),
    releases: (filters) => releasesPage(ctx, asOf === undefined ? filters : { ...filters, occurredBy: asOf }),
    close: () => db.close(),
  };
};
