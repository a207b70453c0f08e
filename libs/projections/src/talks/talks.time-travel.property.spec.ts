import fc from 'fast-check';
import { CONFIDENCES } from '@parley/domain';
import { TALKS_ID } from '@parley/domain/testing/talks.fixtures';
import { Intent, acceptedHistory, talksIntents } from '@parley/domain/testing/talks.histories';
import type { RecordedEvent } from '@parley/event-store';
import { eventRecorder, projectionHarness, replayTimeTravel } from '../testing';
import { CLAIM_STANCES } from './claim-stance';
import { Page, TimelineFilters, TimelineItem } from './talks.queries';
import { releasesAt, statusAt, timelineAt } from './talks.time-travel';
import { talksProjection } from './talks.projection';

/**
 * The indexed bitemporal queries answer exactly what replaying the store answers: for random
 * histories with corrections and retractions, and random (asOf, knownAt) pairs, the status and
 * every page of a filtered timeline and of the release ledger are the same. The replay is the obvious code; this keeps the
 * fast one honest.
 */

const DAY = 86_400_000;
const START = new Date('2025-03-01T00:00:00Z');

const historyOf = (intents: readonly Intent[]): RecordedEvent[] => {
  const recorder = eventRecorder({ start: START, stepMs: DAY });
  acceptedHistory(intents, (event) => recorder.talks(event).id);
  return [...recorder.all()];
};

/** A moment of recorded time: on an event's own timestamp, between two, before the first, or after the last. */
const knownAt = fc.option(
  fc.integer({ min: -1, max: 70 }).chain((day) => fc.constantFrom(0, DAY / 2).map((offset) => new Date(START.getTime() + day * DAY + offset))),
  { nil: undefined },
);
const asOf = fc.option(fc.constantFrom('2025-01-04', '2025-01-19T12:00:00Z', '2025-02-11', '2025-02-12T10:00:00Z', '2025-03-02', '2025-06-01').map((d) => new Date(d)), {
  nil: undefined,
});

const filters = fc.record(
  {
    types: fc.subarray(['TalksOpened', 'EnvoyVisited', 'MeetingHeld', 'MeetingScheduled', 'CeasefireBrokered', 'CeasefireViolated', 'CeasefireExtended', 'PrisonerSwapped']),
    actor: fc.constantFrom('usa', 'rus', 'steve-witkoff', 'qat'),
    country: fc.constantFrom('RUS', 'SAU', 'USA'),
    minConfidence: fc.constantFrom(...CONFIDENCES),
    stances: fc.subarray([...CLAIM_STANCES]),
    from: fc.constantFrom(new Date('2025-01-19'), new Date('2025-02-12')),
    talksId: fc.constant(TALKS_ID),
  },
  { requiredKeys: [] },
);

/** What a release page may be filtered by, one at a time (together they would mostly leave no one): the person's fields, the claim's track and dates. */
const releaseFilters = fc.oneof(
  fc.constant({}),
  fc.record({ nationality: fc.constantFrom('USA', 'RUS') }),
  fc.record({ releasedBy: fc.constantFrom('usa', 'rus') }),
  fc.record({ kind: fc.constantFrom('prisoner' as const, 'hostage' as const) }),
  fc.record({ from: fc.constantFrom(new Date('2025-01-19'), new Date('2025-02-12')) }),
  fc.record({ to: fc.constantFrom(new Date('2025-02-11T23:59:59.999Z'), new Date('2025-03-02T23:59:59.999Z')) }),
  fc.record({ talksId: fc.constant(TALKS_ID) }),
);

/** Every page, following the cursors, as one list of pages. */
const allPages = <T,>(page: (after?: string) => Page<T>): Page<T>[] => {
  const pages = [page()];
  while (pages[pages.length - 1].nextCursor !== null) pages.push(page(pages[pages.length - 1].nextCursor!));
  return pages;
};

describe('time travel (property): the read model answers what a replay answers', () => {
  it('for the status and every page of the timeline, at any asOf and knownAt', () => {
    let amended = 0;
    let pastPeople = 0;
    fc.assert(
      fc.property(talksIntents, fc.array(fc.record({ asOf, knownAt, filters, releaseFilters, limit: fc.integer({ min: 1, max: 4 }) }), { minLength: 1, maxLength: 4 }), (tried, asks) => {
        const events = historyOf(tried);
        amended += events.filter((e) => e.type === 'ClaimCorrected' || e.type === 'ClaimRetracted').length;
        const harness = projectionHarness(talksProjection);
        harness.applyAll(events);
        for (const { asOf, knownAt, filters, releaseFilters, limit } of asks) {
          const at = { asOf, knownAt };
          const replay = replayTimeTravel(events, at);
          try {
            expect(statusAt(harness.ctx, TALKS_ID, at)).toEqual(replay.status(TALKS_ID));
            const asked: TimelineFilters = { ...filters, limit };
            expect(allPages((after) => timelineAt(harness.ctx, { ...asked, after }, at))).toEqual(allPages((after) => replay.timeline({ ...asked, after })));
            const people = { ...releaseFilters, limit };
            const pages = allPages((after) => releasesAt(harness.ctx, { ...people, after }, at));
            expect(pages).toEqual(allPages((after) => replay.releases({ ...people, after })));
            if (knownAt !== undefined) pastPeople += pages.reduce((sum, page) => sum + page.items.length, 0);
          } finally {
            replay.close();
          }
        }
        harness.close();
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 100) },
    );
    expect(amended).toBeGreaterThan(100);
    // The past ledger must list someone (these histories hold few swaps; incidents.property.spec.ts compares a link-heavy ledger's past).
    expect(pastPeople).toBeGreaterThan(0);
  });
});
