import { TALKS_ID, brokered, corrected, held, opened, retracted, swapped, violated, visited } from '@parley/domain/testing/talks.fixtures';
import { eventRecorder, projectionHarness, withEventId } from '../testing';
import { foldStatus } from './talks-status';
import { talksProjection } from './talks.projection';
import { actorActivity } from './actor-activity.queries';
import { getStatus, liveClaims, timelinePage } from './talks.queries';
import { releasesPage } from './releases.queries';

/** Corrections and retractions: the claim's rows are rewritten or dropped, and the status is refolded. */
const setup = () => {
  const harness = projectionHarness(talksProjection);
  const recorder = eventRecorder();
  const given = (...events: Parameters<typeof recorder.talks>[0][]) => events.map((event) => harness.apply(recorder.talks(event)));
  const claim = (eventId: string) => harness.db.prepare('SELECT * FROM talks_claims WHERE event_id = ?').get(eventId) as Record<string, unknown>;
  const count = (table: string, eventId: string) => harness.db.prepare(`SELECT COUNT(*) FROM ${table} WHERE event_id = ?`).pluck().get(eventId);
  return { harness, given, claim, count, status: () => getStatus(harness.ctx, TALKS_ID) };
};

const fix = (eventId: string, changes: Record<string, unknown>) => corrected({ eventId, changes, occurredAt: '2025-03-01' });
const withdraw = (eventId: string) => retracted({ eventId, occurredAt: '2025-03-01' });

describe('a correction', () => {
  it('merges its changes into the claim, rewrites the row and its derived rows, and counts itself', () => {
    const t = setup();
    t.given(opened(), withEventId('visit', visited()));
    const outcome = t.given(fix('visit', { hostCountry: 'USA', city: null, occurredAt: '2025-02-12', provenance: { sources: [{ publisher: 'AP' }], confidence: 'confirmed' } }));
    expect(outcome).toEqual([{ applied: true }]);
    expect(t.claim('visit')).toMatchObject({
      occurred_at: '2025-02-12',
      occurred_from: Date.UTC(2025, 1, 12),
      confidence: 'confirmed',
      confidence_rank: 3,
      corrected: 1,
      summary: 'steve-witkoff visited USA: Fetch Marc Fogel',
    });
    expect(JSON.parse(t.claim('visit').data as string)).not.toHaveProperty('city');
    expect(t.harness.db.prepare(`SELECT country FROM talks_claim_countries WHERE event_id = 'visit'`).pluck().all()).toEqual(['USA']);

    t.given(fix('visit', { envoyId: 'kirill-dmitriev' }));
    expect(t.claim('visit')).toMatchObject({ corrected: 2 });
    expect(t.harness.db.prepare(`SELECT actor_id, role FROM talks_claim_actors WHERE event_id = 'visit'`).all()).toEqual([{ actor_id: 'kirill-dmitriev', role: 'envoy' }]);
    expect(actorActivity(t.harness.ctx, 'steve-witkoff').visits.count).toBe(0);
  });

  it('rewrites the releases of a swap and refolds the counts', () => {
    const t = setup();
    t.given(opened(), withEventId('swap', swapped()));
    t.given(fix('swap', { releases: [{ person: 'Marc Fogel', nationality: 'USA', releasedBy: 'rus' }, { person: 'Ksenia Karelina', nationality: 'USA', releasedBy: 'rus' }] }));
    expect(releasesPage(t.harness.ctx, { talksId: TALKS_ID, limit: 10 }).items.map((r) => r.person)).toEqual(['Marc Fogel', 'Ksenia Karelina']);
    expect(t.status()?.counts.prisonersFreed).toEqual({ best: 2, low: 2, high: 2 });
  });

  it('refolds the status from the live claims and stamps it with its own revision and position', () => {
    const t = setup();
    t.given(withEventId('open', opened()), visited());
    t.given(fix('open', { parties: ['usa', 'ukr'], title: 'Renamed' }));
    const live = foldStatus(liveClaims(t.harness.ctx, TALKS_ID));
    expect(t.status()).toEqual({ ...live, revision: 2, position: '3' });
    expect(t.status()).toMatchObject({ title: 'Renamed', parties: ['usa', 'ukr'], lifecycle: 'active' });
  });

  it('can move a ceasefire: its new dates reach the status', () => {
    const t = setup();
    t.given(opened(), withEventId('truce', brokered()));
    t.given(fix('truce', { endsAt: null, effectiveFrom: '2025-02-15' }));
    expect(t.status()?.ceasefires[0]).toMatchObject({ effectiveFrom: '2025-02-15' });
    expect(t.status()?.ceasefires[0]).not.toHaveProperty('endsAt');
  });

  it.each([
    ['an unknown claim', [opened()], fix('nope', { city: 'Kyiv' }), 'ClaimCorrected names nope, which is not a stored claim'],
    ['a retracted claim', [opened(), withEventId('v', visited()), withdraw('v')], fix('v', { city: 'Kyiv' }), 'ClaimCorrected names v, which is retracted'],
    [
      'a claim of another track',
      [opened(), withEventId('v', visited()), opened({ talksId: 'other' })],
      corrected({ talksId: 'other', eventId: 'v', changes: { city: 'Kyiv' } }),
      `ClaimCorrected names v, a claim of another track (${TALKS_ID})`,
    ],
    ['no eventId', [opened()], corrected({ eventId: undefined }), 'malformed ClaimCorrected: eventId is missing'],
    ['changes that are not an object', [opened(), withEventId('v', visited())], fix('v', 'all of it' as never), 'malformed ClaimCorrected: changes is not an object'],
    [
      'changes that would leave the claim unreadable',
      [opened(), withEventId('v', visited())],
      fix('v', { occurredAt: 'yesterday' }),
      'ClaimCorrected would leave v malformed: occurredAt is not an ISO date',
    ],
  ])('skips the correction of %s, with the reason', (_, before, correction, reason) => {
    const t = setup();
    t.given(...(before as Parameters<typeof t.given>));
    const status = t.status();
    expect(t.given(correction)).toEqual([{ applied: false, reason }]);
    expect(t.status()).toEqual(status);
  });

  it('ignores changes to immutable or unknown fields, as the domain merge does', () => {
    const t = setup();
    t.given(opened(), withEventId('meet', held()));
    t.given(fix('meet', { meetingId: 'renamed', talksId: 'elsewhere', colour: 'blue', summary: 'Second round' }));
    expect(JSON.parse(t.claim('meet').data as string)).toMatchObject({ meetingId: 'riyadh-1', talksId: TALKS_ID, summary: 'Second round' });
    expect(JSON.parse(t.claim('meet').data as string)).not.toHaveProperty('colour');
  });
});

describe('a retraction', () => {
  it("removes the claim's effect from the timeline, releases, actors, countries and status", () => {
    const t = setup();
    t.given(opened(), withEventId('visit', visited()), withEventId('swap', swapped()));
    expect(t.status()).toMatchObject({ lifecycle: 'active', counts: { visits: 1, swaps: 1 } });

    expect(t.given(withdraw('swap'), withdraw('visit'))).toEqual([{ applied: true }, { applied: true }]);
    expect(t.claim('swap')).toMatchObject({ retracted: 1 });
    for (const table of ['talks_claim_actors', 'talks_claim_countries', 'releases']) {
      expect([t.count(table, 'swap'), t.count(table, 'visit')]).toEqual([0, 0]);
    }
    expect(timelinePage(t.harness.ctx, { talksId: TALKS_ID, limit: 10 }).items.map((i) => i.type)).toEqual(['TalksOpened']);
    expect(releasesPage(t.harness.ctx, { limit: 10 }).items).toEqual([]);
    expect(actorActivity(t.harness.ctx, 'steve-witkoff')).toMatchObject({ visits: { count: 0 }, tracks: [] });
    expect(t.status()).toMatchObject({ lifecycle: 'open', counts: { visits: 0, swaps: 0, prisonersFreed: { best: 0 } }, revision: 4, position: '5' });
  });

  it('of a ceasefire drops it and the violations that named it', () => {
    const t = setup();
    t.given(opened(), withEventId('truce', brokered()), violated());
    t.given(withdraw('truce'));
    expect(t.status()?.ceasefires).toEqual([]);
  });

  it.each([
    ['an unknown claim', [opened()], withdraw('nope'), 'ClaimRetracted names nope, which is not a stored claim'],
    ['a claim already retracted', [opened(), withEventId('v', visited()), withdraw('v')], withdraw('v'), 'ClaimRetracted names v, which is retracted'],
    [
      'the opening',
      [withEventId('open', opened())],
      withdraw('open'),
      'ClaimRetracted names open, the opening of the track, which cannot be retracted',
    ],
    ['no eventId', [opened()], retracted({ eventId: 7 as never }), 'malformed ClaimRetracted: eventId is missing'],
  ])('skips the retraction of %s, with the reason', (_, before, retraction, reason) => {
    const t = setup();
    t.given(...(before as Parameters<typeof t.given>));
    expect(t.given(retraction)).toEqual([{ applied: false, reason }]);
  });
});
