import type { ProjectionContext } from '../projection';
import { WORK_TICK, withinReadBudget } from '../read-budget';
import { ClaimType } from '../talks/claim-data';
import { incidentsOfPage } from '../talks/incident.rows';
import { Page, TimelineItem, positionKnownAt, timelineItemOf } from '../talks/talks.queries';
import { decodeCursor, encodeCursor, positionOf } from '../talks/timeline-cursor';
import { ClaimChange, ClaimChangeKind } from './claim-change';

/**
 * Incremental pulls, read from the claim versions (each with the interval of `$all` positions in
 * which it was current): every version opened after a position is a creation or a correction, and
 * every claim whose last version closed after it is a retraction. Only filters a claim can never
 * leave by a correction apply (its track, its type), so applying the changes in order keeps a copy
 * exact.
 *
 * A link or an unlink, or a correction or retraction of another report of its incident, changes
 * what a claim's rows say of its incident (`incidentId`, `incidentSourceCount`) without a version
 * of its own: the projection keeps each such claim changed at that position, and a pull re-sends
 * it there as `corrected` (its version unchanged), so a copy that replaces a claim's rows on
 * every `corrected` stays exact with no new kind to learn. Every row carries its incident as
 * known at its change position: the last row of a claim carries its incident as it stands.
 */

const MAX_PAGE = 500;

export type ChangeFilters = Readonly<{ changedSince: bigint; talksId?: string; types?: readonly string[]; after?: string; limit: number }>;

type VersionRow = {
  event_id: string;
  talks_id: string;
  type: ClaimType;
  occurred_at: string | null;
  occurred_until: string | null;
  precision: TimelineItem['precision'];
  confidence: TimelineItem['confidence'];
  summary: string;
  cameo: string | null;
  plover: string | null;
  data: string;
  corrected: number;
  revision: number;
  position_text: string;
  recorded_at: string;
  actors: string;
  countries: string;
  changed_at_text: string;
  change: ClaimChangeKind;
};

const COLUMNS = `v.event_id, v.talks_id, v.type, v.occurred_at, v.occurred_until, v.precision, v.confidence, v.summary, v.cameo, v.plover, v.data, v.corrected,
  v.revision, CAST(v.position AS TEXT) AS position_text, v.recorded_at, v.actors, v.countries`;

/** The inner columns by name, and not the numeric position of the change: a JavaScript number cannot hold every position. */
const OUTER_COLUMNS = 'event_id, talks_id, type, occurred_at, occurred_until, precision, confidence, summary, cameo, plover, data, corrected, revision, position_text, recorded_at, actors, countries';

/** A version row as a timeline item: the same shape a live export reads. */
export const itemOfVersion = (row: Omit<VersionRow, 'changed_at_text' | 'change'>): TimelineItem => timelineItemOf(row);

/** Every change after `changedSince`, in the order it happened (position, then claim). */
export const changesPage = (ctx: ProjectionContext, filters: ChangeFilters): Page<ClaimChange> =>
  withinReadBudget(ctx.db, () => {
    const versions = ctx.table('talks_claim_versions');
    const where: string[] = [WORK_TICK];
    const params: unknown[] = [filters.changedSince, filters.changedSince, filters.changedSince];
    const add = (clause: string, ...values: unknown[]): void => {
      where.push(clause);
      params.push(...values);
    };
    if (filters.talksId !== undefined) add('talks_id = ?', filters.talksId);
    if (filters.types?.length) add('type IN (SELECT value FROM json_each(?))', JSON.stringify(filters.types));
    if (filters.after !== undefined) {
      const [changedAt, eventId] = decodeCursor(filters.after, ['string', 'string']);
      add('(changed_at, event_id) > (?, ?)', positionOf(changedAt), eventId);
    }
    const limit = Math.min(Math.max(Math.trunc(filters.limit) || 1, 1), MAX_PAGE);
    // A correction closes one version and opens the next at the same position: only a last version closed is a retraction.
    const sql = `SELECT ${OUTER_COLUMNS}, CAST(changed_at AS TEXT) AS changed_at_text, change FROM (
        SELECT ${COLUMNS}, v.recorded_from AS changed_at, CASE WHEN v.version = 0 THEN 'created' ELSE 'corrected' END AS change
          FROM ${versions} v WHERE v.recorded_from > ?
        UNION ALL
        SELECT ${COLUMNS}, v.recorded_to AS changed_at, 'retracted' AS change
          FROM ${versions} v WHERE v.recorded_to > ?
            AND NOT EXISTS (SELECT 1 FROM ${versions} w WHERE w.event_id = v.event_id AND w.version = v.version + 1)
        UNION ALL
        SELECT ${COLUMNS}, i.changed_at AS changed_at, 'corrected' AS change
          FROM ${ctx.table('talks_incident_changes')} i
          JOIN ${versions} v ON v.event_id = i.event_id AND v.recorded_from <= i.changed_at AND (v.recorded_to IS NULL OR v.recorded_to > i.changed_at)
          WHERE i.changed_at > ?
      ) WHERE ${where.join(' AND ')} ORDER BY changed_at, event_id LIMIT ?`;
    const rows = ctx.statement(sql).all(...params, limit + 1) as VersionRow[];
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const incidents = incidentsAtChanges(ctx, page);
    return {
      items: page.map(({ changed_at_text, change, ...row }) => {
        const item = itemOfVersion(row);
        const incident = change === 'retracted' ? undefined : incidents.get(changed_at_text)?.get(row.event_id);
        return { item: incident ? { ...item, incident } : item, change, changePosition: changed_at_text };
      }),
      nextCursor: rows.length > limit && last ? encodeCursor([last.changed_at_text, last.event_id]) : null,
    };
  });

/** Those of these claims that were ever linked: the only ones a change can show in an incident. */
const everLinked = (ctx: ProjectionContext, eventIds: readonly string[]): ReadonlySet<string> => {
  const [links, ids] = [ctx.table('talks_links'), JSON.stringify(eventIds)];
  const sql = `SELECT event_id FROM ${links} WHERE event_id IN (SELECT value FROM json_each(?)) UNION SELECT same_as FROM ${links} WHERE same_as IN (SELECT value FROM json_each(?))`;
  return new Set(ctx.statement(sql).pluck().all(ids, ids) as string[]);
};

/** The incidents of a page of changes, each as known at its change position: one walk per position of a claim ever linked. */
const incidentsAtChanges = (ctx: ProjectionContext, rows: readonly VersionRow[]) => {
  const linked = everLinked(ctx, rows.map((row) => row.event_id));
  const byPosition = new Map<string, string[]>();
  for (const row of rows) {
    if (row.change !== 'retracted' && linked.has(row.event_id)) byPosition.set(row.changed_at_text, [...(byPosition.get(row.changed_at_text) ?? []), row.event_id]);
  }
  return new Map([...byPosition].map(([position, eventIds]) => [position, incidentsOfPage(ctx, eventIds, { kind: 'known', position: BigInt(position) })]));
};

/** Larger than any position of `$all`: no bound. */
const LAST_POSITION = 2n ** 63n - 1n;

/**
 * Where each item's current version began, or its incident last changed if later (by `knownAt`,
 * when the items are as known then): the change position of a full export's rows.
 */
export const versionPositions = (ctx: ProjectionContext, items: readonly TimelineItem[], knownAt?: Date): ReadonlyMap<string, string> => {
  const keys = JSON.stringify(items.map((item) => [item.eventId, item.corrected]));
  const upTo = knownAt === undefined ? LAST_POSITION : positionKnownAt(ctx, knownAt);
  const rows = ctx
    .statement(
      `SELECT v.event_id, CAST(MAX(v.recorded_from, COALESCE((SELECT MAX(i.changed_at) FROM ${ctx.table('talks_incident_changes')} i
          WHERE i.event_id = v.event_id AND i.changed_at > v.recorded_from AND i.changed_at <= ?), 0)) AS TEXT) AS recorded_from
       FROM json_each(?) k
       JOIN ${ctx.table('talks_claim_versions')} v ON v.event_id = json_extract(k.value, '$[0]') AND v.version = json_extract(k.value, '$[1]')`,
    )
    .all(upTo, keys) as { event_id: string; recorded_from: string }[];
  return new Map(rows.map((row) => [row.event_id, row.recorded_from]));
};
