import type { Release } from '@parley/domain';
import { TALKS_ID, corrected, held, linked, opened, retracted, swapped, unlinked, visited } from '@parley/domain/testing/talks.fixtures';
import { eventRecorder, projectionHarness, withEventId } from '../testing';
import { actorActivity } from './actor-activity.queries';
import { talksProjection } from './talks.projection';
import { ReleaseFilters, releasesPage } from './releases.queries';

const fogel = (person = 'Marc Fogel'): Release => ({ person, nationality: 'USA', releasedBy: 'rus' });
const vinnik: Release = { person: 'Alexander Vinnik', nationality: 'RUS', releasedBy: 'usa' };
const denied = { sources: [{ publisher: 'Kremlin', stance: 'denies' as const }], confidence: 'reported' as const };

const setup = () => {
  const harness = projectionHarness(talksProjection);
  const recorder = eventRecorder();
  const given = (...events: Parameters<typeof recorder.talks>[0][]) => {
    const refused = events.map((event) => harness.apply(recorder.talks(event))).filter((outcome) => !outcome.applied);
    expect(refused).toEqual([]);
  };
  const releases = (filters: Partial<ReleaseFilters> = {}) =>
    releasesPage(harness.ctx, { limit: 50, ...filters }).items.map(({ eventId, person, incident }) => ({ eventId, person, ...(incident ? { incident } : {}) }));
  return { harness, given, releases };
};

/**
 * One swap reported three times, spelled as each outlet spells it: TASS (recorded first, dated
 * the 11th), Reuters (dated the 10th, and naming Vinnik too) and Anadolu.
 */
const threeReportsOfOneSwap = () => {
  const t = setup();
  t.given(
    withEventId('open', opened()),
    withEventId('tass', swapped({ swapId: 'tass', releases: [fogel()] })),
    withEventId('reuters', swapped({ swapId: 'reuters', occurredAt: '2025-02-10', releases: [fogel('MARC  FOGEL'), vinnik] })),
    withEventId('anadolu', swapped({ swapId: 'anadolu', releases: [fogel(' marc fogel ')] })),
  );
  return t;
};
const linkAll = (t: ReturnType<typeof setup>) => t.given(linked({ eventId: 'reuters', sameAs: 'tass' }), linked({ eventId: 'anadolu', sameAs: 'tass' }));

describe('releases: a person once per incident', () => {
  it('given three unlinked reports, lists each report’s people', () => {
    expect(threeReportsOfOneSwap().releases()).toEqual([
      { eventId: 'reuters', person: 'MARC  FOGEL' },
      { eventId: 'reuters', person: 'Alexander Vinnik' },
      { eventId: 'tass', person: 'Marc Fogel' },
      { eventId: 'anadolu', person: ' marc fogel ' },
    ]);
  });

  it('when they are linked, lists a person named by all three once, from the first recorded report, with the reports naming them', () => {
    const t = threeReportsOfOneSwap();
    linkAll(t);
    expect(t.releases()).toEqual([
      { eventId: 'reuters', person: 'Alexander Vinnik', incident: { id: 'tass', reports: ['reuters'] } },
      { eventId: 'tass', person: 'Marc Fogel', incident: { id: 'tass', reports: ['tass', 'reuters', 'anadolu'] } },
    ]);
  });

  it('filters and pages over the listed rows only', () => {
    const t = threeReportsOfOneSwap();
    linkAll(t);
    expect(t.releases({ nationality: 'USA' })).toEqual([{ eventId: 'tass', person: 'Marc Fogel', incident: { id: 'tass', reports: ['tass', 'reuters', 'anadolu'] } }]);
    const first = releasesPage(t.harness.ctx, { limit: 1 });
    const second = releasesPage(t.harness.ctx, { limit: 1, after: first.nextCursor! });
    expect([...first.items, ...second.items].map((item) => item.person)).toEqual(['Alexander Vinnik', 'Marc Fogel']);
    expect(second.nextCursor).toBeNull();
  });

  it('when unlinked again, lists each report’s people again', () => {
    const t = threeReportsOfOneSwap();
    linkAll(t);
    t.given(unlinked({ eventId: 'reuters', sameAs: 'tass' }), unlinked({ eventId: 'anadolu', sameAs: 'tass' }));
    expect(t.releases()).toEqual(threeReportsOfOneSwap().releases());
  });

  it('when one link of three is undone, lists the person once in what stays linked and once alone', () => {
    const t = threeReportsOfOneSwap();
    linkAll(t);
    t.given(unlinked({ eventId: 'anadolu', sameAs: 'tass' }));
    expect(t.releases()).toEqual([
      { eventId: 'reuters', person: 'Alexander Vinnik', incident: { id: 'tass', reports: ['reuters'] } },
      { eventId: 'tass', person: 'Marc Fogel', incident: { id: 'tass', reports: ['tass', 'reuters'] } },
      { eventId: 'anadolu', person: ' marc fogel ' },
    ]);
  });

  it('when the representing report is retracted, the next report naming the person represents them', () => {
    const t = threeReportsOfOneSwap();
    linkAll(t);
    t.given(retracted({ eventId: 'tass' }));
    expect(t.releases()).toEqual([
      { eventId: 'reuters', person: 'MARC  FOGEL', incident: { id: 'reuters', reports: ['reuters', 'anadolu'] } },
      { eventId: 'reuters', person: 'Alexander Vinnik', incident: { id: 'reuters', reports: ['reuters'] } },
    ]);
  });

  it('when a correction takes the person out of the representing report, the next one represents them', () => {
    const t = threeReportsOfOneSwap();
    linkAll(t);
    t.given(corrected({ eventId: 'tass', changes: { releases: [vinnik] } }));
    expect(t.releases()).toEqual([
      { eventId: 'reuters', person: 'MARC  FOGEL', incident: { id: 'tass', reports: ['reuters', 'anadolu'] } },
      { eventId: 'tass', person: 'Alexander Vinnik', incident: { id: 'tass', reports: ['tass', 'reuters'] } },
    ]);
  });

  it('a report every source denies adds no one, and represents no one', () => {
    const t = threeReportsOfOneSwap();
    linkAll(t);
    t.given(corrected({ eventId: 'tass', changes: { provenance: denied } }));
    expect(t.releases()).toEqual([
      { eventId: 'reuters', person: 'MARC  FOGEL', incident: { id: 'tass', reports: ['reuters', 'anadolu'] } },
      { eventId: 'reuters', person: 'Alexander Vinnik', incident: { id: 'tass', reports: ['reuters'] } },
    ]);
  });

  it('reads a page of listed rows from one index range, however many rows incidents leave unlisted', () => {
    const { harness } = threeReportsOfOneSwap();
    const plan = harness.db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT r.event_id FROM ${harness.ctx.table('releases')} r
         WHERE r.listed = 1 AND (r.occurred_from, r.position, r.idx) > (?, ?, ?) ORDER BY r.occurred_from, r.position, r.idx LIMIT 10`,
      )
      .all(0, 0, 0) as { detail: string }[];
    expect(plan.map((row) => row.detail).join('\n')).toMatch(/SEARCH r USING INDEX releases_listed_by_date\S* \(/);
  });

  it('lists a person of an incident across tracks once, under the track of the report that represents them', () => {
    const t = threeReportsOfOneSwap();
    t.given(withEventId('other', opened({ talksId: 'other' })), withEventId('kyiv', swapped({ talksId: 'other', swapId: 'kyiv', releases: [fogel()] })));
    t.given(linked({ talksId: 'other', eventId: 'kyiv', sameAs: 'tass', sameAsTalksId: TALKS_ID }));
    expect(t.releases({ talksId: TALKS_ID }).filter((row) => row.eventId === 'tass')).toEqual([{ eventId: 'tass', person: 'Marc Fogel', incident: { id: 'tass', reports: ['tass', 'kyiv'] } }]);
    expect(t.releases({ talksId: 'other' })).toEqual([]);
  });

  it('keeps people of different names apart, however alike', () => {
    const t = setup();
    t.given(
      withEventId('open', opened()),
      withEventId('a', swapped({ swapId: 'a', releases: [vinnik] })),
      withEventId('b', swapped({ swapId: 'b', releases: [{ ...vinnik, person: 'Alexander Vinnick' }] })),
      linked({ eventId: 'b', sameAs: 'a' }),
    );
    expect(t.releases().map((row) => row.person)).toEqual(['Alexander Vinnik', 'Alexander Vinnick']);
  });
});

describe('actor activity: each incident once', () => {
  const reported = (publisher: string) => ({ provenance: { sources: [{ publisher }], confidence: 'reported' as const } });
  const activity = () => {
    const t = setup();
    t.given(
      withEventId('open', opened()),
      withEventId('visit-tass', visited(reported('TASS'))),
      withEventId('visit-reuters', visited({ ...reported('Reuters'), occurredAt: '2025-02-10', occurredUntil: '2025-02-11' })),
      withEventId('visit-later', visited({ occurredAt: '2025-03-01' })),
      withEventId('held-tass', held(reported('TASS'))),
      withEventId('held-reuters', held(reported('Reuters'))),
      withEventId('held-again', held({ meetingId: 'riyadh-2', occurredAt: '2025-03-02' })),
      withEventId('swap-tass', swapped({ swapId: 'tass' })),
      withEventId('swap-reuters', swapped({ swapId: 'reuters' })),
      linked({ eventId: 'visit-reuters', sameAs: 'visit-tass' }),
      linked({ eventId: 'held-reuters', sameAs: 'held-tass' }),
      linked({ eventId: 'swap-reuters', sameAs: 'swap-tass' }),
    );
    return t;
  };

  it('lists a visit reported twice once, with the reports and its range', () => {
    const { visits } = actorActivity(activity().harness.ctx, 'steve-witkoff');
    expect(visits).toEqual({
      count: 2,
      list: [
        {
          eventId: 'visit-reuters',
          talksId: TALKS_ID,
          country: 'RUS',
          city: 'Moscow',
          occurredAt: '2025-02-10',
          occurredUntil: '2025-02-11',
          incident: { id: 'visit-tass', reports: ['visit-reuters', 'visit-tass'] },
        },
        { eventId: 'visit-later', talksId: TALKS_ID, country: 'RUS', city: 'Moscow', occurredAt: '2025-03-01', occurredUntil: null },
      ],
    });
  });

  it('counts a meeting reported twice once, for the actor and its counterparts', () => {
    const { meetings, counterparts } = actorActivity(activity().harness.ctx, 'usa');
    expect({ meetings, counterparts }).toEqual({ meetings: 2, counterparts: [{ actorId: 'rus', meetings: 2 }] });
  });

  it('lists a deal reported twice once', () => {
    expect(actorActivity(activity().harness.ctx, 'sau').dealsMediated).toEqual([
      { eventId: 'swap-tass', talksId: TALKS_ID, type: 'PrisonerSwapped', occurredAt: '2025-02-11', occurredUntil: null, incident: { id: 'swap-tass', reports: ['swap-tass', 'swap-reuters'] } },
    ]);
  });

  it('when unlinked, counts each report again', () => {
    const t = activity();
    t.given(unlinked({ eventId: 'held-reuters', sameAs: 'held-tass' }), unlinked({ eventId: 'visit-reuters', sameAs: 'visit-tass' }));
    const { visits, meetings, counterparts } = actorActivity(t.harness.ctx, 'usa');
    expect({ meetings, counterparts }).toEqual({ meetings: 3, counterparts: [{ actorId: 'rus', meetings: 3 }] });
    expect(visits.count).toBe(0);
    expect(actorActivity(t.harness.ctx, 'steve-witkoff').visits.count).toBe(3);
  });
});
