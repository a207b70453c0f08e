import { brokered, corrected, opened, released, swapped, visited } from '@parley/domain/testing/talks.fixtures';
import type { RecordedEvent } from '@parley/event-store';
import { eventRecorder, projectionHarness, withEventId } from '../testing';
import { UNDATED } from './claim-dates';
import { getStatus } from './talks.queries';
import { releasesPage } from './releases.queries';
import { statusAt, timelineAt } from './talks.time-travel';
import { talksProjection } from './talks.projection';

const TRACK = 'truce-releases';
const parties = { talksId: TRACK, parties: ['isr', 'hamas'], mediators: ['qat'] };

/** An opening that states no date and cites no source: we started following talks already under way. */
const undatedOpening = () => {
  const { occurredAt: _at, precision: _precision, provenance: _sources, ...data } = opened(parties).data;
  return { type: 'TalksOpened', data } as const;
};

/**
 * A truce brokered on 24 November, releases "between the 25th and the 30th", a visit in the week
 * of 17 November, a swap on the 10th. Recorded one a day from 1 December.
 */
const story = () => {
  const recorder = eventRecorder({ start: new Date('2025-12-01T00:00:00Z'), stepMs: 86_400_000 });
  const events = [
    withEventId('opening', undatedOpening()),
    withEventId('truce', brokered({ ...parties, parties: ['isr', 'hamas'], occurredAt: '2025-11-24', effectiveFrom: '2025-11-24', endsAt: '2025-12-01' })),
    withEventId('releases', released({ talksId: TRACK, ceasefireId: 'energy-truce', occurredAt: '2025-11-25', occurredUntil: '2025-11-30', count: { best: 10 }, releasedBy: 'hamas' })),
    withEventId('visit', visited({ talksId: TRACK, occurredAt: '2025-11-20', precision: 'week' })),
    withEventId('swap', swapped({ talksId: TRACK, occurredAt: '2025-11-10', occurredUntil: '2025-11-12' })),
  ].map((event) => recorder.talks(event));
  return { recorder, events };
};

const readModel = (events: readonly RecordedEvent[]) => {
  const harness = projectionHarness(talksProjection);
  harness.applyAll(events);
  return harness;
};

const ids = (page: { items: readonly { eventId: string }[] }) => page.items.map((item) => item.eventId);

describe('an undated, unsourced opening', () => {
  const harness = readModel(story().events);
  afterAll(() => harness.close());

  it('is stored with no date, precision or confidence, before every date', () => {
    const [row] = harness.rows('talks_claims').filter((r) => r.event_id === 'opening');
    expect(row).toMatchObject({ occurred_at: null, precision: null, confidence: null, occurred_from: UNDATED, occurred_to: UNDATED });
  });

  it('leaves openedAt out of the status; the last activity is the latest dated claim', () => {
    const status = getStatus(harness.ctx, TRACK);
    expect(status).not.toHaveProperty('openedAt');
    expect(status).toMatchObject({ lifecycle: 'active', lastActivityAt: '2025-11-25' });
  });

  it('starts the track’s timeline, as an item with null date and confidence', () => {
    const page = timelineAt(harness.ctx, { talksId: TRACK, limit: 10 }, {});
    expect(ids(page)).toEqual(['opening', 'swap', 'visit', 'truce', 'releases']);
    expect(page.items[0]).toMatchObject({ occurredAt: null, occurredUntil: null, precision: null, confidence: null, sources: [] });
  });

  it('is outside every date window, and below every minConfidence', () => {
    expect(ids(timelineAt(harness.ctx, { talksId: TRACK, to: new Date('2025-11-12T23:59:59.999Z'), limit: 10 }, {}))).toEqual(['swap']);
    expect(ids(timelineAt(harness.ctx, { talksId: TRACK, minConfidence: 'rumoured', limit: 10 }, {}))).not.toContain('opening');
  });

  it('counts on every date: the track exists as of any day, with what had happened by then', () => {
    expect(statusAt(harness.ctx, TRACK, { asOf: new Date('2000-01-01T00:00:00Z') })).toMatchObject({ lifecycle: 'open', counts: { swaps: 0 } });
    expect(statusAt(harness.ctx, TRACK, { asOf: new Date('2000-01-01T00:00:00Z') })).not.toHaveProperty('lastActivityAt');
    expect(ids(timelineAt(harness.ctx, { talksId: TRACK, limit: 10 }, { asOf: new Date('2025-11-01T00:00:00Z') }))).toEqual(['opening']);
  });
});

describe('an opening dated by a later correction', () => {
  it('takes its date and confidence, moves to its date in the timeline, and keeps its undated version for knownAt', () => {
    const { recorder, events } = story();
    const provenance = { sources: [{ publisher: 'AP' }], confidence: 'confirmed' };
    const correction = recorder.talks(corrected({ talksId: TRACK, eventId: 'opening', changes: { occurredAt: '2025-11-15', precision: 'day', provenance } }));
    const harness = readModel([...events, correction]);

    expect(getStatus(harness.ctx, TRACK)).toMatchObject({ openedAt: '2025-11-15', lastActivityAt: '2025-11-25' });
    const page = timelineAt(harness.ctx, { talksId: TRACK, limit: 10 }, {});
    expect(ids(page)).toEqual(['swap', 'opening', 'visit', 'truce', 'releases']);
    expect(page.items[1]).toMatchObject({ occurredAt: '2025-11-15', precision: 'day', confidence: 'confirmed' });

    const before = { knownAt: new Date(correction.recordedAt.getTime() - 1) };
    expect(timelineAt(harness.ctx, { talksId: TRACK, limit: 10 }, before).items[0]).toMatchObject({ eventId: 'opening', occurredAt: null });
    expect(statusAt(harness.ctx, TRACK, before)).not.toHaveProperty('openedAt');
    harness.close();
  });
});

describe('a claim dated as a range', () => {
  const harness = readModel(story().events);
  afterAll(() => harness.close());
  const releasesOn = (asOf: string) => statusAt(harness.ctx, TRACK, { asOf: new Date(asOf) })?.counts.hostagesFreed.best;

  it('sorts by its earliest moment: a week from its Monday, a range from its first day', () => {
    const page = timelineAt(harness.ctx, { talksId: TRACK, from: new Date('2025-11-01T00:00:00Z'), limit: 10 }, {});
    expect(page.items.map((item) => [item.eventId, item.occurredAt, item.occurredUntil, item.precision])).toEqual([
      ['swap', '2025-11-10', '2025-11-12', 'day'],
      ['visit', '2025-11-20', null, 'week'],
      ['truce', '2025-11-24', null, 'day'],
      ['releases', '2025-11-25', '2025-11-30', 'day'],
    ]);
  });

  it('is selected by from/to when its range overlaps the window', () => {
    const window = (from: string, to?: string) =>
      ids(timelineAt(harness.ctx, { talksId: TRACK, from: new Date(from), ...(to ? { to: new Date(to) } : {}), limit: 10 }, {}));
    expect(window('2025-11-28T00:00:00Z')).toEqual(['releases']);
    expect(window('2025-11-11T00:00:00Z', '2025-11-11T23:59:59.999Z')).toEqual(['swap']);
    expect(window('2025-11-13T00:00:00Z', '2025-11-23T23:59:59.999Z')).toEqual(['visit']);
    expect(window('2025-11-12T12:00:00Z', '2025-11-24T00:00:00Z')).toEqual(['swap', 'visit', 'truce']);
  });

  it('counts as of a date only once its whole range has passed', () => {
    expect(releasesOn('2025-11-29T23:59:59.999Z')).toBe(0);
    expect(releasesOn('2025-11-30T12:00:00Z')).toBe(0);
    expect(releasesOn('2025-11-30T23:59:59.999Z')).toBe(10);
    const timeline = (asOf: string) => ids(timelineAt(harness.ctx, { talksId: TRACK, limit: 10 }, { asOf: new Date(asOf) }));
    expect(timeline('2025-11-29T23:59:59.999Z')).toEqual(['opening', 'swap', 'visit', 'truce']);
    expect(timeline('2025-11-30T23:59:59.999Z')).toEqual(['opening', 'swap', 'visit', 'truce', 'releases']);
  });

  it('counts a single date from its first moment, as before: a week from its Monday', () => {
    const visitsOn = (asOf: string) => statusAt(harness.ctx, TRACK, { asOf: new Date(asOf) })?.counts.visits;
    expect(visitsOn('2025-11-16T23:59:59.999Z')).toBe(0);
    expect(visitsOn('2025-11-17T00:00:00Z')).toBe(1);
  });

  it('lists the people freed with the range’s end', () => {
    expect(releasesPage(harness.ctx, { talksId: TRACK, limit: 10 }).items.map((r) => [r.occurredAt, r.occurredUntil])).toEqual([['2025-11-10', '2025-11-12']]);
  });
});

describe('a correction that sets or clears occurredUntil', () => {
  it('moves when the claim counts, and keeps the version before it for knownAt', () => {
    const { recorder, events } = story();
    const cleared = recorder.talks(corrected({ talksId: TRACK, eventId: 'releases', changes: { occurredUntil: null } }));
    const harness = readModel([...events, cleared]);
    const releasesOn = (asOf: string, knownAt?: Date) =>
      statusAt(harness.ctx, TRACK, { asOf: new Date(asOf), ...(knownAt ? { knownAt } : {}) })?.counts.hostagesFreed.best;

    expect(releasesOn('2025-11-25T12:00:00Z')).toBe(10);
    expect(releasesOn('2025-11-25T12:00:00Z', new Date(cleared.recordedAt.getTime() - 1))).toBe(0);
    expect(ids(timelineAt(harness.ctx, { talksId: TRACK, from: new Date('2025-11-28T00:00:00Z'), limit: 10 }, {}))).toEqual([]);

    const widened = recorder.talks(corrected({ talksId: TRACK, eventId: 'swap', changes: { occurredUntil: '2025-11-29' } }));
    harness.apply(widened);
    expect(ids(timelineAt(harness.ctx, { talksId: TRACK, from: new Date('2025-11-28T00:00:00Z'), limit: 10 }, {}))).toEqual(['swap']);
    harness.close();
  });
});

describe('the timeline’s queries stay index range scans with ranges stored', () => {
  it('reads `from` through the date index, bounded below by the longest range', () => {
    const harness = readModel(story().events);
    const plan = harness.db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT c.event_id FROM ${harness.ctx.table('talks_claims')} c
         WHERE c.retracted = 0 AND c.occurred_to >= ? AND c.occurred_from >= ? ORDER BY c.occurred_from, c.position LIMIT 10`,
      )
      .all(0, 0) as { detail: string }[];
    expect(plan.map((row) => row.detail).join('\n')).toMatch(/SEARCH c USING INDEX talks_claims_by_date\S* \(occurred_from>\?\)/);
    const longest = harness.db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT occurred_to - occurred_from FROM ${harness.ctx.table('talks_claims')}
         WHERE occurred_to > occurred_from ORDER BY occurred_to - occurred_from DESC LIMIT 1`,
      )
      .all() as { detail: string }[];
    expect(longest.map((row) => row.detail).join('\n')).toMatch(/talks_claims_ranges/);
    harness.close();
  });
});
