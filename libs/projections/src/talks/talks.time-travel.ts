import type { ProjectionContext } from '../projection';
import { withinReadBudget } from '../read-budget';
import { DateWindow } from './claim-window';
import { LIVE, LinkSource, linksAmong } from './incident.rows';
import { foldIncidentStatus } from './incidents';
import { knownReleasesPage } from './releases.known';
import { ReleaseFilters, ReleaseItem, releasesPage } from './releases.queries';
import { StatusView, statusView } from './talks-status.view';
import { Page, TimelineFilters, TimelineItem, knownClaims, knownTimelinePage, liveClaims, positionKnownAt, timelinePage } from './talks.queries';

/**
 * Bitemporal reads, answered from the read model's claim versions. `knownAt` (recorded time)
 * becomes a position of `$all` once, and each claim is read in the version current there;
 * `asOf` (valid time) keeps the claims (and the people they free) that count by then: a single date from its first moment,
 * a range (`occurredUntil`) once its last moment has passed. Both are indexed queries whose
 * cost grows with the answer; the status is the one status fold over one track's claims.
 */

export type TimeTravelOptions = Readonly<{ asOf?: Date; knownAt?: Date }>;

/** The track's status as of `asOf` (read on that date), as known at `knownAt`; undefined before it opened. */
export const statusAt = (ctx: ProjectionContext, talksId: string, { asOf, knownAt }: TimeTravelOptions): StatusView | undefined => {
  const { claims, links } = withinReadBudget(ctx.db, () => {
    const source: LinkSource = knownAt === undefined ? LIVE : { kind: 'known', position: positionKnownAt(ctx, knownAt) };
    const read = source.kind === 'live' ? liveClaims(ctx, talksId, asOf) : knownClaims(ctx, talksId, source.position, asOf);
    return { claims: read, links: linksAmong(ctx, read.map((claim) => claim.eventId), source) };
  });
  const doc = foldIncidentStatus(claims, links);
  // Read on the date asked about; with no valid time, as things stood when last known (or now).
  return doc && statusView(doc, asOf ?? knownAt ?? new Date());
};

/** The filters with `asOf` as the date by which a claim must count (its whole range passed). */
const cappedAt = <F extends DateWindow>(filters: F, asOf: Date | undefined): F => (asOf === undefined ? filters : { ...filters, occurredBy: asOf });

/** The timeline as known at `knownAt`, of the claims that count by `asOf` (their whole range passed). */
export const timelineAt = (ctx: ProjectionContext, filters: TimelineFilters, { asOf, knownAt }: TimeTravelOptions): Page<TimelineItem> => {
  const capped = cappedAt(filters, asOf);
  return knownAt === undefined ? timelinePage(ctx, capped) : knownTimelinePage(ctx, capped, positionKnownAt(ctx, knownAt));
};

/** The people freed as known at `knownAt` (claims, corrections and links recorded by then), by the claims that count by `asOf`. */
export const releasesAt = (ctx: ProjectionContext, filters: ReleaseFilters, { asOf, knownAt }: TimeTravelOptions): Page<ReleaseItem> => {
  const capped = cappedAt(filters, asOf);
  return knownAt === undefined ? releasesPage(ctx, capped) : knownReleasesPage(ctx, capped, positionKnownAt(ctx, knownAt));
};
