import { TALKS_ID, brokered, corrected, held, opened, scheduled, swapped, violated, visited } from '@parley/domain/testing/talks.fixtures';
import { eventRecorder, projectionHarness, withEventId } from '../testing';
import { talksProjection } from './talks.projection';
import { getStatus, timelinePage } from './talks.queries';
import { releasesPage } from './releases.queries';
import { statusAt, timelineAt } from './talks.time-travel';
import { foldStatus, StatusClaim } from './talks-status';
import { statusView } from './talks-status.view';

const fogel = { person: 'Marc Fogel', nationality: 'USA', releasedBy: 'rus', releasedTo: 'usa' };
const vinnik = { person: 'Alexander Vinnik', nationality: 'RUS', releasedBy: 'usa' };
const ankara = { country: 'TUR', city: 'Ankara', coordinates: { lat: 39.93, lon: 32.86 }, geoPrecision: 'near' as const };

/** One track, one event recorded a day from 1 March: a swap of 26 held in Ankara that names 2, a visit to Moscow, a meeting in Riyadh, a truce. */
const story = () => {
  const harness = projectionHarness(talksProjection);
  const recorder = eventRecorder({ start: new Date('2025-03-01T00:00:00Z'), stepMs: 86_400_000 });
  const events = [
    opened({ occurredAt: '2025-01-20' }),
    withEventId('swap', swapped({ occurredAt: '2025-02-11', releases: [fogel, vinnik], total: { best: 26, low: 24, high: 30 }, place: ankara, hostedBy: 'sau' })),
    withEventId('visit', visited({ occurredAt: '2025-02-12' })),
    withEventId('meet', held({ occurredAt: '2025-02-18', hostedBy: 'mbs' })),
    withEventId('truce', brokered({ occurredAt: '2025-02-19' })),
    withEventId('strike', violated({ occurredAt: '2025-02-20', place: { country: 'UKR', city: 'Kharkiv' } })),
  ].map((event) => recorder.talks(event));
  harness.applyAll(events);
  const row = (eventId: string) => harness.db.prepare('SELECT * FROM talks_claims WHERE event_id = ?').get(eventId) as Record<string, unknown>;
  const actors = (eventId: string) => harness.db.prepare('SELECT actor_id, role FROM talks_claim_actors WHERE event_id = ? ORDER BY role, actor_id').all(eventId);
  const ids = (page: { items: { eventId: string }[] }) => page.items.map((item) => item.eventId);
  return { harness, recorder, ctx: harness.ctx, row, actors, ids };
};

describe('places in the read model', () => {
  it('keeps where each claim happened, whatever field holds it', () => {
    const { row } = story();
    expect(['swap', 'visit', 'meet', 'truce', 'strike'].map((id) => row(id).place_country)).toEqual(['TUR', 'RUS', 'SAU', null, 'UKR']);
  });

  it('finds a swap by the country it was held in as well as by the nationalities it frees (`country`)', () => {
    const { ctx, ids } = story();
    expect(ids(timelinePage(ctx, { country: 'TUR', limit: 50 }))).toEqual(['swap']);
    expect(ids(timelinePage(ctx, { country: 'RUS', limit: 50 }))).toEqual(['swap', 'visit']);
  });

  it('finds claims naming an actor registered in the country (`country` with `countryActors`), now and as known then', () => {
    const { ctx, ids } = story();
    expect(ids(timelinePage(ctx, { country: 'ARE', limit: 50 }))).toEqual([]);
    expect(ids(timelinePage(ctx, { country: 'ARE', countryActors: ['mbs'], limit: 50 }))).toEqual(['meet']);
    expect(ids(timelineAt(ctx, { country: 'ARE', countryActors: ['mbs'], limit: 50 }, { knownAt: new Date('2025-03-06T12:00:00Z') }))).toEqual(['meet']);
    expect(ids(timelinePage(ctx, { country: 'TUR', countryActors: ['mbs'], types: ['MeetingHeld', 'PrisonerSwapped'], limit: 50 }))).toEqual(['swap', 'meet']);
  });

  it('finds claims by the country they happened in alone (`placeCountry`)', () => {
    const { ctx, ids } = story();
    expect(ids(timelinePage(ctx, { placeCountry: 'RUS', limit: 50 }))).toEqual(['visit']);
    expect(ids(timelinePage(ctx, { placeCountry: 'TUR', types: ['PrisonerSwapped'], limit: 50 }))).toEqual(['swap']);
    expect(ids(timelinePage(ctx, { placeCountry: 'UKR', limit: 50 }))).toEqual(['strike']);
  });

  it('indexes the host, and each person’s recipient, as actors of the claim', () => {
    const { actors } = story();
    expect(actors('swap')).toEqual([
      { actor_id: 'sau', role: 'host' },
      { actor_id: 'sau', role: 'mediator' },
      { actor_id: 'rus', role: 'released_by' },
      { actor_id: 'usa', role: 'released_by' },
      { actor_id: 'usa', role: 'released_to' },
    ]);
    expect(actors('meet')).toContainEqual({ actor_id: 'mbs', role: 'host' });
  });

  it('follows a corrected place, and finds the claim where it was as it was known then', () => {
    const { harness, recorder, ctx, ids } = story();
    harness.apply(recorder.talks(corrected({ eventId: 'swap', occurredAt: '2025-03-01', changes: { place: { country: 'ARE', city: 'Abu Dhabi' } } }))); // recorded 7 March
    expect(ids(timelinePage(ctx, { placeCountry: 'TUR', limit: 50 }))).toEqual([]);
    expect(ids(timelinePage(ctx, { placeCountry: 'ARE', limit: 50 }))).toEqual(['swap']);
    expect(ids(timelineAt(ctx, { placeCountry: 'TUR', limit: 50 }, { knownAt: new Date('2025-03-06T12:00:00Z') }))).toEqual(['swap']);
    expect(ids(timelineAt(ctx, { placeCountry: 'ARE', limit: 50 }, { knownAt: new Date('2025-03-06T12:00:00Z') }))).toEqual([]);
  });
});

describe('places in the status', () => {
  it('shows where a pending meeting will be and who hosts it, and where a ceasefire was agreed', () => {
    const { harness, recorder, ctx } = story();
    const doha = { country: 'QAT', city: 'Doha', coordinates: { lat: 25.29, lon: 51.53 }, geoPrecision: 'exact' as const };
    harness.apply(recorder.talks(scheduled({ meetingId: 'doha-1', location: doha, hostedBy: 'qat' })));
    harness.apply(recorder.talks(brokered({ ceasefireId: 'doha-truce', place: doha, hostedBy: 'qat' })));
    const status = getStatus(ctx, TALKS_ID);
    expect(status?.scheduledMeetings.find((m) => m.meetingId === 'doha-1')).toMatchObject({ location: doha, hostedBy: 'qat' });
    expect(status?.ceasefires.find((c) => c.ceasefireId === 'doha-truce')).toMatchObject({ place: doha, hostedBy: 'qat' });
    expect(status?.ceasefires.find((c) => c.ceasefireId === 'energy-truce')).not.toHaveProperty('place');
  });

  it('shows where the ceasefire in force was agreed and who hosted it', () => {
    const { harness, recorder, ctx } = story();
    const doha = { country: 'QAT', city: 'Doha' };
    harness.apply(recorder.talks(brokered({ ceasefireId: 'doha-truce', occurredAt: '2025-02-25', place: doha, hostedBy: 'qat' })));
    const doc = getStatus(ctx, TALKS_ID)!;
    expect(statusView(doc, new Date('2025-02-26')).ceasefire).toMatchObject({ ceasefireId: 'doha-truce', place: doha, hostedBy: 'qat' });
    expect(statusView(doc, new Date('2025-02-21')).ceasefire).not.toHaveProperty('place');
  });
});

describe('swap totals', () => {
  it('counts a swap by its total where given: 26 freed of whom 2 are named, and lists the 2 with whom they went to', () => {
    const { ctx } = story();
    expect(getStatus(ctx, TALKS_ID)?.counts).toMatchObject({ swaps: 1, prisonersFreed: { best: 26, low: 24, high: 30 } });
    expect(releasesPage(ctx, { talksId: TALKS_ID, limit: 50 }).items.map(({ person, releasedBy, releasedTo }) => ({ person, releasedBy, releasedTo }))).toEqual([
      { person: 'Marc Fogel', releasedBy: 'rus', releasedTo: 'usa' },
      { person: 'Alexander Vinnik', releasedBy: 'usa', releasedTo: null },
    ]);
    expect(releasesPage(ctx, { releasedTo: 'usa', limit: 50 }).items.map((item) => item.person)).toEqual(['Marc Fogel']);
  });

  it('says the total in the summary', () => {
    const { ctx } = story();
    expect(timelinePage(ctx, { types: ['PrisonerSwapped'], limit: 1 }).items[0].summary).toMatch(/^Prisoner swap of 26 \(24–30\): Marc Fogel/);
  });

  it('counts the named when no total is given, and never a bound below them', () => {
    const claimOf = (data: object, eventId: string): StatusClaim => ({ eventId, type: 'PrisonerSwapped', data, revision: 1, position: '2' }) as StatusClaim;
    const open: StatusClaim = { eventId: 'o', type: 'TalksOpened', data: opened().data, revision: 0, position: '1' };
    const freed = (data: object) => foldStatus([open, claimOf(data, 's')])?.counts.prisonersFreed;
    expect(freed(swapped({ releases: [fogel, vinnik] }).data)).toEqual({ best: 2, low: 2, high: 2 });
    expect(freed(swapped({ releases: [fogel, vinnik], total: { best: 26, low: 1 } }).data)).toEqual({ best: 26, low: 2, high: 26 });
  });

  it('re-counts on a correction of the total, and counts the total as it stood on a past day of knowledge', () => {
    const { harness, recorder, ctx } = story();
    harness.apply(recorder.talks(corrected({ eventId: 'swap', occurredAt: '2025-03-01', changes: { total: { best: 27 } } }))); // recorded 7 March
    expect(getStatus(ctx, TALKS_ID)?.counts.prisonersFreed).toEqual({ best: 27, low: 27, high: 27 });
    expect(statusAt(ctx, TALKS_ID, { knownAt: new Date('2025-03-06T12:00:00Z') })?.counts.prisonersFreed).toEqual({ best: 26, low: 24, high: 30 });
    expect(statusAt(ctx, TALKS_ID, { asOf: new Date('2025-02-10') })?.counts.prisonersFreed).toEqual({ best: 0, low: 0, high: 0 });
  });
});
