import type { ProjectionContext } from '../projection';
import type { Incident } from './incidents';

/**
 * The release ledger lists each person once per incident (the rule is in incidents.ts): of the
 * release rows of an incident's live reports, the first recorded row naming a person is
 * `listed` and carries the reports that name them; the others stay, unlisted, so that the next
 * report can represent the person when that one is retracted, corrected or unlinked.
 */

/** Who a release row names, as reports are matched: the kind and the name, case-, space- and width-folded; null for an unnamed row. */
export const personKeyOf = (kind: string, person: string | null): string | null => {
  const name = person?.normalize('NFKC').trim().replace(/\s+/gu, ' ').toLowerCase();
  return name ? `${kind}\u0000${name}` : null;
};

/** A release row as the ledger matches it: which claim and place in its list, and whom it names. */
export type LedgerRowKey = Readonly<{ eventId: string; idx: number; kind: string; person: string | null }>;

/** One person of an incident: the row that represents them, the other rows naming them, and the reports those rows come from. */
export type PersonEntry<R extends LedgerRowKey> = Readonly<{ first: R; others: readonly R[]; reports: readonly string[] }>;

/** An incident's release rows, in recorded order (position, then place in the list), as one entry per person. */
export const entriesPerPerson = <R extends LedgerRowKey>(rows: readonly R[]): PersonEntry<R>[] => {
  const byPerson = new Map<string, R[]>();
  rows.forEach((row, at) => {
    // An unnamed row matches no other: its own group.
    const key = personKeyOf(row.kind, row.person) ?? `#${at}`;
    byPerson.set(key, [...(byPerson.get(key) ?? []), row]);
  });
  return [...byPerson.values()].map(([first, ...others]) => ({ first, others, reports: [...new Set([first, ...others].map((row) => row.eventId))] }));
};

/** The rows of claims linked to no other live report: each listed, with no incident. */
export const listAlone = (ctx: ProjectionContext, eventIds: readonly string[]): void => {
  ctx
    .statement(`UPDATE ${ctx.table('releases')} SET listed = 1, incident_id = NULL, reports = NULL WHERE event_id IN (SELECT value FROM json_each(?))`)
    .run(JSON.stringify(eventIds));
};

/** An incident of two or more live reports: one listed row per person, the first recorded that names them. */
export const listIncident = (ctx: ProjectionContext, { id, reports }: Incident): void => {
  const releases = ctx.table('releases');
  const rows = ctx
    .statement(`SELECT event_id AS eventId, idx, kind, person FROM ${releases} WHERE event_id IN (SELECT value FROM json_each(?)) ORDER BY position, idx`)
    .all(JSON.stringify(reports.map((report) => report.eventId))) as LedgerRowKey[];
  const write = ctx.statement(`UPDATE ${releases} SET listed = ?, incident_id = ?, reports = ? WHERE event_id = ? AND idx = ?`);
  for (const { first, others, reports: naming } of entriesPerPerson(rows)) {
    write.run(1, id, JSON.stringify(naming), first.eventId, first.idx);
    for (const row of others) write.run(0, id, null, row.eventId, row.idx);
  }
};
