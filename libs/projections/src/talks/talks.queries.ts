import type { Confidence, Precision, TalksLifecycle } from '@parley/domain';
import type { ProjectionContext } from '../projection';
import { WORK_TICK, withinReadBudget } from '../read-budget';
import { CONFIDENCE_RANK, ClaimData, ClaimType, isRecord, recordsOf, textOf } from './claim-data';
import { DateWindow, addDateWindow, longestRange } from './claim-window';
import { ClaimActor } from './claim-facets';
import { ClaimStance, claimStanceOf } from './claim-stance';
import { LinkSource, incidentsOfPage } from './incident.rows';
import { IncidentView } from './incidents';
import { StatusClaim, StatusCore, TalksStatusDoc } from './talks-status';
import { StatusClaimRow, readCore, readStatus, statusClaimOf } from './talks-status.rows';
import { decodeCursor, encodeCursor, positionOf } from './timeline-cursor';

/**
 * What readers ask of the talks read model. Filters are fixed SQL fragments chosen by which
 * filters are present; every value is bound, never spliced in.
 */

const MAX_PAGE = 500;
export const pageSize = (limit: number): number => Math.min(Math.max(Math.trunc(limit) || 1, 1), MAX_PAGE);

/** A WHERE clause grown from constant fragments, with the values bound in the same order. */
export const conditions = () => {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, ...values: unknown[]): void => {
    where.push(clause);
    params.push(...values);
  };
  return { where, params, add };
};

export const getStatus = (ctx: ProjectionContext, talksId: string): TalksStatusDoc | undefined => {
  const core = readCore(ctx, talksId);
  return core && readStatus(ctx, core);
};

export type StatusFilters = Readonly<{ lifecycle?: TalksLifecycle; party?: string; mediator?: string }>;

export const listStatuses = (ctx: ProjectionContext, filters: StatusFilters = {}): TalksStatusDoc[] => {
  const { where, params, add } = conditions();
  if (filters.lifecycle !== undefined) add('lifecycle = ?', filters.lifecycle);
  if (filters.party !== undefined) add(`EXISTS (SELECT 1 FROM json_each(doc, '$.parties') WHERE value = ?)`, filters.party);
  if (filters.mediator !== undefined) add(`EXISTS (SELECT 1 FROM json_each(doc, '$.mediators') WHERE value = ?)`, filters.mediator);
  const sql = `SELECT doc FROM ${ctx.table('talks_status')} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY talks_id`;
  return (ctx.statement(sql).pluck().all(...params) as string[]).map((doc) => readStatus(ctx, JSON.parse(doc) as StatusCore));
};

/** A track's live claims in position order, optionally only those that count by a date (their whole range passed): what `foldStatus` reads. */
export const liveClaims = (ctx: ProjectionContext, talksId: string, occurredBy?: Date): StatusClaim[] => {
  const byDate = occurredBy === undefined ? '' : 'AND occurred_to <= ?';
  // The text of a position gets its own name: ORDER BY an alias `position` would sort "10" before "2".
  const sql = `SELECT event_id, type, data, revision, CAST(position AS TEXT) AS position_text FROM ${ctx.table('talks_claims')}
    WHERE ${WORK_TICK} AND talks_id = ? AND retracted = 0 ${byDate} ORDER BY position`;
  const params = occurredBy === undefined ? [talksId] : [talksId, occurredBy.getTime()];
  return (ctx.statement(sql).all(...params) as StatusClaimRow[]).map(statusClaimOf);
};

export type TimelineFilters = DateWindow & Readonly<{
  talksId?: string;
  actor?: string;
  /**
   * Claims in or about a country: where they happened, the nationality of someone they free, or
   * (with `countryActors`) an actor of theirs registered there.
   */
  country?: string;
  /**
   * The actors registered in `country`, which the caller reads from the actors read model (a
   * projection of its own): claims naming one of them match `country` too. Each actor's current
   * registration counts, also for a past timeline: a registered country is not a claim with a history.
   */
  countryActors?: readonly string[];
  /** Claims that happened in a country, and only those. */
  placeCountry?: string;
  /** Claim types; an empty list does not filter. */
  types?: readonly string[];
  minConfidence?: Confidence;
  /** Where the claim's sources stand together; an empty list does not filter. */
  stances?: readonly ClaimStance[];
  /**
   * One entry per incident: a linked report appears only as its incident's first recorded live
   * report (its `incident` lists the others), the way the status counts it. An incident whose
   * first report the other filters leave out does not appear; a page may then hold fewer than
   * `limit` items, and `nextCursor` still goes on from where it read.
   */
  onePerIncident?: boolean;
  after?: string;
  limit: number;
}>;

export type TimelineItem = Readonly<{
  eventId: string;
  talksId: string;
  type: ClaimType;
  /** Null only for an undated opening. */
  occurredAt: string | null;
  /** The latest the claim can have happened, when it states a range. */
  occurredUntil: string | null;
  precision: Precision | null;
  /** Null only for an unsourced opening. */
  confidence: Confidence | null;
  /** Whether its sources assert it, all deny it, or disagree (each source's own `stance` is in `data`). */
  stance: ClaimStance;
  summary: string;
  /** The analyst's note on the claim, or null. */
  note: string | null;
  actors: readonly ClaimActor[];
  countries: readonly string[];
  cameo: string | null;
  plover: string | null;
  /** The publishers of the claim's sources. */
  sources: readonly string[];
  data: ClaimData;
  /** How many corrections were merged into `data`. */
  corrected: number;
  revision: number;
  position: string;
  recordedAt: string;
  /** When the claim is linked to other live reports of the same event: the incident they form. */
  incident?: IncidentView;
}>;

export type Page<T> = Readonly<{ items: T[]; nextCursor: string | null }>;

export type TimelineRow = {
  event_id: string;
  talks_id: string;
  type: ClaimType;
  occurred_at: string | null;
  occurred_until: string | null;
  precision: Precision | null;
  occurred_from: number;
  confidence: Confidence | null;
  summary: string;
  cameo: string | null;
  plover: string | null;
  data: string;
  corrected: number;
  revision: number;
  position_text: string;
  recorded_at: string;
  /** A version's facets, as JSON. */
  actors?: string;
  countries?: string;
};

/**
 * Which claims a timeline reads: the live rows (facets from their derived tables), or the versions
 * current at a position of `$all` (facets from each version's own JSON).
 */
export type ClaimSource = LinkSource;

const sourceConditions = (ctx: ProjectionContext, source: ClaimSource, filters: ClaimsFilters) => {
  const { where, params, add } = conditions();
  add(WORK_TICK);
  if (source.kind === 'live') {
    const [actors, countries] = [ctx.table('talks_claim_actors'), ctx.table('talks_claim_countries')];
    add('c.retracted = 0');
    if (filters.actor !== undefined) add(`EXISTS (SELECT 1 FROM ${actors} a WHERE a.event_id = c.event_id AND a.actor_id = ?)`, filters.actor);
    if (filters.country !== undefined) {
      add(
        `(EXISTS (SELECT 1 FROM ${countries} k WHERE k.event_id = c.event_id AND k.country = ?)
          OR EXISTS (SELECT 1 FROM ${actors} a WHERE a.event_id = c.event_id AND a.actor_id IN (SELECT value FROM json_each(?))))`,
        filters.country,
        JSON.stringify(filters.countryActors ?? []),
      );
    }
  } else {
    add('c.recorded_from <= ? AND (c.recorded_to IS NULL OR c.recorded_to > ?)', source.position, source.position);
    if (filters.actor !== undefined) add(`EXISTS (SELECT 1 FROM json_each(c.actors) WHERE json_extract(value, '$.actorId') = ?)`, filters.actor);
    if (filters.country !== undefined) {
      add(
        `(EXISTS (SELECT 1 FROM json_each(c.countries) WHERE value = ?)
          OR EXISTS (SELECT 1 FROM json_each(c.actors) WHERE json_extract(value, '$.actorId') IN (SELECT value FROM json_each(?))))`,
        filters.country,
        JSON.stringify(filters.countryActors ?? []),
      );
    }
  }
  return { where, params, add };
};

/** Claims ordered by date (the start of their period), then by position, from one source. */
const claimsPage = (ctx: ProjectionContext, filters: TimelineFilters, source: ClaimSource): Page<TimelineItem> =>
  withinReadBudget(ctx.db, () => readClaimsPage(ctx, filters, source));

/** A claim row as a timeline item: a live row with its facets from the derived tables, a version with its own. */
export const timelineItemOf = (
  row: Omit<TimelineRow, 'occurred_from'>,
  facets?: Readonly<{ actors: readonly ClaimActor[]; countries: readonly string[] }>,
): TimelineItem => {
  const data = JSON.parse(row.data) as ClaimData;
  const provenance = isRecord(data.provenance) ? data.provenance : {};
  return {
    eventId: row.event_id,
    talksId: row.talks_id,
    type: row.type,
    occurredAt: row.occurred_at,
    occurredUntil: row.occurred_until ?? null,
    precision: row.precision,
    confidence: row.confidence,
    stance: claimStanceOf(data),
    summary: row.summary,
    note: textOf(data.note) ?? null,
    actors: facets?.actors ?? JSON.parse(row.actors ?? '[]'),
    countries: facets?.countries ?? JSON.parse(row.countries ?? '[]'),
    cameo: row.cameo,
    plover: row.plover,
    sources: recordsOf(provenance.sources).flatMap((source) => textOf(source.publisher) ?? []),
    data,
    corrected: row.corrected,
    revision: row.revision,
    position: row.position_text,
    recordedAt: row.recorded_at,
  };
};

/** Where a read in timeline order starts: after a claim's sort key, or at it (`inclusive`: a release page goes on inside a claim). */
export type ClaimsStart = Readonly<{ occurredFrom: number; position: bigint; inclusive?: boolean }>;

/** Up to `count` rows of one source in timeline order, of one type or of every type; `reach`: the longest range stored (longestRange), read once per page. */
const claimRows = (
  ctx: ProjectionContext,
  filters: ClaimsFilters,
  source: ClaimSource,
  type: string | undefined,
  count: number,
  reach: number,
  start: ClaimsStart | undefined,
): TimelineRow[] => {
  const { where, params, add } = sourceConditions(ctx, source, filters);
  if (filters.talksId !== undefined) add('c.talks_id = ?', filters.talksId);
  if (filters.placeCountry !== undefined) add('c.place_country = ?', filters.placeCountry);
  if (type !== undefined) add('c.type = ?', type);
  addDateWindow(add, 'c', filters, reach);
  if (filters.minConfidence !== undefined) add('c.confidence_rank >= ?', CONFIDENCE_RANK[filters.minConfidence] ?? 0);
  if (filters.stances?.length) add('c.stance IN (SELECT value FROM json_each(?))', JSON.stringify(filters.stances));
  if (start !== undefined) add(`(c.occurred_from, c.position) ${start.inclusive ? '>=' : '>'} (?, ?)`, start.occurredFrom, start.position);
  const [table, facetColumns] = source.kind === 'live' ? [ctx.table('talks_claims'), ''] : [ctx.table('talks_claim_versions'), ', c.actors, c.countries'];
  const sql = `SELECT c.event_id, c.talks_id, c.type, c.occurred_at, c.occurred_until, c.precision, c.occurred_from, c.confidence, c.summary, c.cameo, c.plover,
      c.data, c.corrected, c.revision, CAST(c.position AS TEXT) AS position_text, c.recorded_at${facetColumns}
    FROM ${table} c WHERE ${where.join(' AND ')} ORDER BY c.occurred_from, c.position LIMIT ?`;
  return ctx.statement(sql).all(...params, count) as TimelineRow[];
};

const byDateThenPosition = (a: TimelineRow, b: TimelineRow): number => {
  if (a.occurred_from !== b.occurred_from) return a.occurred_from - b.occurred_from;
  const [x, y] = [BigInt(a.position_text), BigInt(b.position_text)];
  return x < y ? -1 : x > y ? 1 : 0;
};

/** What selects claims, without the page: a timeline's filters, or those a release page reads its claims by. */
export type ClaimsFilters = Omit<TimelineFilters, 'after' | 'limit' | 'onePerIncident'>;

/** Up to `count` claims of one source in timeline order from `start`, the filters applying. */
export const orderedClaimRows = (ctx: ProjectionContext, filters: ClaimsFilters, source: ClaimSource, count: number, start?: ClaimsStart): TimelineRow[] => {
  // One indexed read per type, merged: a type filter read through the date index would walk
  // every claim of other types first, so a rare type would cost the whole store.
  const types = filters.types?.length ? [...new Set(filters.types)] : [undefined];
  const reach = filters.from === undefined ? 0 : longestRange(ctx, source);
  return types
    .flatMap((type) => claimRows(ctx, filters, source, type, count, reach, start))
    .sort(byDateThenPosition)
    .slice(0, count);
};

/** Where the page after a timeline cursor starts. */
const startAfter = (cursor: string | undefined): ClaimsStart | undefined => {
  if (cursor === undefined) return undefined;
  const [occurredFrom, position] = decodeCursor(cursor, ['number', 'string']);
  return { occurredFrom: occurredFrom as number, position: positionOf(position) };
};

const readClaimsPage = (ctx: ProjectionContext, filters: TimelineFilters, source: ClaimSource): Page<TimelineItem> => {
  const limit = pageSize(filters.limit);
  const rows = orderedClaimRows(ctx, filters, source, limit + 1, startAfter(filters.after));
  const page = rows.slice(0, limit);
  const facets = source.kind === 'live' ? facetsOf(ctx, page.map((row) => row.event_id)) : undefined;
  const incidents = incidentsOfPage(ctx, page.map((row) => row.event_id), source);
  const shown = filters.onePerIncident ? page.filter((row) => (incidents.get(row.event_id)?.id ?? row.event_id) === row.event_id) : page;
  const items = shown.map((row) => {
    const item = timelineItemOf(row, facets && { actors: facets.actors.get(row.event_id) ?? [], countries: facets.countries.get(row.event_id) ?? [] });
    const incident = incidents.get(row.event_id);
    return incident ? { ...item, incident } : item;
  });
  const last = page[page.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.occurred_from, last.position_text]) : null };
};

/** Live claims ordered by date (the start of their period), then by position. */
export const timelinePage = (ctx: ProjectionContext, filters: TimelineFilters): Page<TimelineItem> => claimsPage(ctx, filters, { kind: 'live' });

/** The claims as they stood at a position of `$all`: each in the version current then, retracted ones left out. */
export const knownTimelinePage = (ctx: ProjectionContext, filters: TimelineFilters, position: bigint): Page<TimelineItem> =>
  claimsPage(ctx, filters, { kind: 'known', position });

/** A track's claims as they stood at a position, optionally only those that count by a date: what `foldStatus` reads for the past. */
export const knownClaims = (ctx: ProjectionContext, talksId: string, position: bigint, occurredBy?: Date): StatusClaim[] => {
  const byDate = occurredBy === undefined ? '' : 'AND occurred_to <= ?';
  const sql = `SELECT event_id, type, data, revision, CAST(position AS TEXT) AS position_text FROM ${ctx.table('talks_claim_versions')}
    WHERE ${WORK_TICK} AND talks_id = ? AND recorded_from <= ? AND (recorded_to IS NULL OR recorded_to > ?) ${byDate} ORDER BY position`;
  const params = [talksId, position, position, ...(occurredBy === undefined ? [] : [occurredBy.getTime()])];
  return (ctx.statement(sql).all(...params) as StatusClaimRow[]).map(statusClaimOf);
};

/**
 * The position of `$all` that a moment of recorded time stands for: the last talks event recorded
 * by then (0 when none was). Recorded times rise with position, so the last by time is the last by position.
 */
export const positionKnownAt = (ctx: ProjectionContext, knownAt: Date): bigint =>
  (ctx
    .statement(`SELECT position FROM ${ctx.table('talks_recordings')} WHERE recorded_at <= ? ORDER BY recorded_at DESC, position DESC LIMIT 1`)
    .safeIntegers(true)
    .pluck()
    .get(knownAt.getTime()) as bigint | undefined) ?? 0n;

/** The actors and countries of a page of claims, in two queries rather than two per claim. */
const facetsOf = (ctx: ProjectionContext, eventIds: readonly string[]) => {
  const ids = JSON.stringify(eventIds);
  const actorRows = ctx
    .statement(`SELECT event_id, actor_id, role FROM ${ctx.table('talks_claim_actors')} WHERE event_id IN (SELECT value FROM json_each(?)) ORDER BY event_id, role, actor_id`)
    .all(ids) as { event_id: string; actor_id: string; role: string }[];
  const countryRows = ctx
    .statement(`SELECT event_id, country FROM ${ctx.table('talks_claim_countries')} WHERE event_id IN (SELECT value FROM json_each(?)) ORDER BY event_id, country`)
    .all(ids) as { event_id: string; country: string }[];
  const actors = new Map<string, ClaimActor[]>();
  for (const row of actorRows) actors.set(row.event_id, [...(actors.get(row.event_id) ?? []), { actorId: row.actor_id, role: row.role }]);
  const countries = new Map<string, string[]>();
  for (const row of countryRows) countries.set(row.event_id, [...(countries.get(row.event_id) ?? []), row.country]);
  return { actors, countries };
};
