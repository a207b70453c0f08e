import { TALKS_ID, brokered, corrected, opened, retracted, visited } from '@parley/domain/testing/talks.fixtures';
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
