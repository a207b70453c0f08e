import type { Release } from '@parley/domain';
import { corrected, linked, opened, released, retracted, swapped, unlinked } from '@parley/domain/testing/talks.fixtures';
import type { RecordedEvent } from '@parley/event-store';
import { eventRecorder, projectionHarness, withEventId } from '../testing';
import { ReleaseFilters, releasesPage } from './releases.queries';
import { TimeTravelOptions, releasesAt } from './talks.time-travel';
import { talksProjection } from './talks.projection';

const fogel = (person = 'Marc Fogel'): Release => ({ person, nationality: 'USA', releasedBy: 'rus' });
const vinnik: Release = { person: 'Alexander Vinnik', nationality: 'RUS', releasedBy: 'usa' };
const karelina: Release = { person: 'Ksenia Karelina', nationality: 'USA', releasedBy: 'rus' };
const denied = { sources: [{ publisher: 'Kremlin', stance: 'denies' as const }], confidence: 'reported' as const };

/**
 * TASS reports a swap on 11 February freeing Marc Fogel; Reuters reports it "between the 10th and
 * the 12th", naming him and Vinnik; a hostage release on 1 March frees Karelina. TASS is then
 * corrected to name Karelina too, Reuters is linked to TASS as the same swap, and later unlinked.
 * Recorded a day apart from 1 April.
 */
const story = () => {
  const recorder = eventRecorder({ start: new Date('2025-04-01T00:00:00Z'), stepMs: 86_400_000 });
  const at = (event: RecordedEvent) => event.recordedAt;
  const events = {
    open: recorder.talks(withEventId('open', opened())),
    tass: recorder.talks(withEventId('tass', swapped({ swapId: 'tass', releases: [fogel()] }))),
    reuters: recorder.talks(withEventId('reuters', swapped({ swapId: 'reuters', occurredAt: '2025-02-10', occurredUntil: '2025-02-12', releases: [fogel('MARC FOGEL'), vinnik] }))),
    hostage: recorder.talks(withEventId('hostage', released({ occurredAt: '2025-03-01', names: ['Ksenia Karelina'], count: { best: 1 } }))),
    correction: recorder.talks(corrected({ eventId: 'tass', changes: { releases: [fogel(), karelina] } })),
    link: recorder.talks(linked({ eventId: 'reuters', sameAs: 'tass' })),
    unlink: recorder.talks(unlinked({ eventId: 'reuters', sameAs: 'tass' })),
  };
  const harness = projectionHarness(talksProjection);
  /** Applies the story up to and including `last`: what the read model knows when a test reads it. */
  const applyUpTo = (last: keyof typeof events): void => {
    for (const event of Object.values(events)) {
      expect(harness.apply(event).applied).toBe(true);
      if (event === events[last]) return;
    }
  };
  return { harness, recorder, events, at, applyUpTo };
};

type Story = ReturnType<typeof story>;

const entries = (t: Story, options: TimeTravelOptions, filters: Partial<ReleaseFilters> = {}) =>
  releasesAt(t.harness.ctx, { limit: 50, ...filters }, options).items.map(({ eventId, person, incident }) => [eventId, person, ...(incident ? [incident] : [])]);

const justBefore = (event: RecordedEvent) => ({ knownAt: new Date(event.recordedAt.getTime() - 1) });

describe('releases as known at a moment', () => {
  it('given the whole story, knownAt now lists what the live ledger lists', () => {
    const t = story();
    t.applyUpTo('link');
    const now = { knownAt: new Date('2100-01-01T00:00:00Z') };
    expect(entries(t, now)).toEqual(entries(t, {}));
    expect(entries(t, {})).toEqual([
      ['reuters', 'Alexander Vinnik', { id: 'tass', reports: ['reuters'] }],
      ['tass', 'Marc Fogel', { id: 'tass', reports: ['tass', 'reuters'] }],
      ['tass', 'Ksenia Karelina', { id: 'tass', reports: ['tass'] }],
      ['hostage', 'Ksenia Karelina'],
    ]);
    t.harness.close();
  });

  it('before the correction, shows the claim as first recorded', () => {
    const t = story();
    t.applyUpTo('link');
    expect(entries(t, justBefore(t.events.correction))).toEqual([
      ['reuters', 'MARC FOGEL'],
      ['reuters', 'Alexander Vinnik'],
      ['tass', 'Marc Fogel'],
      ['hostage', 'Ksenia Karelina'],
    ]);
    t.harness.close();
  });

  it('before the link, lists each report’s people; after the unlink, again, as the live ledger then does', () => {
    const t = story();
    t.applyUpTo('unlink');
    const unlinkedNow = [
      ['reuters', 'MARC FOGEL'],
      ['reuters', 'Alexander Vinnik'],
      ['tass', 'Marc Fogel'],
      ['tass', 'Ksenia Karelina'],
      ['hostage', 'Ksenia Karelina'],
    ];
    expect(entries(t, justBefore(t.events.link))).toEqual(unlinkedNow);
    expect(entries(t, {})).toEqual(unlinkedNow);
    expect(entries(t, { knownAt: t.at(t.events.unlink) })).toEqual(unlinkedNow);
    // Between the link and the unlink: Fogel once, from TASS, the first recorded report naming him.
    expect(entries(t, { knownAt: t.at(t.events.link) })).toEqual([
      ['reuters', 'Alexander Vinnik', { id: 'tass', reports: ['reuters'] }],
      ['tass', 'Marc Fogel', { id: 'tass', reports: ['tass', 'reuters'] }],
      ['tass', 'Ksenia Karelina', { id: 'tass', reports: ['tass'] }],
      ['hostage', 'Ksenia Karelina'],
    ]);
    t.harness.close();
  });

  it('leaves out a claim retracted by then, and keeps one retracted after', () => {
    const t = story();
    t.applyUpTo('link');
    const retraction = t.recorder.talks(retracted({ eventId: 'hostage' }));
    t.harness.apply(retraction);
    expect(entries(t, { knownAt: t.at(retraction) }).map(([eventId]) => eventId)).not.toContain('hostage');
    expect(entries(t, justBefore(retraction)).map(([eventId]) => eventId)).toContain('hostage');
    t.harness.close();
  });

  it('a claim every source denies adds no one, then as now; before that correction it did', () => {
    const t = story();
    t.applyUpTo('hostage');
    const denial = t.recorder.talks(corrected({ eventId: 'hostage', changes: { provenance: denied } }));
    t.harness.apply(denial);
    expect(entries(t, { knownAt: t.at(denial) }).map(([eventId]) => eventId)).toEqual(['reuters', 'reuters', 'tass']);
    expect(entries(t, justBefore(denial)).map(([eventId]) => eventId)).toEqual(['reuters', 'reuters', 'tass', 'hostage']);
    t.harness.close();
  });

  it('filters on the representing row, as the live ledger does', () => {
    const t = story();
    t.applyUpTo('link');
    const atLink = { knownAt: t.at(t.events.link) };
    for (const filters of [{ nationality: 'USA' }, { releasedBy: 'usa' }, { kind: 'hostage' as const }, { talksId: 'nowhere' }]) {
      expect(entries(t, atLink, filters)).toEqual(entries(t, {}, filters));
    }
    expect(entries(t, atLink, { nationality: 'USA' }).map(([, person]) => person)).toEqual(['Marc Fogel', 'Ksenia Karelina']);
    t.harness.close();
  });

  it('pages by cursor inside a claim and across claims, with or without knownAt', () => {
    const t = story();
    t.applyUpTo('correction');
    for (const options of [{}, { knownAt: t.at(t.events.correction) }, justBefore(t.events.correction)]) {
      const all = releasesAt(t.harness.ctx, { limit: 50 }, options).items;
      const paged = [];
      let after: string | undefined;
      do {
        const page = releasesAt(t.harness.ctx, { limit: 1, after }, options);
        paged.push(...page.items);
        after = page.nextCursor ?? undefined;
      } while (after);
      expect(paged).toEqual(all);
    }
    t.harness.close();
  });
});

describe('releases by date: from/to and asOf', () => {
  const t = story();
  t.applyUpTo('link');
  afterAll(() => t.harness.close());
  const day = (date: string, end = false) => new Date(`${date}T${end ? '23:59:59.999' : '00:00:00.000'}Z`);

  it('selects a release when its claim’s range overlaps [from, to]', () => {
    const window = (from?: string, to?: string, options: TimeTravelOptions = {}) =>
      entries(t, options, { ...(from ? { from: day(from) } : {}), ...(to ? { to: day(to, true) } : {}) }).map(([eventId, person]) => `${eventId}:${person}`);
    expect(window('2025-02-12', '2025-02-12')).toEqual(['reuters:Alexander Vinnik']);
    expect(window('2025-02-11', '2025-02-11')).toEqual(['reuters:Alexander Vinnik', 'tass:Marc Fogel', 'tass:Ksenia Karelina']);
    expect(window('2025-02-13')).toEqual(['hostage:Ksenia Karelina']);
    expect(window(undefined, '2025-02-10')).toEqual(['reuters:Alexander Vinnik']);
    // As known before the link, the Reuters report of Fogel was its own entry, and its range reaches the 12th.
    expect(window('2025-02-12', undefined, justBefore(t.events.link))).toEqual(['reuters:MARC FOGEL', 'reuters:Alexander Vinnik', 'hostage:Ksenia Karelina']);
  });

  it('asOf keeps the releases whose claim counts by then: a range once it has wholly passed', () => {
    const on = (date: string, knownAt?: Date) => entries(t, { asOf: day(date, true), ...(knownAt ? { knownAt } : {}) }).map(([eventId, person]) => `${eventId}:${person}`);
    expect(on('2025-02-10')).toEqual([]);
    expect(on('2025-02-11')).toEqual(['tass:Marc Fogel', 'tass:Ksenia Karelina']);
    expect(on('2025-02-12')).toEqual(['reuters:Alexander Vinnik', 'tass:Marc Fogel', 'tass:Ksenia Karelina']);
    expect(on('2025-03-01')).toHaveLength(4);
    // With knownAt: the claims as recorded then, capped at asOf.
    expect(on('2025-02-11', justBefore(t.events.correction).knownAt)).toEqual(['tass:Marc Fogel']);
  });

  it('keeps a page of listed rows with `from` on one index range, bounded below by the longest range', () => {
    const plan = t.harness.db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT r.event_id FROM ${t.harness.ctx.table('releases')} r
         WHERE r.listed = 1 AND r.occurred_to >= ? AND r.occurred_from >= ? AND (r.occurred_from, r.position, r.idx) > (?, ?, ?)
         ORDER BY r.occurred_from, r.position, r.idx LIMIT 10`,
      )
      .all(0, 0, 0, 0, 0) as { detail: string }[];
    expect(plan.map((row) => row.detail).join('\n')).toMatch(/SEARCH r USING INDEX releases_listed_by_date\S* \(/);
    expect(plan.map((row) => row.detail).join('\n')).not.toMatch(/TEMP B-TREE/);
  });

  it('the live ledger answers as before without them', () => {
    expect(releasesPage(t.harness.ctx, { limit: 50 }).items).toEqual(releasesAt(t.harness.ctx, { limit: 50 }, {}).items);
  });
});
