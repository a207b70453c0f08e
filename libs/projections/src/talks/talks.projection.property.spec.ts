import fc from 'fast-check';
import { OpenedTalks, TalksState } from '@parley/domain';
import { incidentOf } from '@parley/domain/talks/incidents.rules';
import { TALKS_ID } from '@parley/domain/testing/talks.fixtures';
import { Intent, acceptedHistory, talksIntents } from '@parley/domain/testing/talks.histories';
import type { RecordedEvent } from '@parley/event-store';
import { eventRecorder, liveAndRebuilt } from '../testing';
import { isCounted } from './claim-stance';
import { LIVE, linksAmong } from './incident.rows';
import { foldIncidentStatus } from './incidents';
import { talksProjection } from './talks.projection';
import { getStatus, liveClaims } from './talks.queries';

/**
 * Random histories the decider accepts (corrections and retractions included): projecting them
 * event by event must equal a rebuild, and the stored status must equal the fold of the live claims
 * (each incident that links make counted once).
 */

/** How many incidents these claims make under the decider's own links. */
const incidentsAmong = (state: OpenedTalks, eventIds: readonly string[]): number =>
  new Set(eventIds.map((eventId) => [...incidentOf(state, eventId)].sort()[0])).size;

/** Keeps what the decider accepts, recording it as the store would. */
const historyOf = (intents: readonly Intent[]): { events: RecordedEvent[]; state: TalksState } => {
  const recorder = eventRecorder();
  const { state } = acceptedHistory(intents, (event) => recorder.talks(event).id);
  return { events: [...recorder.all()], state };
};

describe('talks projection (property)', () => {
  it('one event at a time equals a rebuild, and the stored status equals the fold of the live claims', () => {
    let amended = 0;
    fc.assert(
      fc.property(talksIntents, (tried) => {
        const { events, state } = historyOf(tried);
        amended += events.filter((e) => e.type === 'ClaimCorrected' || e.type === 'ClaimRetracted').length;
        const { live, shadow, outcomes, close } = liveAndRebuilt(talksProjection, events);

        // Everything the decider accepted, the projection can use.

        expect(outcomes.filter((outcome) => !outcome.applied)).toEqual([]);
        expect(shadow.dump()).toEqual(live.dump());

        const last = events[events.length - 1];
        const stored = getStatus(live.ctx, TALKS_ID);
        const claims = liveClaims(live.ctx, TALKS_ID);
        const links = linksAmong(live.ctx, claims.map((claim) => claim.eventId), LIVE);
        expect(stored).toEqual({ ...foldIncidentStatus(claims, links), revision: last.revision, position: last.position.toString() });

        // And the read model agrees with the decider's own facts.
        const facts = state as OpenedTalks;
        expect(stored?.lifecycle).toBe(facts.status);
        expect([stored?.parties, stored?.mediators]).toEqual([facts.parties, facts.mediators]);
        // The facts are keyed by id (a persistent map has no order); the doc lists ceasefires as brokered.
        const byId = (a: readonly unknown[], b: readonly unknown[]) => String(a[0]).localeCompare(String(b[0]));
        expect(stored?.ceasefires.map((c) => [c.ceasefireId, c.violations.length, c.ended?.reason]).sort(byId)).toEqual(
          [...facts.ceasefires.values()].map((c) => [c.ceasefireId, c.violations.length, c.ended?.reason]).sort(byId),
        );
        // Linked claims are one incident, and count once; counts leave out what every source denies (the decider's
        // facts keep it: its ids are taken).
        const counted = (eventId: string) => {
          const record = facts.claims.get(eventId);
          return !!record && !record.retracted && isCounted(record.claim.data);
        };
        expect(stored?.counts.swaps).toBe(incidentsAmong(facts, [...facts.swaps.values()].map((swap) => swap.eventId).filter(counted)));
        expect(stored?.counts.meetings).toBe(incidentsAmong(facts, [...facts.meetings.values()].flatMap((m) => m.held?.eventId ?? []).filter(counted)));
        expect(stored?.scheduledMeetings.map((m) => m.meetingId).sort()).toEqual(
          [...facts.meetings.values()].filter((m) => m.scheduled && !m.held).map((m) => m.meetingId).sort(),
        );
        close();
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 120) }, // FC_RUNS=5000 for a deeper local run,
    );
    // The generator must reach the interesting paths, or the property proves little.
    expect(amended).toBeGreaterThan(100);
  });
});
