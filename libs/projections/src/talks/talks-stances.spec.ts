import { TALKS_ID, corrected, held, opened, released, retracted, swapped, visited } from '@parley/domain/testing/talks.fixtures';
import { eventRecorder, projectionHarness, withEventId } from '../testing';
import { actorActivity } from './actor-activity.queries';
import { claimStanceOf } from './claim-stance';
import { foldStatus } from './talks-status';
import { talksProjection } from './talks.projection';
import { getStatus, liveClaims, timelinePage } from './talks.queries';
import { releasesPage } from './releases.queries';
import { statusAt, timelineAt } from './talks.time-travel';

/** Where a claim's sources stand, and what a claim every source denies adds: nothing to counts, no one to the ledger. */

const kremlinDenies = { publisher: 'TASS', originator: 'Dmitry Peskov', stance: 'denies' as const };
const denied = { sources: [kremlinDenies], confidence: 'reported' as const };
const disputed = { sources: [{ publisher: 'Axios' }, kremlinDenies], confidence: 'rumoured' as const };
const asserted = { sources: [{ publisher: 'Reuters', stance: 'asserts' as const }], confidence: 'confirmed' as const };

const setup = () => {
  const harness = projectionHarness(talksProjection);
  const recorder = eventRecorder();
  const given = (...events: Parameters<typeof recorder.talks>[0][]) => harness.applyAll(events.map((event) => recorder.talks(event)));
  given(
    opened({ occurredAt: '2025-01-20' }),
    withEventId('visit', visited({ occurredAt: '2025-02-11', provenance: denied, note: 'Flight tracked to Vnukovo; the Kremlin denies any visit' })),
    withEventId('meet', held({ occurredAt: '2025-02-18', provenance: disputed })),
    withEventId('swap', swapped({ occurredAt: '2025-02-20', provenance: denied })),
    withEventId('hostages', released({ occurredAt: '2025-02-21', ceasefireId: undefined, provenance: denied })),
  );
  return { harness, recorder, ctx: harness.ctx, given, status: () => getStatus(harness.ctx, TALKS_ID) };
};

const stances = (page: { items: { eventId: string; stance: string }[] }) => Object.fromEntries(page.items.map((item) => [item.eventId, item.stance]));

describe('the stance of a claim', () => {
  it('is asserted unless a source denies it: denied when all do, disputed when some do', () => {
    expect(claimStanceOf({ provenance: { sources: [{ publisher: 'AP' }] } })).toBe('asserted');
    expect(claimStanceOf({ provenance: asserted })).toBe('asserted');
    expect(claimStanceOf({ provenance: denied })).toBe('denied');
    expect(claimStanceOf({ provenance: disputed })).toBe('disputed');
    expect(claimStanceOf({ provenance: 'unreadable' })).toBe('asserted');
  });
});

describe('a claim its sources deny', () => {
  it('stays on the timeline with its stance, its note and each source’s stance in its data', () => {
    const { ctx } = setup();
    const page = timelinePage(ctx, { limit: 50 });
    expect(page.items).toHaveLength(5);
    expect(stances(page)).toMatchObject({ visit: 'denied', meet: 'disputed', swap: 'denied', hostages: 'denied' });
    const visit = page.items.find((item) => item.eventId === 'visit');
    expect(visit).toMatchObject({ note: 'Flight tracked to Vnukovo; the Kremlin denies any visit', data: { provenance: denied } });
    expect(page.items.find((item) => item.eventId === 'meet')?.note).toBeNull();
  });

  it('is found by stance: asserted, denied, disputed, or several', () => {
    const { ctx } = setup();
    const ids = (list: ('asserted' | 'denied' | 'disputed')[]) => timelinePage(ctx, { stances: list, limit: 50 }).items.map((item) => item.eventId);
    expect(ids(['denied'])).toEqual(['visit', 'swap', 'hostages']);
    expect(ids(['disputed'])).toEqual(['meet']);
    expect(ids(['asserted', 'disputed'])).toEqual([expect.any(String), 'meet']);
    expect(ids([])).toHaveLength(5);
  });

  it('adds nothing to the counts, and frees no one in the ledger or an actor’s activity; a disputed one counts', () => {
    const { ctx, status } = setup();
    expect(status()?.counts).toEqual({ meetings: 1, visits: 0, swaps: 0, hostagesFreed: { best: 0, low: 0, high: 0 }, prisonersFreed: { best: 0, low: 0, high: 0 } });
    expect(releasesPage(ctx, { limit: 10 }).items).toEqual([]);
    expect(actorActivity(ctx, 'steve-witkoff').visits.count).toBe(0);
    expect(status()).toEqual({ ...foldStatus(liveClaims(ctx, TALKS_ID)), revision: 4, position: '5' });
  });

  it('still moves the lifecycle as recorded, as the decider does', () => {
    expect(setup().status()?.lifecycle).toBe('active');
  });

  it('counts once a correction has a source assert it, and stops when one makes every source deny it', () => {
    const t = setup();
    t.given(corrected({ eventId: 'swap', changes: { provenance: { sources: [...denied.sources, { publisher: 'Reuters' }], confidence: 'reported' } }, occurredAt: '2025-03-01' }));
    expect(t.status()?.counts).toMatchObject({ swaps: 1, prisonersFreed: { best: 1 } });
    expect(releasesPage(t.ctx, { limit: 10 }).items.map((r) => r.person)).toEqual(['Marc Fogel']);
    expect(stances(timelinePage(t.ctx, { limit: 50 }))).toMatchObject({ swap: 'disputed' });

    t.given(corrected({ eventId: 'meet', changes: { provenance: denied }, occurredAt: '2025-03-01' }));
    expect(t.status()?.counts.meetings).toBe(0);
    expect(t.status()).toEqual({ ...foldStatus(liveClaims(t.ctx, TALKS_ID)), revision: 6, position: '7' });
  });

  it('reads the same in the past: as known before a correction, the denied swap counted for nothing', () => {
    const t = setup();
    const knownAt = t.recorder.all()[4].recordedAt;
    t.given(corrected({ eventId: 'swap', changes: { provenance: asserted }, occurredAt: '2025-03-01' }));
    expect(statusAt(t.ctx, TALKS_ID, { knownAt })?.counts.swaps).toBe(0);
    expect(statusAt(t.ctx, TALKS_ID, {})?.counts.swaps).toBe(1);
    expect(stances(timelineAt(t.ctx, { limit: 50 }, { knownAt }))).toMatchObject({ swap: 'denied' });
    expect(timelineAt(t.ctx, { stances: ['denied'], limit: 50 }, { knownAt }).items.map((item) => item.eventId)).toEqual(['visit', 'swap', 'hostages']);
  });

  it('can be retracted like any claim', () => {
    const t = setup();
    t.given(retracted({ eventId: 'visit', occurredAt: '2025-03-01' }));
    expect(timelinePage(t.ctx, { stances: ['denied'], limit: 50 }).items.map((item) => item.eventId)).toEqual(['swap', 'hostages']);
  });
});

describe('a note', () => {
  it('is set and cleared by corrections, in the live timeline and in every version', () => {
    const t = setup();
    t.given(corrected({ eventId: 'meet', changes: { note: 'Venue from one source only' }, occurredAt: '2025-03-01' }));
    const note = () => timelinePage(t.ctx, { limit: 50 }).items.find((item) => item.eventId === 'meet')?.note;
    expect(note()).toBe('Venue from one source only');
    t.given(corrected({ eventId: 'meet', changes: { note: null }, occurredAt: '2025-03-02' }));
    expect(note()).toBeNull();
    const versions = t.harness.db.prepare(`SELECT json_extract(data, '$.note') FROM talks_claim_versions WHERE event_id = 'meet' ORDER BY version`).pluck().all();
    expect(versions).toEqual([null, 'Venue from one source only', null]);
  });
});
