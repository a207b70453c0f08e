import type { ProjectionContext } from '../projection';
import { withinReadBudget } from '../read-budget';
import { ClaimData } from './claim-data';
import { RELEASE_CLAIM_TYPES, ReleaseRow, ledgerRowsOf } from './claim-facets';
import { LinkSource, incidentAround, withLinks } from './incident.rows';
import { entriesPerPerson } from './incident-releases';
import { ReleaseFilters, ReleaseItem, ReleaseKey, releaseCursorOf, releaseKeyOf } from './releases.queries';
import { ClaimsStart, Page, TimelineRow, orderedClaimRows, pageSize } from './talks.queries';

/**
 * The ledger as it stood at a position of `$all`. Release rows are kept for live claims only,
 * so the past is read from the claim versions current then, in timeline order, and each
 * incident's people are listed by the rule the live rows follow (entriesPerPerson), under the
 * links current then.
 */

type Listed = ReleaseRow & Readonly<{ incident?: Readonly<{ id: string; reports: readonly string[] }> }>;

/** The ledger rows a claim version adds, each with the report it came from. */
const rowsOf = (eventId: string, type: TimelineRow['type'], data: ClaimData) => ledgerRowsOf(type, data).map((row) => ({ ...row, eventId }));

/**
 * The listed rows of each of these claims, by event id: every row of a claim linked to no other
 * report, else those that represent a person of its incident. Each incident is walked once.
 */
const listedRowsOf = (ctx: ProjectionContext, claims: readonly TimelineRow[], source: LinkSource): Map<string, Listed[]> => {
  const listed = new Map<string, Listed[]>();
  const rowsByClaim = claims.map((claim) => [claim.event_id, rowsOf(claim.event_id, claim.type, JSON.parse(claim.data) as ClaimData)] as const);
  const linked = new Set(withLinks(ctx, rowsByClaim.filter(([, rows]) => rows.length > 0).map(([eventId]) => eventId), source));
  for (const [eventId, rows] of rowsByClaim) {
    if (listed.has(eventId)) continue;
    const incident = linked.has(eventId) ? incidentAround(ctx, eventId, source) : undefined;
    if (!incident || incident.reports.length < 2) {
      listed.set(eventId, rows);
      continue;
    }
    for (const report of incident.reports) listed.set(report.eventId, []);
    const entries = entriesPerPerson(incident.reports.flatMap((report) => rowsOf(report.eventId, report.type, report.data)));
    for (const { first, reports } of entries) listed.get(first.eventId)?.push({ ...first, incident: { id: incident.id, reports } });
  }
  return listed;
};

/** The row filters that are not the claim's: the person's own (a claim's track and dates select its version in SQL). */
const matchesPerson = (filters: ReleaseFilters, row: Listed): boolean =>
  (filters.nationality === undefined || row.nationality === filters.nationality) &&
  (filters.releasedBy === undefined || row.releasedBy === filters.releasedBy) &&
  (filters.releasedTo === undefined || row.releasedTo === filters.releasedTo) &&
  (filters.kind === undefined || row.kind === filters.kind);

const isPast = (claim: TimelineRow, idx: number, after: ReleaseKey | undefined): boolean =>
  after === undefined || claim.occurred_from !== after.occurredFrom || BigInt(claim.position_text) !== after.position || idx > after.idx;

type Entry = Readonly<{ item: ReleaseItem; claim: TimelineRow }>;

const itemOf = (claim: TimelineRow, row: Listed): ReleaseItem => ({
  eventId: claim.event_id,
  idx: row.idx,
  talksId: claim.talks_id,
  kind: row.kind,
  person: row.person,
  nationality: row.nationality,
  releasedBy: row.releasedBy,
  releasedTo: row.releasedTo,
  occurredAt: claim.occurred_at ?? '',
  occurredUntil: claim.occurred_until,
  detainedSince: row.detainedSince,
  sentence: row.sentence,
  ...(row.incident ? { incident: row.incident } : {}),
});

/**
 * The people freed by the claims as they stood at `position` (retracted ones left out, later
 * corrections not applied), once per incident as linked then; order, cursors and filters as the
 * live ledger's.
 */
export const knownReleasesPage = (ctx: ProjectionContext, filters: ReleaseFilters, position: bigint): Page<ReleaseItem> =>
  withinReadBudget(ctx.db, () => readKnownReleasesPage(ctx, filters, { kind: 'known', position }));

const readKnownReleasesPage = (ctx: ProjectionContext, filters: ReleaseFilters, source: LinkSource): Page<ReleaseItem> => {
  const limit = pageSize(filters.limit);
  const after = filters.after === undefined ? undefined : releaseKeyOf(filters.after);
  const { talksId, from, to, occurredBy } = filters;
  const claimFilters = { talksId, from, to, occurredBy, types: RELEASE_CLAIM_TYPES };
  // The cursor's claim may list more people after the cursor's: the read starts at that claim.
  let start: ClaimsStart | undefined = after && { occurredFrom: after.occurredFrom, position: after.position, inclusive: true };
  const entries: Entry[] = [];
  // Claims are read a page at a time until the page of people is full: a claim may list none (all filtered out, or represented elsewhere) or many.
  for (;;) {
    const claims = orderedClaimRows(ctx, claimFilters, source, limit + 1, start);
    const listed = listedRowsOf(ctx, claims, source);
    for (const claim of claims) {
      for (const row of listed.get(claim.event_id) ?? []) {
        if (isPast(claim, row.idx, after) && matchesPerson(filters, row)) entries.push({ item: itemOf(claim, row), claim });
      }
      if (entries.length > limit) break;
    }
    const last = claims[claims.length - 1];
    if (entries.length > limit || claims.length <= limit || !last) break;
    start = { occurredFrom: last.occurred_from, position: BigInt(last.position_text) };
  }
  const page = entries.slice(0, limit);
  const end = page[page.length - 1];
  return {
    items: page.map(({ item }) => item),
    nextCursor: entries.length > limit && end ? releaseCursorOf(end.claim.occurred_from, end.claim.position_text, end.item.idx) : null,
  };
};
