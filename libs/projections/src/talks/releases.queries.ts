import type { ProjectionContext } from '../projection';
import { WORK_TICK, withinReadBudget } from '../read-budget';
import { DateWindow, addDateWindow, longestRange } from './claim-window';
import { LIVE } from './incident.rows';
import { Page, conditions, pageSize } from './talks.queries';
import { decodeCursor, encodeCursor, positionOf } from './timeline-cursor';

/**
 * The ledger of people freed, as the release rows of live claims keep it: a person once per
 * incident (incidents.ts), selected by their claim's dates as the timeline selects claims.
 */

export type ReleaseFilters = DateWindow &
  Readonly<{
    talksId?: string;
    nationality?: string;
    releasedBy?: string;
    releasedTo?: string;
    kind?: 'prisoner' | 'hostage';
    after?: string;
    limit: number;
  }>;

export type ReleaseItem = Readonly<{
  eventId: string;
  idx: number;
  talksId: string;
  kind: 'prisoner' | 'hostage';
  person: string | null;
  nationality: string | null;
  releasedBy: string | null;
  /** Whom a swap handed the person to, when reports say; always null for a hostage. */
  releasedTo: string | null;
  occurredAt: string;
  occurredUntil: string | null;
  detainedSince: string | null;
  sentence: string | null;
  /** When the claim is linked to other live reports: their incident, and those of its reports that name the person. */
  incident?: Readonly<{ id: string; reports: readonly string[] }>;
}>;

/** Where an entry sorts: its claim's date (the start of its period) and position, then its place in the claim's list. */
export type ReleaseKey = Readonly<{ occurredFrom: number; position: bigint; idx: number }>;

export const releaseCursorOf = (occurredFrom: number, positionText: string, idx: number): string => encodeCursor([occurredFrom, positionText, idx]);

export const releaseKeyOf = (cursor: string): ReleaseKey => {
  const [occurredFrom, position, idx] = decodeCursor(cursor, ['number', 'string', 'number']);
  return { occurredFrom: occurredFrom as number, position: positionOf(position), idx: idx as number };
};

/**
 * Every person freed by a live claim, once per incident (the row of the first report naming them,
 * filters applying to that row), by date, then position, then order within the claim.
 */
export const releasesPage = (ctx: ProjectionContext, filters: ReleaseFilters): Page<ReleaseItem> =>
  withinReadBudget(ctx.db, () => readReleasesPage(ctx, filters));

const readReleasesPage = (ctx: ProjectionContext, filters: ReleaseFilters): Page<ReleaseItem> => {
  const { where, params, add } = conditions();
  add(WORK_TICK);
  // Which row lists a person is kept on the rows as incidents change, so a page reads one index range.
  add('r.listed = 1');
  if (filters.talksId !== undefined) add('r.talks_id = ?', filters.talksId);
  if (filters.nationality !== undefined) add('r.nationality = ?', filters.nationality);
  if (filters.releasedBy !== undefined) add('r.released_by = ?', filters.releasedBy);
  if (filters.releasedTo !== undefined) add('r.released_to = ?', filters.releasedTo);
  if (filters.kind !== undefined) add('r.kind = ?', filters.kind);
  addDateWindow(add, 'r', filters, filters.from === undefined ? 0 : longestRange(ctx, LIVE));
  if (filters.after !== undefined) {
    const { occurredFrom, position, idx } = releaseKeyOf(filters.after);
    add('(r.occurred_from, r.position, r.idx) > (?, ?, ?)', occurredFrom, position, idx);
  }
  const limit = pageSize(filters.limit);
  const sql = `SELECT r.event_id AS eventId, r.idx, r.talks_id AS talksId, r.kind, r.person, r.nationality, r.released_by AS releasedBy, r.released_to AS releasedTo,
      r.occurred_at AS occurredAt, r.occurred_until AS occurredUntil, r.detained_since AS detainedSince, r.sentence, r.occurred_from, CAST(r.position AS TEXT) AS position_text,
      r.incident_id, r.reports
    FROM ${ctx.table('releases')} r WHERE ${where.join(' AND ')} ORDER BY r.occurred_from, r.position, r.idx LIMIT ?`;
  type Row = Omit<ReleaseItem, 'incident'> & { occurred_from: number; position_text: string; incident_id: string | null; reports: string | null };
  const rows = ctx.statement(sql).all(...params, limit + 1) as Row[];
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(({ occurred_from: _from, position_text: _position, incident_id, reports, ...item }): ReleaseItem =>
      incident_id === null ? item : { ...item, incident: { id: incident_id, reports: JSON.parse(reports ?? '[]') as string[] } },
    ),
    nextCursor: rows.length > limit && last ? releaseCursorOf(last.occurred_from, last.position_text, last.idx) : null,
  };
};
