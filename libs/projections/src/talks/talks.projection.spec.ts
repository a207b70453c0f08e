import {
  TALKS_ID,
  brokered,
  concluded,
  corrected,
  ended,
  extended,
  held,
  opened,
  released,
  resumed,
  retracted,
  scheduled,
  stalled,
  swapped,
  violated,
  visited,
} from '@parley/domain/testing/talks.fixtures';
import { eventRecorder, projectionHarness, withEventId } from '../testing';
import { talksProjection } from './talks.projection';
import { getStatus } from './talks.queries';

const setup = () => {
  const harness = projectionHarness(talksProjection);
  const recorder = eventRecorder();
  const given = (...events: Parameters<typeof recorder.talks>[0][]) => events.map((event) => harness.apply(recorder.talks(event)));
  const claim = (eventId: string) => harness.db.prepare('SELECT * FROM talks_claims WHERE event_id = ?').get(eventId) as Record<string, unknown>;
  const actors = (eventId: string) =>
    harness.db.prepare('SELECT actor_id, role, talks_id FROM talks_claim_actors WHERE event_id = ? ORDER BY role, actor_id').all(eventId);
  const countries = (eventId: string) => harness.db.prepare('SELECT country FROM talks_claim_countries WHERE event_id = ? ORDER BY country').pluck().all(eventId);
  const releases = (eventId: string) => harness.db.prepare('SELECT * FROM releases WHERE event_id = ? ORDER BY idx').all(eventId);
  return { harness, recorder, given, claim, actors, countries, releases, status: () => getStatus(harness.ctx, TALKS_ID) };
};

describe('talks projection: claim rows', () => {
  it('stores an opening with its parties and mediators, and opens the status', () => {
    const t = setup();
    expect(t.given(withEventId('open', opened()))).toEqual([{ applied: true }]);
    expect(t.claim('open')).toMatchObject({
      talks_id: TALKS_ID,
      type: 'TalksOpened',
      revision: 0,
      position: 1,
      recorded_at: '2025-03-14T12:00:00.000Z',
      occurred_at: '2025-02-11',
      precision: 'day',
      occurred_from: Date.UTC(2025, 1, 11),
      confidence: 'reported',
      confidence_rank: 2,
      corrected: 0,
      retracted: 0,
      cameo: null,
      plover: null,
      summary: 'Talks opened: US–Russia talks on Ukraine (parties usa, rus; mediators sau)',
    });
    expect(JSON.parse(t.claim('open').data as string)).toEqual(opened().data);
    expect(t.actors('open')).toEqual([
      { actor_id: 'sau', role: 'mediator', talks_id: TALKS_ID },
      { actor_id: 'rus', role: 'party', talks_id: TALKS_ID },
      { actor_id: 'usa', role: 'party', talks_id: TALKS_ID },
    ]);
    expect(t.countries('open')).toEqual([]);
    expect(t.status()).toMatchObject({ talksId: TALKS_ID, title: 'US–Russia talks on Ukraine', parties: ['usa', 'rus'], mediators: ['sau'], lifecycle: 'open', openedAt: '2025-02-11' });
  });

  it('codes an envoy visit 042 CONSULT, names the envoy and the host country, and activates the talks', () => {
    const t = setup();
    t.given(opened(), withEventId('visit', visited({ city: 'Saint Petersburg' })));
    expect(t.claim('visit')).toMatchObject({ type: 'EnvoyVisited', cameo: '042', plover: 'CONSULT', summary: 'steve-witkoff visited RUS (Saint Petersburg): Fetch Marc Fogel' });
    expect(t.actors('visit')).toEqual([{ actor_id: 'steve-witkoff', role: 'envoy', talks_id: TALKS_ID }]);
    expect(t.countries('visit')).toEqual(['RUS']);
    expect(t.status()).toMatchObject({ lifecycle: 'active', counts: { visits: 1, meetings: 0 } });
  });

  it('keeps a scheduled meeting pending (036 AGREE: an expected meeting is an intent) and a held one codes 040 CONSULT and fulfils it', () => {
    const t = setup();
    t.given(opened(), withEventId('plan', scheduled()));
    expect(t.claim('plan')).toMatchObject({ cameo: '036', plover: 'AGREE', summary: 'usa, rus expected to meet in SAU (Riyadh) on 2025-03-20' });
    expect(t.actors('plan')).toEqual([
      { actor_id: 'rus', role: 'participant', talks_id: TALKS_ID },
      { actor_id: 'usa', role: 'participant', talks_id: TALKS_ID },
    ]);
    expect(t.countries('plan')).toEqual(['SAU']);
    expect(t.status()).toMatchObject({ lifecycle: 'open', scheduledMeetings: [{ meetingId: 'riyadh-1', eventId: 'plan', expectedAt: '2025-03-20' }] });

    t.given(withEventId('meet', held()));
    expect(t.claim('meet')).toMatchObject({ cameo: '040', plover: 'CONSULT', summary: 'usa, rus met in SAU (Riyadh) (in person): First round' });
    expect(t.status()).toMatchObject({ lifecycle: 'active', scheduledMeetings: [], counts: { meetings: 1 } });
  });

  it('writes one release row per person freed in a swap, with nationality countries, and codes it 0841 RETREAT (release, not a pardon)', () => {
    const t = setup();
    const releases = [
      { person: 'Marc Fogel', nationality: 'USA', releasedBy: 'rus', detainedSince: '2021-08', sentence: '14 years' },
      { person: 'Alexander Vinnik', nationality: 'RUS', releasedBy: 'usa' },
    ];
    t.given(opened(), withEventId('swap', swapped({ releases })));
    expect(t.claim('swap')).toMatchObject({ cameo: '0841', plover: 'RETREAT' });
    expect(t.actors('swap')).toEqual([
      { actor_id: 'sau', role: 'mediator', talks_id: TALKS_ID },
      { actor_id: 'rus', role: 'released_by', talks_id: TALKS_ID },
      { actor_id: 'usa', role: 'released_by', talks_id: TALKS_ID },
    ]);
    expect(t.countries('swap')).toEqual(['RUS', 'USA']);
    expect(t.releases('swap')).toEqual([
      {
        event_id: 'swap',
        idx: 0,
        talks_id: TALKS_ID,
        kind: 'prisoner',
        person: 'Marc Fogel',
        nationality: 'USA',
        released_by: 'rus',
        released_to: null,
        occurred_at: '2025-02-11',
        occurred_from: Date.UTC(2025, 1, 11),
        position: 2,
        detained_since: '2021-08',
        sentence: '14 years',
        occurred_until: null,
        occurred_to: Date.UTC(2025, 1, 11),
        listed: 1,
        incident_id: null,
        reports: null,
      },
      expect.objectContaining({ idx: 1, person: 'Alexander Vinnik', nationality: 'RUS', released_by: 'usa', detained_since: null, sentence: null }),
    ]);
    expect(t.status()?.counts).toMatchObject({ swaps: 1, prisonersFreed: { best: 2, low: 2, high: 2 } });
  });

  it('codes a ceasefire 0871 CONCEDE (declared, not implemented) with parties and mediators, and tracks it in the status', () => {
    const t = setup();
    t.given(opened(), withEventId('truce', brokered()));
    expect(t.claim('truce')).toMatchObject({ cameo: '0871', plover: 'CONCEDE' });
    expect(t.actors('truce')).toEqual([
      { actor_id: 'usa', role: 'mediator', talks_id: TALKS_ID },
      { actor_id: 'rus', role: 'party', talks_id: TALKS_ID },
      { actor_id: 'ukr', role: 'party', talks_id: TALKS_ID },
    ]);
    expect(t.status()?.ceasefires).toEqual([
      {
        ceasefireId: 'energy-truce',
        eventId: 'truce',
        brokeredAt: '2025-02-11',
        precision: 'day',
        effectiveFrom: '2025-02-12',
        endsAt: '2025-04-12',
        parties: ['rus', 'ukr'],
        mediators: ['usa'],
        violations: [],
        extensions: [],
      },
    ]);
  });

  it('codes an extension 0871 CONCEDE and keeps it on its ceasefire in the status rows; corrections and retractions refold it', () => {
    const t = setup();
    t.given(opened(), brokered(), withEventId('longer', extended()));
    expect(t.claim('longer')).toMatchObject({ cameo: '0871', plover: 'CONCEDE', summary: 'Ceasefire energy-truce extended until 2025-05-12: One more month; 20 more prisoners each way' });
    expect(t.status()?.ceasefires[0].extensions).toEqual([
      { eventId: 'longer', at: '2025-03-10', precision: 'day', endsAt: '2025-05-12', terms: { summary: 'One more month; 20 more prisoners each way', prisonersToRelease: { best: 20, low: 20, high: 20 } } },
    ]);
    t.given(corrected({ eventId: 'longer', changes: { endsAt: '2025-05-20' } }));
    expect(t.status()?.ceasefires[0].extensions).toMatchObject([{ eventId: 'longer', endsAt: '2025-05-20' }]);
    t.given(retracted({ eventId: 'longer' }));
    expect(t.status()?.ceasefires[0]).toMatchObject({ endsAt: '2025-04-12', extensions: [] });
  });

  it('writes one hostage row per name, none for an unnamed count, and adds loose counts to the status', () => {
    const t = setup();
    t.given(
      opened(),
      brokered(),
      withEventId('named', released({ count: { best: 3, low: 2, high: 4 }, names: ['Emily Damari', 'Romi Gonen'], prisonersReleasedInExchange: { best: 90 } })),
      withEventId('unnamed', released({ count: { best: 5 } })),
    );
    expect(t.claim('named')).toMatchObject({ cameo: '0841', plover: 'RETREAT', summary: 'rus released 3 (2–4) hostages (Emily Damari, Romi Gonen) for 90 prisoners' });
    expect(t.releases('named')).toEqual([
      expect.objectContaining({ idx: 0, kind: 'hostage', person: 'Emily Damari', nationality: null, released_by: 'rus' }),
      expect.objectContaining({ idx: 1, kind: 'hostage', person: 'Romi Gonen' }),
    ]);
    expect(t.releases('unnamed')).toEqual([]);
    expect(t.actors('unnamed')).toEqual([{ actor_id: 'rus', role: 'released_by', talks_id: TALKS_ID }]);
    expect(t.status()?.counts).toMatchObject({ hostagesFreed: { best: 8, low: 7, high: 9 }, prisonersFreed: { best: 90, low: 90, high: 90 } });
  });

  it('codes a violation 196 ASSAULT with accuser and accused, and records the end of a ceasefire', () => {
    const t = setup();
    t.given(opened(), brokered(), withEventId('breach', violated({ occurredAt: '2025-02-20' })), withEventId('end', ended({ occurredAt: '2025-03-01' })));
    expect(t.claim('breach')).toMatchObject({ cameo: '196', plover: 'ASSAULT' });
    expect(t.actors('breach')).toEqual([
      { actor_id: 'rus', role: 'against', talks_id: TALKS_ID },
      { actor_id: 'ukr', role: 'alleged_by', talks_id: TALKS_ID },
    ]);
    expect(t.claim('end')).toMatchObject({ cameo: null, summary: 'Ceasefire energy-truce ended (collapsed)' });
    expect(t.status()?.ceasefires[0]).toMatchObject({
      violations: [{ eventId: 'breach', at: '2025-02-20', precision: 'day', allegedBy: 'ukr', against: 'rus' }],
      ended: { eventId: 'end', at: '2025-03-01', precision: 'day', reason: 'collapsed' },
    });
  });

  it('moves the lifecycle through stalled, resumed and concluded', () => {
    const t = setup();
    t.given(opened(), withEventId('stall', stalled()));
    expect(t.status()?.lifecycle).toBe('stalled');
    expect(t.claim('stall')).toMatchObject({ cameo: null, summary: 'Talks stalled: Disagreement over terms' });
    t.given(resumed());
    expect(t.status()?.lifecycle).toBe('open'); // nothing had happened yet: back to open, not active
    t.given(visited(), stalled(), resumed());
    expect(t.status()?.lifecycle).toBe('active');
    t.given(concluded({ occurredAt: '2025-03-10' }));
    expect(t.status()).toMatchObject({ lifecycle: 'concluded', concluded: { outcome: 'agreement', summary: 'Deal signed', at: '2025-03-10' }, lastActivityAt: '2025-03-10' });
  });

  it('stamps the status and the status row with the revision and position of the last event', () => {
    const t = setup();
    t.given(opened(), visited());
    expect(t.status()).toMatchObject({ revision: 1, position: '2' });
    expect(t.harness.rows('talks_status')).toEqual([expect.objectContaining({ talks_id: TALKS_ID, lifecycle: 'active', revision: 1, position: 2 })]);
  });

  it('places a claim at the start of its precision period and ranks its confidence', () => {
    const t = setup();
    const provenance = { sources: [{ publisher: 'TASS' }], confidence: 'rumoured' as const };
    t.given(opened(), withEventId('vague', visited({ occurredAt: '2025-02-11', precision: 'month', provenance })));
    expect(t.claim('vague')).toMatchObject({ occurred_from: Date.UTC(2025, 1, 1), precision: 'month', confidence: 'rumoured', confidence_rank: 1 });
  });
});

describe('talks projection: what it skips', () => {
  it.each([
    ['a claim before its track is opened', [visited()], `talks ${TALKS_ID} have not been opened`],
    ['a second opening', [opened(), opened()], `talks ${TALKS_ID} are already opened`],
    ['data that is not an object', [opened(), { type: 'EnvoyVisited', data: 'nonsense' }], 'malformed EnvoyVisited: data is not an object'],
    ['a claim without a talksId', [opened(), visited({ talksId: undefined })], 'malformed EnvoyVisited: talksId is missing'],
    ['an unreadable date', [opened(), visited({ occurredAt: 'last Tuesday' })], 'malformed EnvoyVisited: occurredAt is not an ISO date'],
    ['an unknown precision', [opened(), visited({ precision: 'roughly' as never })], 'malformed EnvoyVisited: precision is not one of exact, day, week, month, year'],
    [
      'an unknown confidence',
      [opened(), visited({ provenance: { sources: [], confidence: 'likely' as never } })],
      'malformed EnvoyVisited: provenance.confidence is not one of rumoured, reported, confirmed',
    ],
    ['an event type it does not know', [opened(), { type: 'TalksRenamed', data: { talksId: TALKS_ID } }], 'TalksRenamed is not a talks event'],
  ])('skips %s, with the reason', (_, events, reason) => {
    const t = setup();
    const outcomes = t.given(...(events as Parameters<typeof t.given>));
    expect(outcomes[outcomes.length - 1]).toEqual({ applied: false, reason });
    expect(t.harness.rows('talks_claims')).toHaveLength(outcomes.length - 1);
  });

  it('skips an event id it already stores as a claim', () => {
    const t = setup();
    t.given(opened(), withEventId('visit', visited()));
    expect(t.given(withEventId('visit', visited()))).toEqual([{ applied: false, reason: 'event visit is already stored as a claim' }]);
  });

  it('tolerates ill-shaped fields: they name nothing rather than throw', () => {
    const t = setup();
    const outcomes = t.given(opened(), withEventId('odd', held({ participants: 'usa' as never, location: 7 as never })), withEventId('odd-swap', swapped({ releases: [null, 'x'] as never })));
    expect(outcomes).toEqual([{ applied: true }, { applied: true }, { applied: true }]);
    expect(t.actors('odd')).toEqual([]);
    expect(t.countries('odd')).toEqual([]);
    expect(t.releases('odd-swap')).toEqual([]);
    expect(t.status()?.counts).toMatchObject({ meetings: 1, swaps: 1, prisonersFreed: { best: 0 } });
  });
});
