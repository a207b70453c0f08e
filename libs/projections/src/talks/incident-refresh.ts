import type { ProjectionContext } from '../projection';
import { LIVE, incidentAround, linkedIds } from './incident.rows';
import { listAlone, listIncident } from './incident-releases';

/**
 * After a link, an unlink, a correction or a retraction, what an incident shows besides the
 * counts follows it, written at once rather than found by each read: the release rows are
 * relisted (a person once per incident), and each live report of the incidents around `ends`
 * is marked changed at `at`, as its incident's id or sources may now read differently in an
 * export — except `versioned`, the claim whose own new version (or tombstone) a pull already sees.
 * The work grows with those incidents, never with the store.
 */
export const incidentsChanged = (ctx: ProjectionContext, ends: readonly string[], at: bigint, versioned?: string): void => {
  const seen = new Set<string>();
  const mark = ctx.statement(`INSERT OR IGNORE INTO ${ctx.table('talks_incident_changes')} (event_id, changed_at) VALUES (?, ?)`);
  for (const end of ends) {
    if (seen.has(end)) continue;
    const ids = linkedIds(ctx, end, LIVE);
    ids.forEach((id) => seen.add(id));
    const incident = incidentAround(ctx, end, LIVE);
    const members = incident?.reports.map((report) => report.eventId) ?? [];
    if (incident && members.length > 1) listIncident(ctx, incident);
    else listAlone(ctx, ids);
    // After an unlink, a claim alone again is changed too: its incident is its own once more.
    for (const id of members) if (id !== versioned) mark.run(id, at);
  }
};
