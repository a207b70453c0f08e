import { TALKS_ID, brokered, corrected, extended, opened, retracted, visited } from '@parley/domain/testing/talks.fixtures';
import type { RecordedEvent } from '@parley/event-store';
import { eventRecorder, projectionHarness, withEventId } from '../testing';
import { TimelineFilters } from './talks.queries';
import { TimeTravelOptions, statusAt as statusOf, timelineAt } from './talks.time-travel';
import { talksProjection } from './talks.projection';

/** The fixtures' ceasefire: brokered 11 February, in effect from the 12th, ends 12 April. */
const history = () => {
  const recorder = eventRecorder({ start: new Date('2025-03-01T00:00:00Z'), stepMs: 86_400_000 }); // one event recorded a day
  recorder.talks(opened({ occurredAt: '2025-01-20' })); // recorded 1 March
  recorder.talks(withEventId('truce', brokered())); // 2 March
  recorder.talks(withEventId('visit', visited({ occurredAt: '2025-02-20', city: 'Moscow' }))); // 3 March
  recorder.talks(corrected({ eventId: 'visit', changes: { city: 'Saint Petersburg' } })); // 4 March
  recorder.talks(opened({ talksId: 'other', occurredAt: '2025-01-01', parties: ['isr', 'hamas'], mediators: [] })); // 5 March, another stream
  return recorder.all();
};

/** The read model after every event, asked about the past. */
const timeTravel = (events: readonly RecordedEvent[], at: TimeTravelOptions) => {
  const harness = projectionHarness(talksProjection);
  harness.applyAll(events);
  return {
    status: (talksId: string) => statusOf(harness.ctx, talksId, at),
    timeline: (filters: TimelineFilters) => timelineAt(harness.ctx, filters, at),
    close: () => harness.close(),
  };
};

const statusAt = (asOf: string, knownAt?: string) => {
  const travel = timeTravel(history(), { asOf: new Date(asOf), ...(knownAt ? { knownAt: new Date(knownAt) } : {}) });
  const status = travel.status(TALKS_ID);
  travel.close();
  return status;
};

describe('time travel: as of a date (valid time)', () => {
  it('knows no track before its opening', () => {
    expect(statusAt('2025-01-19')).toBeUndefined();
  });

  it('shows a brokered ceasefire as agreed before it takes effect', () => {
    expect(statusAt('2025-02-11T18:00:00Z')?.ceasefire).toMatchObject({ status: 'agreed', ceasefireId: 'energy-truce' });
  });

  it('shows it in effect after effectiveFrom', () => {
    expect(statusAt('2025-02-15')?.ceasefire.status).toBe('in_effect');
  });

  it('shows it ended after endsAt, though no end was recorded', () => {
    expect(statusAt('2025-04-13')?.ceasefire.status).toBe('ended');
  });

  it('counts only what had happened by then: open before the ceasefire, active from it', () => {
    expect(statusAt('2025-02-10')).toMatchObject({ lifecycle: 'open', counts: { visits: 0 } });
    expect(statusAt('2025-02-15')).toMatchObject({ lifecycle: 'active', counts: { visits: 0 } });
    expect(statusAt('2025-02-20')).toMatchObject({ lifecycle: 'active', counts: { visits: 1 }, lastActivityAt: '2025-02-20' });
  });

  it('caps the timeline at asOf, even when asked for later', () => {
    const travel = timeTravel(history(), { asOf: new Date('2025-02-15') });
    expect(travel.timeline({ talksId: TALKS_ID, limit: 10, to: new Date('2025-12-31') }).items.map((i) => i.type)).toEqual(['TalksOpened', 'CeasefireBrokered']);
    expect(travel.timeline({ talksId: TALKS_ID, limit: 10, to: new Date('2025-02-01') }).items.map((i) => i.type)).toEqual(['TalksOpened']);
    travel.close();
  });
});

describe('time travel: as known at a date (transaction time)', () => {
  it('shows the claim as it stood before a correction was recorded, and corrected after', () => {
    const before = timeTravel(history(), { knownAt: new Date('2025-03-03T12:00:00Z') });
    const visitBefore = before.timeline({ types: ['EnvoyVisited'], limit: 10 }).items[0];
    expect(visitBefore).toMatchObject({ corrected: 0, data: { city: 'Moscow' }, summary: 'steve-witkoff visited RUS (Moscow): Fetch Marc Fogel' });
    before.close();

    const after = timeTravel(history(), { knownAt: new Date('2025-03-04T00:00:00Z') });
    expect(after.timeline({ types: ['EnvoyVisited'], limit: 10 }).items[0]).toMatchObject({ corrected: 1, data: { city: 'Saint Petersburg' } });
    after.close();
  });

  it('knows nothing recorded after knownAt, whatever it is about', () => {
    const travel = timeTravel(history(), { knownAt: new Date('2025-03-01T12:00:00Z') });
    expect(travel.status(TALKS_ID)).toMatchObject({ ceasefires: [], ceasefire: { status: 'none' } });
    expect(travel.status('other')).toBeUndefined();
    travel.close();
  });

  it('combines both: what was believed on 2 March about 15 February', () => {
    const status = statusAt('2025-02-15', '2025-03-02T12:00:00Z');
    expect(status).toMatchObject({ ceasefire: { status: 'in_effect' }, counts: { visits: 0 } });
  });

  it('drops a retraction recorded before knownAt, and keeps the claim when the retraction is not yet known', () => {
    const recorder = eventRecorder({ start: new Date('2025-03-01T00:00:00Z'), stepMs: 86_400_000 });
    recorder.talks(opened());
    recorder.talks(withEventId('visit', visited()));
    recorder.talks(retracted({ eventId: 'visit' })); // recorded 3 March
    const visits = (knownAt: string) => timeTravel(recorder.all(), { knownAt: new Date(knownAt) }).status(TALKS_ID)?.counts.visits;
    expect([visits('2025-03-02T12:00:00Z'), visits('2025-03-03T00:00:00Z')]).toEqual([1, 0]);
  });
});

/**
 * A four-day truce (24–28 November 2023) extended on the 27th to the 30th and on the 29th to 1
 * December, then left to lapse; the second extension is recorded a day after the first.
 */
describe('time travel: a ceasefire extended twice', () => {
  const extendedTwice = () => {
    const recorder = eventRecorder({ start: new Date('2023-11-22T00:00:00Z'), stepMs: 86_400_000 });
    recorder.talks(opened({ occurredAt: '2023-11-01', parties: ['isr', 'hamas'], mediators: ['qat'] }));
    recorder.talks(brokered({ ceasefireId: 'truce', occurredAt: '2023-11-22', parties: ['isr', 'hamas'], effectiveFrom: '2023-11-24T05:00:00Z', endsAt: '2023-11-28T05:00:00Z' }));
    recorder.talks(extended({ ceasefireId: 'truce', occurredAt: '2023-11-27', endsAt: '2023-11-30T05:00:00Z' })); // recorded 24 November
    recorder.talks(extended({ ceasefireId: 'truce', occurredAt: '2023-11-29', endsAt: '2023-12-01T05:00:00Z' })); // recorded 25 November
    return recorder.all();
  };
  const ceasefireOn = (asOf: string, knownAt?: string) => {
    const travel = timeTravel(extendedTwice(), { asOf: new Date(asOf), ...(knownAt ? { knownAt: new Date(knownAt) } : {}) });
    const ceasefire = travel.status(TALKS_ID)?.ceasefire;
    travel.close();
    return ceasefire;
  };

  it('shows the first end on day three, each new end from its extension on, and expired after the last end', () => {
    expect(ceasefireOn('2023-11-26T12:00:00Z')).toMatchObject({ status: 'in_effect', endsAt: '2023-11-28T05:00:00Z' });
    expect(ceasefireOn('2023-11-28T12:00:00Z')).toMatchObject({ status: 'in_effect', endsAt: '2023-11-30T05:00:00Z', extended: { count: 1 } });
    expect(ceasefireOn('2023-11-29T12:00:00Z')).toMatchObject({ status: 'in_effect', endsAt: '2023-12-01T05:00:00Z', extended: { count: 2 } });
    expect(ceasefireOn('2023-12-02')).toMatchObject({ status: 'ended', endsAt: '2023-12-01T05:00:00Z' });
  });

  it('knows an extension only once it was recorded', () => {
    expect(ceasefireOn('2023-11-29T12:00:00Z', '2023-11-24T12:00:00Z')).toMatchObject({ endsAt: '2023-11-30T05:00:00Z', extended: { count: 1 } });
    expect(ceasefireOn('2023-11-29T12:00:00Z', '2023-11-23T12:00:00Z')).toMatchObject({ endsAt: '2023-11-28T05:00:00Z' });
  });
});
