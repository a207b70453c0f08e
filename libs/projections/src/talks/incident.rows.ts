import type { ProjectionContext } from '../projection';
import { Incident, IncidentView, LinkPair, incidentContribution, incidentView } from './incidents';
import { EMPTY_COUNTS, StatusClaim, StatusCounts, addCounts } from './talks-status';
import { StatusClaimRow, statusClaimOf } from './talks-status.rows';

/**
 * Links as rows: one per ClaimsLinked, closed by the ClaimsUnlinked that undoes it, so the links
 * known at any position of `$all` are those opened by then and not yet closed (as claim versions
 * are). Incidents are found from a claim by walking its links, never by reading the whole track.
 */

/** Which links and claims a read sees: the live ones, or those current at a position of `$all`. */
export type LinkSource = Readonly<{ kind: 'live' }> | Readonly<{ kind: 'known'; position: bigint }>;

export const LIVE: LinkSource = { kind: 'live' };

export type NewLink = Readonly<{ linkId: string; talksId: string; eventId: string; sameAs: string; position: bigint }>;

export const insertLink = (ctx: ProjectionContext, link: NewLink): void => {
  ctx
    .statement(`INSERT INTO ${ctx.table('talks_links')} (link_id, talks_id, event_id, same_as, linked_at, unlinked_at) VALUES (?, ?, ?, ?, ?, NULL)`)
    .run(link.linkId, link.talksId, link.eventId, link.sameAs, link.position);
};

/** Closes the live link between two claims (named either way round); false when there is none. */
export const closeLink = (ctx: ProjectionContext, eventId: string, sameAs: string, at: bigint): boolean =>
  ctx
    .statement(
      `UPDATE ${ctx.table('talks_links')} SET unlinked_at = ? WHERE unlinked_at IS NULL AND ((event_id = ? AND same_as = ?) OR (event_id = ? AND same_as = ?))`,
    )
    .run(at, eventId, sameAs, sameAs, eventId).changes > 0;

const current = (source: LinkSource): { clause: string; params: unknown[] } =>
  source.kind === 'live'
    ? { clause: 'unlinked_at IS NULL', params: [] }
    : { clause: 'linked_at <= ? AND (unlinked_at IS NULL OR unlinked_at > ?)', params: [source.position, source.position] };

/** The links of one claim, as the other ends. */
const neighbours = (ctx: ProjectionContext, eventId: string, source: LinkSource): string[] => {
  const { clause, params } = current(source);
  return ctx
    .statement(
      `SELECT same_as FROM ${ctx.table('talks_links')} WHERE event_id = ? AND ${clause}
       UNION SELECT event_id FROM ${ctx.table('talks_links')} WHERE same_as = ? AND ${clause}`,
    )
    .pluck()
    .all(eventId, ...params, eventId, ...params) as string[];
};

/** Every claim reachable from `eventId` through links (retracted ones too: they still join), itself included. */
export const linkedIds = (ctx: ProjectionContext, eventId: string, source: LinkSource): string[] => {
  const reached = new Set([eventId]);
  const waiting = [eventId];
  for (let next = waiting.pop(); next !== undefined; next = waiting.pop()) {
    for (const other of neighbours(ctx, next, source)) {
      if (!reached.has(other)) {
        reached.add(other);
        waiting.push(other);
      }
    }
  }
  return [...reached];
};

/**
 * The live reports (not retracted; at a position, the versions current there) among these
 * claims, in recorded order; with `talksId`, only those of that track.
 */
const reportsAmong = (ctx: ProjectionContext, eventIds: readonly string[], source: LinkSource, talksId?: string): StatusClaim[] => {
  const ids = JSON.stringify(eventIds);
  const [byTrack, track] = talksId === undefined ? ['', []] : ['AND talks_id = ?', [talksId]];
  const rows =
    source.kind === 'live'
      ? ctx
          .statement(
            `SELECT event_id, type, data, revision, CAST(position AS TEXT) AS position_text FROM ${ctx.table('talks_claims')}
             WHERE event_id IN (SELECT value FROM json_each(?)) AND retracted = 0 ${byTrack} ORDER BY position`,
          )
          .all(ids, ...track)
      : ctx
          .statement(
            `SELECT event_id, type, data, revision, CAST(position AS TEXT) AS position_text FROM ${ctx.table('talks_claim_versions')}
             WHERE event_id IN (SELECT value FROM json_each(?)) AND recorded_from <= ? AND (recorded_to IS NULL OR recorded_to > ?) ${byTrack} ORDER BY position`,
          )
          .all(ids, source.position, source.position, ...track);
  return (rows as StatusClaimRow[]).map(statusClaimOf);
};

/** The tracks of these claims (live or retracted): whose counts a change of links among them may move. */
export const tracksOf = (ctx: ProjectionContext, eventIds: readonly string[]): string[] =>
  ctx
    .statement(`SELECT DISTINCT talks_id FROM ${ctx.table('talks_claims')} WHERE event_id IN (SELECT value FROM json_each(?))`)
    .pluck()
    .all(JSON.stringify(eventIds)) as string[];

/** The tracks with claims in the live incidents around these claims: those a link or unlink between them may have recounted. */
export const tracksAround = (ctx: ProjectionContext, eventIds: readonly string[]): string[] =>
  tracksOf(ctx, [...new Set(eventIds.flatMap((eventId) => linkedIds(ctx, eventId, LIVE)))]);

/**
 * The tracks around the links opened or closed after a position: those whose counts moved since,
 * though a link recorded in another track leaves their own position where it was. Links are few
 * (each an editor's statement), so they are read without an index on when.
 */
export const tracksRelinkedAfter = (ctx: ProjectionContext, position: bigint): string[] => {
  const ends = ctx
    .statement(`SELECT event_id, same_as FROM ${ctx.table('talks_links')} WHERE linked_at > ? OR unlinked_at > ?`)
    .all(position, position) as { event_id: string; same_as: string }[];
  return ends.length === 0 ? [] : tracksAround(ctx, ends.flatMap((link) => [link.event_id, link.same_as]));
};

/** The incident a claim belongs to, as its live reports stand. */
export const incidentAround = (ctx: ProjectionContext, eventId: string, source: LinkSource = LIVE): Incident | undefined => {
  const reports = reportsAmong(ctx, linkedIds(ctx, eventId, source), source);
  return reports.length ? { id: reports[0].eventId, reports } : undefined;
};

/**
 * What the incidents of these claims add to one track's counts, each incident once however many
 * of them it holds. A track counts the reports it holds: an incident joined across tracks counts
 * once in each track with reports of it, from those reports.
 */
export const contributionAround = (ctx: ProjectionContext, eventIds: readonly string[], talksId: string): StatusCounts => {
  const seen = new Set<string>();
  let counts = EMPTY_COUNTS;
  for (const eventId of eventIds) {
    if (seen.has(eventId)) continue;
    const ids = linkedIds(ctx, eventId, LIVE);
    ids.forEach((id) => seen.add(id));
    counts = addCounts(counts, incidentContribution(reportsAmong(ctx, ids, LIVE, talksId)));
  }
  return counts;
};

/** Those of these claims with a link (live, or current at a position): one indexed query. */
export const withLinks = (ctx: ProjectionContext, eventIds: readonly string[], source: LinkSource): string[] => {
  const { clause, params } = current(source);
  const ids = JSON.stringify(eventIds);
  return ctx
    .statement(
      `SELECT event_id FROM ${ctx.table('talks_links')} WHERE event_id IN (SELECT value FROM json_each(?)) AND ${clause}
       UNION SELECT same_as FROM ${ctx.table('talks_links')} WHERE same_as IN (SELECT value FROM json_each(?)) AND ${clause}`,
    )
    .pluck()
    .all(ids, ...params, ids, ...params) as string[];
};

/**
 * The links, live or as known at a position, that a fold of these claims needs to count their
 * incidents once: walked from those of them that have links, so two of them joined through other
 * tracks' claims are reached too, and the work grows with their links, not with the store's.
 * Each pair joins a claim to one it reaches (enough for the fold's union-find).
 */
export const linksAmong = (ctx: ProjectionContext, eventIds: readonly string[], source: LinkSource): LinkPair[] => {
  const reached = new Set<string>();
  const pairs: LinkPair[] = [];
  for (const eventId of withLinks(ctx, eventIds, source)) {
    if (reached.has(eventId)) continue;
    for (const other of linkedIds(ctx, eventId, source)) {
      reached.add(other);
      if (other !== eventId) pairs.push([eventId, other]);
    }
  }
  return pairs;
};

/**
 * The incidents of a page of claims, by event id, for those linked to another live report: one
 * query tells which have links at all, and each incident is walked once however many it holds.
 */
export const incidentsOfPage = (ctx: ProjectionContext, eventIds: readonly string[], source: LinkSource): ReadonlyMap<string, IncidentView> => {
  const linked = withLinks(ctx, eventIds, source);
  const views = new Map<string, IncidentView>();
  for (const eventId of linked) {
    if (views.has(eventId)) continue;
    const incident = incidentAround(ctx, eventId, source);
    if (!incident || incident.reports.length < 2) continue;
    const view = incidentView(incident);
    for (const report of incident.reports) views.set(report.eventId, view);
  }
  return views;
};
