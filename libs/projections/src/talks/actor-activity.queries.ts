import type { ProjectionContext } from '../projection';
import { ClaimType } from './claim-data';

export type ActorActivity = Readonly<{
  actorId: string;
  visits: Readonly<{ count: number; list: readonly { eventId: string; talksId: string; country: string | null; city: string | null; occurredAt: string }[] }>;
  meetings: number;
  /** Who it met, by the number of held meetings shared; most first. */
  counterparts: readonly { actorId: string; meetings: number }[];
  /** Where it went or met, from visits and held meetings. */
  countries: readonly string[];
  dealsMediated: readonly { eventId: string; talksId: string; type: ClaimType; occurredAt: string }[];
  tracks: readonly string[];
}>;

/** An actor's footprint across the live claims (not those every source denies): envoy visits, held meetings, counterparts, places, deals it mediated. */
export const actorActivity = (ctx: ProjectionContext, actorId: string): ActorActivity => {
  const [claims, actors, countries] = [ctx.table('talks_claims'), ctx.table('talks_claim_actors'), ctx.table('talks_claim_countries')];
  const visits = ctx
    .statement(
      `SELECT c.event_id AS eventId, c.talks_id AS talksId, json_extract(c.data, '$.hostCountry') AS country, json_extract(c.data, '$.city') AS city,
        c.occurred_at AS occurredAt
       FROM ${claims} c JOIN ${actors} a ON a.event_id = c.event_id
       WHERE a.actor_id = ? AND a.role = 'envoy' AND c.type = 'EnvoyVisited' AND c.retracted = 0 AND c.stance <> 'denied' ORDER BY c.occurred_from, c.position`,
    )
    .all(actorId) as ActorActivity['visits']['list'][number][];
  const meetings = ctx
    .statement(
      `SELECT COUNT(*) FROM ${claims} c JOIN ${actors} a ON a.event_id = c.event_id
       WHERE a.actor_id = ? AND a.role = 'participant' AND c.type = 'MeetingHeld' AND c.retracted = 0 AND c.stance <> 'denied'`,
    )
    .pluck()
    .get(actorId) as number;
  const counterparts = ctx
    .statement(
      `SELECT o.actor_id AS actorId, COUNT(DISTINCT o.event_id) AS meetings
       FROM ${actors} a JOIN ${claims} c ON c.event_id = a.event_id AND c.type = 'MeetingHeld' AND c.retracted = 0 AND c.stance <> 'denied'
       JOIN ${actors} o ON o.event_id = a.event_id AND o.role = 'participant' AND o.actor_id <> a.actor_id
       WHERE a.actor_id = ? AND a.role = 'participant' GROUP BY o.actor_id ORDER BY meetings DESC, o.actor_id`,
    )
    .all(actorId) as { actorId: string; meetings: number }[];
  const places = ctx
    .statement(
      `SELECT DISTINCT k.country FROM ${countries} k JOIN ${actors} a ON a.event_id = k.event_id JOIN ${claims} c ON c.event_id = k.event_id
       WHERE a.actor_id = ? AND c.retracted = 0 AND c.stance <> 'denied'
         AND ((c.type = 'EnvoyVisited' AND a.role = 'envoy') OR (c.type = 'MeetingHeld' AND a.role = 'participant'))
       ORDER BY k.country`,
    )
    .pluck()
    .all(actorId) as string[];
  const dealsMediated = ctx
    .statement(
      `SELECT c.event_id AS eventId, c.talks_id AS talksId, c.type, c.occurred_at AS occurredAt
       FROM ${claims} c JOIN ${actors} a ON a.event_id = c.event_id
       WHERE a.actor_id = ? AND a.role = 'mediator' AND c.type IN ('PrisonerSwapped', 'CeasefireBrokered') AND c.retracted = 0 AND c.stance <> 'denied'
       ORDER BY c.occurred_from, c.position`,
    )
    .all(actorId) as ActorActivity['dealsMediated'][number][];
  const tracks = ctx.statement(`SELECT DISTINCT talks_id FROM ${actors} WHERE actor_id = ? ORDER BY talks_id`).pluck().all(actorId) as string[];
  return { actorId, visits: { count: visits.length, list: visits }, meetings, counterparts, countries: places, dealsMediated, tracks };
};
