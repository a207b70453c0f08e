import { TALKS_ID, brokered, held, opened, released, swapped, visited } from '@parley/domain/testing/talks.fixtures';
import { eventRecorder, projectionHarness, withEventId } from '../testing';
import { talksProjection } from './talks.projection';
import { InvalidCursorError } from './timeline-cursor';
import { actorActivity } from './actor-activity.queries';
import { getStatus, listStatuses, liveClaims, timelinePage } from './talks.queries';
import { releasesPage } from './releases.queries';

const HOSTAGES = 'israel-hamas-hostages';
const rumour = { sources: [{ publisher: 'TASS' }], confidence: 'rumoured' as const };
const dispute = { sources: [{ publisher: 'Reuters' }, { publisher: 'Kremlin', stance: 'denies' as const }], confidence: 'reported' as const };

/** Two tracks: US–Russia (a visit, two meetings, a swap) and Israel–Hamas (a ceasefire and a named release). */
const story = () => {
  const harness = projectionHarness(talksProjection);
  const recorder = eventRecorder({ firstPosition: 10n, positionStep: 10n });
  const events = [
    opened({ occurredAt: '2025-01-20' }),
    withEventId('visit', visited({ occurredAt: '2025-02-11' })),
    withEventId('meet-1', held({ occurredAt: '2025-02-18', meetingId: 'm1', participants: ['steve-witkoff', 'kirill-dmitriev', 'mbs'] })),
    withEventId('meet-2', held({ occurredAt: '2025-03-11', meetingId: 'm2', participants: ['steve-witkoff', 'kirill-dmitriev'], location: { country: 'USA', city: 'Washington' }, provenance: rumour })),
    withEventId('swap', swapped({ occurredAt: '2025-02-11', precision: 'month', provenance: dispute })),
    opened({ talksId: HOSTAGES, occurredAt: '2025-01-01', parties: ['isr', 'hamas'], mediators: ['qat', 'egy', 'usa'] }),
    withEventId('truce', brokered({ talksId: HOSTAGES, occurredAt: '2025-01-15', parties: ['isr', 'hamas'], mediators: ['qat', 'steve-witkoff'], effectiveFrom: '2025-01-19', endsAt: '2025-03-01' })),
    withEventId('hostages', released({ talksId: HOSTAGES, occurredAt: '2025-01-19', ceasefireId: 'truce', releasedBy: 'hamas', count: { best: 3 }, names: ['Romi Gonen', 'Doron Steinbrecher', 'Emily Damari'] })),
  ].map((event) => recorder.talks(event));
  harness.applyAll(events);
  return { ctx: harness.ctx, ids: (page: { items: { eventId: string }[] }) => page.items.map((item) => item.eventId) };
};

describe('the timeline', () => {
  const { ctx, ids } = story();

  it('lists live claims by date (start of period), then position, with everything a reader needs', () => {
    const page = timelinePage(ctx, { limit: 50 });
    expect(page.nextCursor).toBeNull();
    expect(page.items.map((i) => `${i.occurredAt}:${i.type}`)).toEqual([
      '2025-01-01:TalksOpened',
      '2025-01-15:CeasefireBrokered',
      '2025-01-19:HostagesReleased',
      '2025-01-20:TalksOpened',
      '2025-02-11:PrisonerSwapped', // a month: sorts at 1 February
      '2025-02-11:EnvoyVisited',
      '2025-02-18:MeetingHeld',
      '2025-03-11:MeetingHeld',
    ]);
    expect(page.items.find((i) => i.eventId === 'visit')).toEqual({
      eventId: 'visit',
      talksId: TALKS_ID,
      type: 'EnvoyVisited',
      occurredAt: '2025-02-11',
      occurredUntil: null,
      precision: 'day',
      confidence: 'reported',
      stance: 'asserted',
      summary: 'steve-witkoff visited RUS (Moscow): Fetch Marc Fogel',
      note: null,
      actors: [{ actorId: 'steve-witkoff', role: 'envoy' }],
      countries: ['RUS'],
      cameo: '042',
      plover: 'CONSULT',
      sources: ['Reuters'],
      data: visited({ occurredAt: '2025-02-11' }).data,
      corrected: 0,
      revision: 1,
      position: '20',
      recordedAt: '2025-03-14T12:01:00.000Z',
    });
  });

  it('pages with an opaque cursor and no gaps or repeats', () => {
    const all = ids(timelinePage(ctx, { limit: 50 }));
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = timelinePage(ctx, { limit: 3, ...(after ? { after } : {}) });
      seen.push(...ids(page));
      after = page.nextCursor ?? undefined;
      if (after) expect(after).toMatch(/^[A-Za-z0-9_-]+$/);
    } while (after);
    expect(seen).toEqual(all);
  });

  it('refuses a cursor it did not issue', () => {
    expect(() => timelinePage(ctx, { limit: 3, after: 'not-a-cursor' })).toThrow(InvalidCursorError);
    expect(() => timelinePage(ctx, { limit: 3, after: Buffer.from('[1,"x"]').toString('base64url') })).toThrow(InvalidCursorError);
  });

  it('filters by track, actor, country and types', () => {
    expect(ids(timelinePage(ctx, { talksId: HOSTAGES, limit: 50 }))).toEqual([expect.any(String), 'truce', 'hostages']);
    expect(ids(timelinePage(ctx, { actor: 'steve-witkoff', limit: 50 }))).toEqual(['truce', 'visit', 'meet-1', 'meet-2']);
    expect(ids(timelinePage(ctx, { country: 'USA', limit: 50 }))).toEqual(['swap', 'meet-2']);
    expect(ids(timelinePage(ctx, { types: ['MeetingHeld', 'EnvoyVisited'], limit: 50 }))).toEqual(['visit', 'meet-1', 'meet-2']);
    expect(timelinePage(ctx, { types: [], limit: 50 }).items).toHaveLength(8);
  });

  it('filters by date range, inclusive, on the start of each period', () => {
    expect(ids(timelinePage(ctx, { from: new Date('2025-02-01'), to: new Date('2025-02-18'), limit: 50 }))).toEqual(['swap', 'visit', 'meet-1']);
  });

  it('filters by minimum confidence: rumoured < reported < confirmed', () => {
    const types = (minConfidence: 'rumoured' | 'reported' | 'confirmed') => timelinePage(ctx, { minConfidence, limit: 50 }).items.length;
    expect([types('rumoured'), types('reported'), types('confirmed')]).toEqual([8, 7, 0]);
  });

  it('orders claims of one date by position as a number, not as text', () => {
    const harness = projectionHarness(talksProjection);
    const recorder = eventRecorder({ firstPosition: 7n });
    const swapOf = (person: string) => swapped({ swapId: person, releases: [{ person, nationality: 'USA', releasedBy: 'rus' }] });
    harness.applyAll([opened(), visited(), swapOf('A'), visited(), swapOf('B')].map(recorder.talks)); // at 7, 8, 9, 10, 11
    expect(timelinePage(harness.ctx, { types: ['EnvoyVisited'], limit: 10 }).items.map((i) => i.position)).toEqual(['8', '10']);
    expect(liveClaims(harness.ctx, TALKS_ID).map((c) => c.position)).toEqual(['7', '8', '9', '10', '11']);
    expect(releasesPage(harness.ctx, { limit: 10 }).items.map((r) => r.person)).toEqual(['A', 'B']);
  });

  it('clamps the page size to at least one', () => {
    expect(timelinePage(ctx, { limit: 0 }).items).toHaveLength(1);
  });
});

describe('releases', () => {
  const { ctx } = story();

  it('lists every person freed, by date, with track and kind', () => {
    const page = releasesPage(ctx, { limit: 10 });
    expect(page.items.map((r) => [r.person, r.kind, r.talksId])).toEqual([
      ['Romi Gonen', 'hostage', HOSTAGES],
      ['Doron Steinbrecher', 'hostage', HOSTAGES],
      ['Emily Damari', 'hostage', HOSTAGES],
      ['Marc Fogel', 'prisoner', TALKS_ID],
    ]);
    expect(page.items[3]).toEqual({
      eventId: 'swap',
      idx: 0,
      talksId: TALKS_ID,
      kind: 'prisoner',
      person: 'Marc Fogel',
      nationality: 'USA',
      releasedBy: 'rus',
      releasedTo: null,
      occurredAt: '2025-02-11',
      occurredUntil: null,
      detainedSince: '2021-08',
      sentence: '14 years',
    });
  });

  it('filters by track, nationality, releaser and kind', () => {
    const people = (filters: Parameters<typeof releasesPage>[1]) => releasesPage(ctx, filters).items.map((r) => r.person);
    expect(people({ talksId: TALKS_ID, limit: 10 })).toEqual(['Marc Fogel']);
    expect(people({ nationality: 'USA', limit: 10 })).toEqual(['Marc Fogel']);
    expect(people({ releasedBy: 'hamas', limit: 10 })).toHaveLength(3);
    expect(people({ kind: 'prisoner', limit: 10 })).toEqual(['Marc Fogel']);
  });

  it('pages through the people of one claim too', () => {
    const first = releasesPage(ctx, { limit: 2 });
    const second = releasesPage(ctx, { limit: 2, after: first.nextCursor! });
    expect([...first.items, ...second.items].map((r) => r.person)).toEqual(['Romi Gonen', 'Doron Steinbrecher', 'Emily Damari', 'Marc Fogel']);
    expect(second.nextCursor).toBeNull();
  });
});

describe('statuses', () => {
  const { ctx } = story();

  it('reads one, or lists them filtered by lifecycle, party or mediator', () => {
    expect(getStatus(ctx, 'nope')).toBeUndefined();
    expect(listStatuses(ctx).map((s) => s.talksId)).toEqual([HOSTAGES, TALKS_ID]);
    // The hostage track is active from its ceasefire and releases alone: something substantive happened.
    expect(listStatuses(ctx, { lifecycle: 'active' }).map((s) => s.talksId)).toEqual([HOSTAGES, TALKS_ID]);
    expect(listStatuses(ctx, { lifecycle: 'open' })).toEqual([]);
    expect(listStatuses(ctx, { party: 'hamas' }).map((s) => s.talksId)).toEqual([HOSTAGES]);
    expect(listStatuses(ctx, { mediator: 'sau' }).map((s) => s.talksId)).toEqual([TALKS_ID]);
    expect(listStatuses(ctx, { lifecycle: 'open', mediator: 'sau' })).toEqual([]);
  });
});

describe('actor activity', () => {
  const { ctx } = story();

  it('gathers visits, meetings, counterparts, countries, mediated deals and tracks', () => {
    expect(actorActivity(ctx, 'steve-witkoff')).toEqual({
      actorId: 'steve-witkoff',
      visits: { count: 1, list: [{ eventId: 'visit', talksId: TALKS_ID, country: 'RUS', city: 'Moscow', occurredAt: '2025-02-11', occurredUntil: null }] },
      meetings: 2,
      counterparts: [
        { actorId: 'kirill-dmitriev', meetings: 2 },
        { actorId: 'mbs', meetings: 1 },
      ],
      countries: ['RUS', 'SAU', 'USA'],
      dealsMediated: [{ eventId: 'truce', talksId: HOSTAGES, type: 'CeasefireBrokered', occurredAt: '2025-01-15', occurredUntil: null }],
      tracks: [HOSTAGES, TALKS_ID],
    });
  });

  it('lists the swaps an actor mediated, and is empty for a stranger', () => {
    expect(actorActivity(ctx, 'sau').dealsMediated).toEqual([{ eventId: 'swap', talksId: TALKS_ID, type: 'PrisonerSwapped', occurredAt: '2025-02-11', occurredUntil: null }]);
    expect(actorActivity(ctx, 'nobody')).toEqual({ actorId: 'nobody', visits: { count: 0, list: [] }, meetings: 0, counterparts: [], countries: [], dealsMediated: [], tracks: [] });
  });
});
