import type { ProjectionContext } from '../projection';
import { WORK_TICK, withinReadBudget } from '../read-budget';
import { ClaimData, ClaimType } from './claim-data';
import { LIVE, linksAmong } from './incident.rows';
import { periodOfClaim, representativeUnder } from './incidents';

/**
 * Pairs of live claims that may report the same real-world event, for an editor to confirm with
 * a link; never linked by themselves. A pair is two claims of one type, not yet one incident,
 * whose date ranges overlap; it ranks higher the more actors and countries they share (score
 * 0–1: overlap alone is 0.25, the same actors add up to 0.5, a shared country 0.25).
 *
 * By default both claims are of one track. Asked `acrossTracks`, pairs of two tracks are
 * suggested too (with `talksId`, those with a claim in that track), but only when they share an
 * actor or a country: two tracks share no parties by being one track, and date and type alone
 * pair every swap of a month with every other. They rank by the same score, so a same-track pair
 * and a cross-track one that share as much rank alike. Candidates are drawn through the date
 * index either way (type, start within the window), never by joining every claim to every other.
 */

export type SuggestionFilters = Readonly<{ talksId?: string; acrossTracks?: boolean; limit: number }>;

export type IncidentSuggestion = Readonly<{
  /** The track of `eventId`: the one to link from. */
  talksId: string;
  type: ClaimType;
  eventId: string;
  sameAs: string;
  /** The track of `sameAs`: `talksId` unless the pair is across tracks. */
  sameAsTalksId: string;
  score: number;
  sharedActors: readonly string[];
  sharedCountries: readonly string[];
}>;

const MAX_SUGGESTIONS = 100;
// Claims further apart than this by their start cannot overlap unless a range is wider; a month and
// more are rare and cost a wider scan, so candidates are drawn from 32 days either side.
const WINDOW_MS = 32 * 86_400_000;

type CandidateRow = { a_talks: string; b_talks: string; type: ClaimType; a_id: string; a_data: string; b_id: string; b_data: string; b_position: number };

const CANDIDATE_COLUMNS = `a.talks_id AS a_talks, b.talks_id AS b_talks, a.type, a.event_id AS a_id, a.data AS a_data, b.event_id AS b_id, b.data AS b_data, b.position AS b_position`;
const LIVE_PAIR = `a.retracted = 0 AND b.retracted = 0 AND a.type <> 'TalksOpened'`;
const NEAR = `b.type = a.type AND b.occurred_from BETWEEN a.occurred_from - ? AND a.occurred_from + ?`;

/**
 * Each claim (of the track asked, if one is) with the claims of its type starting within the
 * window, through the (track, type, date) or (type, date) index; a pair once, `a` recorded first.
 */
const candidateRows = (ctx: ProjectionContext, { talksId, acrossTracks }: SuggestionFilters): CandidateRow[] => {
  const claims = ctx.table('talks_claims');
  const window = [WINDOW_MS, WINDOW_MS];
  if (!acrossTracks) {
    const byTrack = talksId === undefined ? '' : 'AND a.talks_id = ?';
    return ctx
      .statement(`SELECT ${CANDIDATE_COLUMNS} FROM ${claims} a JOIN ${claims} b ON b.talks_id = a.talks_id AND ${NEAR} AND b.position > a.position WHERE ${WORK_TICK} AND ${LIVE_PAIR} ${byTrack}`)
      .all(...window, ...(talksId === undefined ? [] : [talksId])) as CandidateRow[];
  }
  if (talksId === undefined) {
    return ctx.statement(`SELECT ${CANDIDATE_COLUMNS} FROM ${claims} a JOIN ${claims} b ON ${NEAR} AND b.position > a.position WHERE ${WORK_TICK} AND ${LIVE_PAIR}`).all(...window) as CandidateRow[];
  }
  // Driven from the track asked: its claim is `a` here, and is turned to come first as recorded.
  const rows = ctx
    .statement(
      `SELECT ${CANDIDATE_COLUMNS}, a.position AS a_position FROM ${claims} a JOIN ${claims} b ON ${NEAR} AND b.event_id <> a.event_id AND (b.talks_id <> a.talks_id OR b.position > a.position)
       WHERE ${WORK_TICK} AND ${LIVE_PAIR} AND a.talks_id = ?`,
    )
    .all(...window, talksId) as (CandidateRow & { a_position: number })[];
  return rows.map(({ a_position, ...row }) =>
    a_position < row.b_position
      ? row
      : { a_talks: row.b_talks, b_talks: row.a_talks, type: row.type, a_id: row.b_id, a_data: row.b_data, b_id: row.a_id, b_data: row.a_data, b_position: a_position },
  );
};

const facetsOf = (ctx: ProjectionContext, eventIds: readonly string[], table: 'talks_claim_actors' | 'talks_claim_countries', column: 'actor_id' | 'country') => {
  const rows = ctx
    .statement(`SELECT DISTINCT event_id, ${column} AS value FROM ${ctx.table(table)} WHERE event_id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(eventIds)) as { event_id: string; value: string }[];
  const byClaim = new Map<string, Set<string>>();
  for (const row of rows) byClaim.set(row.event_id, (byClaim.get(row.event_id) ?? new Set()).add(row.value));
  return byClaim;
};

const shared = (a: ReadonlySet<string> | undefined, b: ReadonlySet<string> | undefined): string[] => [...(a ?? [])].filter((value) => b?.has(value)).sort();

const overlaps = (a: ClaimData, b: ClaimData): boolean => {
  const [x, y] = [periodOfClaim(a), periodOfClaim(b)];
  return x !== undefined && y !== undefined && x.earliest <= y.latest && y.earliest <= x.latest;
};

export const incidentSuggestions = (ctx: ProjectionContext, filters: SuggestionFilters): IncidentSuggestion[] =>
  withinReadBudget(ctx.db, () => {
    const rows = candidateRows(ctx, filters);
    const candidates = rows.filter((row) => overlaps(JSON.parse(row.a_data), JSON.parse(row.b_data)));

    // Pairs already one incident are not suggested again.
    const representative = representativeUnder(linksAmong(ctx, [...new Set(candidates.flatMap((row) => [row.a_id, row.b_id]))], LIVE));
    const open = candidates.filter((row) => representative(row.a_id) !== representative(row.b_id));

    const ids = [...new Set(open.flatMap((row) => [row.a_id, row.b_id]))];
    const [actors, countries] = [facetsOf(ctx, ids, 'talks_claim_actors', 'actor_id'), facetsOf(ctx, ids, 'talks_claim_countries', 'country')];
    const suggestions = open.flatMap((row) => {
      const sharedActors = shared(actors.get(row.a_id), actors.get(row.b_id));
      const sharedCountries = shared(countries.get(row.a_id), countries.get(row.b_id));
      if (row.a_talks !== row.b_talks && sharedActors.length === 0 && sharedCountries.length === 0) return [];
      const allActors = new Set([...(actors.get(row.a_id) ?? []), ...(actors.get(row.b_id) ?? [])]);
      const actorShare = allActors.size === 0 ? 0 : sharedActors.length / allActors.size;
      const score = Math.round((0.25 + 0.5 * actorShare + (sharedCountries.length > 0 ? 0.25 : 0)) * 100) / 100;
      const suggestion = { talksId: row.a_talks, type: row.type, eventId: row.a_id, sameAs: row.b_id, sameAsTalksId: row.b_talks, score, sharedActors, sharedCountries };
      return [{ suggestion, position: row.b_position }];
    });
    // Best first; among equals, the most recently recorded pair.
    suggestions.sort((x, y) => y.suggestion.score - x.suggestion.score || y.position - x.position);
    return suggestions.slice(0, Math.min(Math.max(Math.trunc(filters.limit) || 1, 1), MAX_SUGGESTIONS)).map(({ suggestion }) => suggestion);
  });
