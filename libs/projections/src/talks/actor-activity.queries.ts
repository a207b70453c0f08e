import type { ProjectionContext } from '../projection';
import { ClaimType } from './claim-data';
import { incidentIdsAmong } from './incident-membership';

/** The incident an activity entry stands for, when its claim is linked to other live reports: its id and those of its reports that show the actor there. */
export type ActivityIncident = Readonly<{ id: string; reports: readonly string[] }>;

export type VisitEntry = Readonly<{
  eventId: string;
  talksId: string;
  country: string | null;
  city: string | null;
  occurredAt: string;
  occurredUntil: string | null;
  incident?: ActivityIncident;
}>;

export type DealEntry = Readonly<{ eventId: string; talksId: string; type: ClaimType; occurredAt: string; occurredUntil: string | null; incident?: ActivityIncident }>;

export type ActorActivity = Readonly<{
  actorId: string;
  /** One entry per incident: linked reports of one visit are one visit. */
  visits: Readonly<{ count: number; list: readonly VisitEntry[] }>;
  /** Held meetings it took part in, each incident once. */
  meetings: number;
  /** Who it met, by the number of held meetings (incidents) shared; most first. */
  counterparts: readonly { actorId: string; meetings: number }[];
  /** Where it went or met, from visits and held meetings. */
  countries: readonly string[];
  /** One entry per incident. */
  dealsMediated: readonly DealEntry[];
  tracks: readonly string[];
}>;

/**
 * Entries in date order, one per incident: the first entry of an incident stands for it and
 * carries the ids of the entries it stands for. Claims linked to no other live report stay as they are.
 */
const onePerIncident = <T extends { eventId: string }>(entries: readonly T[], incidentOf: ReadonlyMap<string, string>): (T & { incident?: ActivityIncident })[] => {
  const kept = new Map<string, T & { incident?: ActivityIncident }>();
  const reports = new Map<string, string[]>();
  for (const entry of entries) {
    const incidentId = incidentOf.get(entry.eventId);
    if (incidentId === undefined) {
      kept.set(entry.eventId, entry);
      continue;
    }
    const named = reports.get(incidentId) ?? [];
    named.push(entry.eventId);
    reports.set(incidentId, named);
    if (!kept.has(incidentId)) kept.set(incidentId, { ...entry, incident: { id: incidentId, reports: named } });
  }
  return [...kept.values()];
};

/** An actor's footprint across the live claims (not those every source denies): envoy visits, held meetings, counterparts, places, deals it mediated. */
export const actorActivity = (ctx: ProjectionContext, actorId: string): ActorActivity => {
  const [claims, actors, countries] = [ctx.table('talks_claims'), ctx.table('talks_claim_actors'), ctx.table('talks_claim_countries')];
  const visitRows = ctx
    .statement(
      `SELECT c.event_id AS eventId, c.talks_id AS talksId, json_extract(c.data, '$.hostCountry') AS country, json_extract(c.data, '$.city') AS city,
        c.occurred_at AS occurredAt, c.occurred_until AS occurredUntil
       FROM ${claims} c JOIN ${actors} a ON a.event_id = c.event_id
       WHERE a.actor_id = ? AND a.role = 'envoy' AND c.type = 'EnvoyVisited' AND c.retracted = 0 AND c.stance <> 'denied' ORDER BY c.occurred_from, c.position`,
    )
    .all(actorId) as VisitEntry[];
  // Each held meeting it took part in, with each other participant (null when it met no one recorded).
  const meetingRows = ctx
    .statement(
      `SELECT a.event_id AS eventId, o.actor_id AS counterpart
       FROM ${actors} a JOIN ${claims} c ON c.event_id = a.event_id AND c.type = 'MeetingHeld' AND c.retracted = 0 AND c.stance <> 'denied'
       LEFT JOIN ${actors} o ON o.event_id = a.event_id AND o.role = 'participant' AND o.actor_id <> a.actor_id
       WHERE a.actor_id = ? AND a.role = 'participant'`,
    )
    .all(actorId) as { eventId: string; counterpart: string | null }[];
  const places = ctx
    .statement(
      `SELECT DISTINCT k.country FROM ${countries} k JOIN ${actors} a ON a.event_id = k.event_id JOIN ${claims} c ON c.event_id = k.event_id
       WHERE a.actor_id = ? AND c.retracted = 0 AND c.stance <> 'denied'
         AND ((c.type = 'EnvoyVisited' AND a.role = 'envoy') OR (c.type = 'MeetingHeld' AND a.role = 'participant'))
       ORDER BY k.country`,
    )
    .pluck()
    .all(actorId) as string[];
  const dealRows = ctx
    .statement(
      `SELECT c.event_id AS eventId, c.talks_id AS talksId, c.type, c.occurred_at AS occurredAt, c.occurred_until AS occurredUntil
       FROM ${claims} c JOIN ${actors} a ON a.event_id = c.event_id
       WHERE a.actor_id = ? AND a.role = 'mediator' AND c.type IN ('PrisonerSwapped', 'CeasefireBrokered') AND c.retracted = 0 AND c.stance <> 'denied'
       ORDER BY c.occurred_from, c.position`,
    )
    .all(actorId) as DealEntry[];
  const tracks = ctx.statement(`SELECT DISTINCT talks_id FROM ${actors} WHERE actor_id = ? ORDER BY talks_id`).pluck().all(actorId) as string[];

  const incidentOf = incidentIdsAmong(ctx, [...new Set([...visitRows, ...meetingRows, ...dealRows].map((row) => row.eventId))]);
  const incident = (eventId: string): string => incidentOf.get(eventId) ?? eventId;
  const visits = onePerIncident(visitRows, incidentOf);
  const shared = new Map<string, Set<string>>();
  for (const { eventId, counterpart } of meetingRows) {
    if (counterpart !== null) shared.set(counterpart, (shared.get(counterpart) ?? new Set()).add(incident(eventId)));
  }
  const counterparts = [...shared]
    .map(([counterpart, met]) => ({ actorId: counterpart, meetings: met.size }))
    .sort((a, b) => b.meetings - a.meetings || (a.actorId < b.actorId ? -1 : a.actorId > b.actorId ? 1 : 0));
  return {
    actorId,
    visits: { count: visits.length, list: visits },
    meetings: new Set(meetingRows.map(({ eventId }) => incident(eventId))).size,
    counterparts,
    countries: places,
    dealsMediated: onePerIncident(dealRows, incidentOf),
    tracks,
  };
};
