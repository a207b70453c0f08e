import type { ProjectionContext } from '../projection';
import { LIVE, incidentAround, withLinks } from './incident.rows';

/**
 * The incident of each of these live claims that is linked to another live report, by event id:
 * its id (its first recorded live report). One query tells which have links at all, and each
 * incident is walked once however many of them it holds; a claim linked to none is left out.
 */
export const incidentIdsAmong = (ctx: ProjectionContext, eventIds: readonly string[]): ReadonlyMap<string, string> => {
  const ids = new Map<string, string>();
  for (const eventId of withLinks(ctx, eventIds, LIVE)) {
    if (ids.has(eventId)) continue;
    const incident = incidentAround(ctx, eventId, LIVE);
    if (!incident || incident.reports.length < 2) continue;
    for (const report of incident.reports) ids.set(report.eventId, incident.id);
  }
  return ids;
};
