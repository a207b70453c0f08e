import type { ProjectionContext } from '../projection';
import { WORK_TICK, withinReadBudget } from '../read-budget';
import { ClaimData, ClaimType } from './claim-data';
import { LIVE, linksAmong } from './incident.rows';
import { periodOfClaim, representativeUnder } from './incidents';

/**
 * Pairs of live claims that may report the same real-world event, for an editor to confirm with
 * a link; never linked by themselves. A pair is two claims of one track and one type, not yet one
 * incident, whose date ranges overlap; it ranks higher the more actors and countries they share
 * (score 0–1: overlap alone is 0.25, the same actors add up to 0.5, a shared country 0.25).
 */

export type SuggestionFilters = Readonly<{ talksId?: string; limit: number }>;

export type IncidentSuggestion = Readonly<{
  talksId: string;
  type: ClaimType;
  eventId: string;
  sameAs: string;
  score: number;
  sharedActors: readonly string[];
  sharedCountries: readonly string[];
}>;

const MAX_SUGGESTIONS = 100;
// Claims further apart than this by their start cannot overlap unless a range is wider; a month and
// more are rare and cost a wider scan, so candidates are drawn from 32 days either side.
const WINDOW_MS = 32 * 86_400_000;

type CandidateRow = { talks_id: string; type: ClaimType; a_id: string; a_data: string; b_id: string; b_data: string; b_position: number };

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
    const claims = ctx.table('talks_claims');
    const byTrack = filters.talksId === undefined ? '' : 'AND a.talks_id = ?';
    const rows = ctx
      .statement(
        `SELECT a.talks_id, a.type, a.event_id AS a_id, a.data AS a_data, b.event_id AS b_id, b.data AS b_data, b.position AS b_position
         FROM ${claims} a JOIN ${claims} b
           ON b.talks_id = a.talks_id AND b.type = a.type AND b.occurred_from BETWEEN a.occurred_from - ? AND a.occurred_from + ? AND b.position > a.position
         WHERE ${WORK_TICK} AND a.retracted = 0 AND b.retracted = 0 AND a.type <> 'TalksOpened' ${byTrack}`,
      )
      .all(WINDOW_MS, WINDOW_MS, ...(filters.talksId === undefined ? [] : [filters.talksId])) as CandidateRow[];
    const candidates = rows.filter((row) => overlaps(JSON.parse(row.a_data), JSON.parse(row.b_data)));

    // Pairs already one incident are not suggested again.
    const representative = representativeUnder(linksAmong(ctx, [...new Set(candidates.flatMap((row) => [row.a_id, row.b_id]))], LIVE));
    const open = candidates.filter((row) => representative(row.a_id) !== representative(row.b_id));

    const ids = [...new Set(open.flatMap((row) => [row.a_id, row.b_id]))];
    const [actors, countries] = [facetsOf(ctx, ids, 'talks_claim_actors', 'actor_id'), facetsOf(ctx, ids, 'talks_claim_countries', 'country')];
    const suggestions = open.map((row) => {
      const sharedActors = shared(actors.get(row.a_id), actors.get(row.b_id));
      const sharedCountries = shared(countries.get(row.a_id), countries.get(row.b_id));
      const allActors = new Set([...(actors.get(row.a_id) ?? []), ...(actors.get(row.b_id) ?? [])]);
      const actorShare = allActors.size === 0 ? 0 : sharedActors.length / allActors.size;
      const score = Math.round((0.25 + 0.5 * actorShare + (sharedCountries.length > 0 ? 0.25 : 0)) * 100) / 100;
      return { suggestion: { talksId: row.talks_id, type: row.type, eventId: row.a_id, sameAs: row.b_id, score, sharedActors, sharedCountries }, position: row.b_position };
    });
    // Best first; among equals, the most recently recorded pair.
    suggestions.sort((x, y) => y.suggestion.score - x.suggestion.score || y.position - x.position);
    return suggestions.slice(0, Math.min(Math.max(Math.trunc(filters.limit) || 1, 1), MAX_SUGGESTIONS)).map(({ suggestion }) => suggestion);
  });
