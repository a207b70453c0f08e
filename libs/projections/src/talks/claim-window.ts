import type { ProjectionContext } from '../projection';
import { UNDATED } from './claim-dates';
import type { LinkSource } from './incident.rows';

/**
 * Which claims a read keeps by their dates, and the SQL that says so over any table with a
 * claim's `occurred_from`/`occurred_to` (claims, their versions, release rows): the timeline and
 * the release ledger select by one rule, and both keep the scan on their date index.
 */

export type DateWindow = Readonly<{
  /**
   * Inclusive bounds a claim's range must overlap: it starts (the first moment of `occurredAt`) by
   * `to` and ends (the last moment of `occurredUntil`, or its start) at or after `from`. Undated
   * claims are outside every such window.
   */
  from?: Date;
  to?: Date;
  /** Only claims that count by then: the whole range has passed (`asOf`). Undated claims count on every date. */
  occurredBy?: Date;
}>;

export type AddCondition = (clause: string, ...values: unknown[]) => void;

/**
 * The longest range (last moment minus first) of any claim the source holds, 0 when none states
 * one: read from a partial index, longest first. Release rows copy their live claim's dates, so
 * the live claims' longest range bounds theirs too.
 */
export const longestRange = (ctx: ProjectionContext, source: LinkSource): number => {
  const table = source.kind === 'live' ? ctx.table('talks_claims') : ctx.table('talks_claim_versions');
  const sql = `SELECT occurred_to - occurred_from FROM ${table} WHERE occurred_to > occurred_from ORDER BY occurred_to - occurred_from DESC LIMIT 1`;
  return (ctx.statement(sql).pluck().get() as number | undefined) ?? 0;
};

/** The window's conditions on the rows aliased `alias`; `reach` is the longest range stored (longestRange), needed with `from`. */
export const addDateWindow = (add: AddCondition, alias: string, window: DateWindow, reach: number): void => {
  const [start, end] = [`${alias}.occurred_from`, `${alias}.occurred_to`];
  // A claim reaches `from` by its end; bounding its start too (by the longest range stored) keeps this an index range scan.
  if (window.from !== undefined) add(`${end} >= ? AND ${start} >= ?`, window.from.getTime(), window.from.getTime() - reach);
  if (window.to !== undefined) {
    if (window.from === undefined) add(`${start} <= ? AND ${start} > ?`, window.to.getTime(), UNDATED);
    else add(`${start} <= ?`, window.to.getTime());
  }
  if (window.occurredBy !== undefined) add(`${end} <= ? AND ${start} <= ?`, window.occurredBy.getTime(), window.occurredBy.getTime());
};
