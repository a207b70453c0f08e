import { EVENT_STORE, EventStore } from '@parley/event-store';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitWhileProgressing } from './support/progress/wait-while-progressing';
import { startTestApp, TestApp } from './support/test-app';

/** Events recorded by the v1 code (test/fixtures/v1/README.md), and what that code answered on them. */
type FixtureEvent = Readonly<{ id: string; streamId: string; revision: number; type: string; data: unknown; metadata: Record<string, unknown> }>;
const fixture = (name: string): unknown => JSON.parse(readFileSync(join(__dirname, 'fixtures', 'v1', name), 'utf8'));
const V1_EVENTS = fixture('events.json') as readonly FixtureEvent[];
const V1_READS = fixture('reads.json') as Readonly<Record<string, unknown>>;

/** Where the store put things differs from store to store and run to run; what they say must not. */
// Codes are the read side's reading of a claim (the crosswalk, pinned by its own golden tests),
// not something recorded: re-coding them is no loss of what v1 recorded.
const PLACEMENT = new Set(['position', 'recordedAt', 'nextCursor', 'cameo', 'plover']);
const withoutPlacement = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(withoutPlacement);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !PLACEMENT.has(key)).map(([key, inner]) => [key, withoutPlacement(inner)]));
};

describe('A store recorded by the v1 code (e2e)', () => {
  let app: TestApp;

  const projectionStatuses = async () => (await app.api.get('/v1/admin/projections').expect(200)).body as { name: string; lag: string; skipped: number; generation: number; state: string }[];

  beforeAll(async () => {
    app = await startTestApp();
    const store = app.app.get<EventStore>(EVENT_STORE);
    for (const { id, streamId, revision, type, data, metadata } of V1_EVENTS) {
      await store.appendToStream(streamId, [{ id, type, data, metadata }], { expectedRevision: revision === 0 ? 'no_stream' : revision - 1 });
    }
    let statuses = await projectionStatuses();
    await waitWhileProgressing({
      what: 'the projections to catch up with the v1 events',
      done: async () => (statuses = await projectionStatuses()).every((status) => status.lag === '0'),
      progress: () => statuses,
    });
  });

  afterAll(async () => {
    await app.close();
  });

  const answersAsV1Did = async (): Promise<void> => {
    for (const [path, v1] of Object.entries(V1_READS)) {
      const { body } = await app.api.get(path).expect(200);
      // Objects may carry more (the v2 fields, at their defaults); nothing v1 answered may change or go.
      expect({ path, body: withoutPlacement(body) }).toMatchObject({ path, body: withoutPlacement(v1) });
    }
  };

  it('loads: every projection uses every v1 event, and answers what v1 answered', async () => {
    expect((await projectionStatuses()).map(({ name, skipped }) => ({ name, skipped }))).toEqual(
      expect.arrayContaining([{ name: 'talks', skipped: 0 }, { name: 'actors', skipped: 0 }]),
    );
    await answersAsV1Did();
  });

  it('rebuilds from the v1 events to the same answers', async () => {
    await app.api.post('/v1/admin/projections/talks/rebuild').expect(202);
    let talks: { generation: number; state: string; skipped: number } | undefined;
    await waitWhileProgressing({
      what: 'the rebuild to finish',
      done: async () => {
        talks = (await projectionStatuses()).find((status) => status.name === 'talks');
        return talks!.generation >= 2 && talks!.state !== 'rebuilding';
      },
      progress: () => talks,
    });
    expect(talks).toMatchObject({ skipped: 0 });
    await answersAsV1Did();
  });

  it('reads v1 places through the v2 filters: visits and meetings where they were, a swap with no place counted by its named people', async () => {
    const types = async (query: string) =>
      new Set(((await app.api.get(`/v1/timeline?talksId=us-russia-ukraine&${query}&limit=500`).expect(200)).body.items as { type: string }[]).map((item) => item.type));
    expect(await types('placeCountry=RUS')).toEqual(new Set(['EnvoyVisited', 'MeetingHeld', 'MeetingScheduled']));
    expect(await types('placeCountry=USA')).toEqual(new Set(['MeetingHeld']));
    // Held there or freeing an American; with the actors registered there, every claim the United States or its envoy is party to.
    expect(await types('country=USA')).toEqual(new Set(['TalksOpened', 'EnvoyVisited', 'MeetingScheduled', 'MeetingHeld', 'PrisonerSwapped']));
    const { body } = await app.api.get('/v1/releases?talksId=us-russia-ukraine').expect(200);
    expect(body.items.map((item: { releasedTo: unknown }) => item.releasedTo)).toEqual(body.items.map(() => null));
    const status = (await app.api.get('/v1/talks/us-russia-ukraine').expect(200)).body;
    expect(status.counts.prisonersFreed.best).toBe(body.items.length);
  });

  it('decides on v1 streams: a new claim on an upgraded track is accepted and counted', async () => {
    await app.api
      .post('/v1/talks/israel-hamas-hostages/envoy-visits')
      .send({
        envoyId: 'steve-witkoff',
        hostCountry: 'EGY',
        city: 'Cairo',
        purpose: 'Phase two',
        occurredAt: '2025-03-10',
        precision: 'day',
        provenance: { sources: [{ publisher: 'Reuters' }], confidence: 'reported' },
      })
      .expect(201);
    const { body } = await app.api.get('/v1/talks/israel-hamas-hostages').expect(200);
    expect(body.counts.visits).toBe(3);
  });

  describe('a v1 denial (`confidence: denied`), which the fixture does not hold: appended here as v1 wrote it', () => {
    const TRACK = 'us-russia-ukraine';
    const FOGEL_SWAP = 'd8eaeed9-dea3-5015-9683-ab55e826a528';
    const v1Denial = { sources: [{ publisher: 'TASS', originator: 'Dmitry Peskov' }], confidence: 'denied' };
    const v2Denial = { sources: [{ publisher: 'TASS', originator: 'Dmitry Peskov', stance: 'denies' }], confidence: 'reported' };
    const basis = { talksId: TRACK, occurredAt: '2025-03-20', precision: 'day' };
    const ids = { visit: '0c7c7f51-2b0e-4c55-9d6a-3f0e1a7d2b01', correction: '0c7c7f51-2b0e-4c55-9d6a-3f0e1a7d2b02' };
    let countsBefore: Record<string, unknown>;

    const caughtUp = async () => {
      let statuses = await projectionStatuses();
      await waitWhileProgressing({ what: 'the projections to catch up', done: async () => (statuses = await projectionStatuses()).every((s) => s.lag === '0'), progress: () => statuses });
    };

    beforeAll(async () => {
      countsBefore = (await app.api.get(`/v1/talks/${TRACK}`).expect(200)).body.counts;
      const store = app.app.get<EventStore>(EVENT_STORE);
      const [head] = await store.readStream(`talks-${TRACK}`, { direction: 'backwards', maxCount: 1 });
      const metadata = { recordedBy: 'admin', schemaVersion: 1 };
      await store.appendToStream(
        `talks-${TRACK}`,
        [
          // "Witkoff visited Moscow again", which the Kremlin denied: v1 could only grade it `denied`.
          { id: ids.visit, type: 'EnvoyVisited', metadata, data: { ...basis, envoyId: 'steve-witkoff', hostCountry: 'RUS', city: 'Moscow', purpose: 'Reported third visit', provenance: v1Denial } },
          // A v1 correction that turned the Fogel swap into a denial, with its own v1 denial as the correction's source.
          { id: ids.correction, type: 'ClaimCorrected', metadata, data: { ...basis, eventId: FOGEL_SWAP, changes: { provenance: v1Denial }, reason: 'Denied', provenance: v1Denial } },
        ],
        { expectedRevision: head.revision },
      );
      await caughtUp();
    });

    it('reads back as v2 in the history: every source denies, confidence reported, the version on disk kept', async () => {
      const { events } = (await app.api.get(`/v1/talks/${TRACK}/history?limit=1000`).expect(200)).body as { events: { id: string; data: Record<string, unknown>; metadata: Record<string, unknown> }[] };
      const visit = events.find((event) => event.id === ids.visit)!;
      const correction = events.find((event) => event.id === ids.correction)!;
      expect(visit).toMatchObject({ data: { provenance: v2Denial }, metadata: { schemaVersion: 2, recordedSchemaVersion: 1 } });
      expect(correction).toMatchObject({ data: { provenance: v2Denial, changes: { provenance: v2Denial } }, metadata: { schemaVersion: 2, recordedSchemaVersion: 1 } });
      // The v1 events with no denial pass as they were recorded.
      expect(events.find((event) => event.id === FOGEL_SWAP)?.metadata).toMatchObject({ schemaVersion: 1 });
    });

    it('reads back the same in the timeline (stance denied) and the status (the denied visit and swap count for nothing), live and rebuilt', async () => {
      const check = async () => {
        const { items } = (await app.api.get(`/v1/timeline?talksId=${TRACK}&stance=denied`).expect(200)).body as { items: { eventId: string; stance: string; confidence: string }[] };
        expect(items.map(({ eventId, stance, confidence }) => ({ eventId, stance, confidence }))).toEqual([
          { eventId: FOGEL_SWAP, stance: 'denied', confidence: 'reported' },
          { eventId: ids.visit, stance: 'denied', confidence: 'reported' },
        ]);
        const { counts } = (await app.api.get(`/v1/talks/${TRACK}`).expect(200)).body;
        expect(counts).toEqual({ ...countsBefore, swaps: 0, prisonersFreed: { best: 0, low: 0, high: 0 } });
        expect((await app.api.get(`/v1/releases?talksId=${TRACK}`).expect(200)).body.items).toEqual([]);
      };
      await check();
      const before = (await projectionStatuses()).find((status) => status.name === 'talks')!.generation;
      await app.api.post('/v1/admin/projections/talks/rebuild').expect(202);
      let talks: { generation: number; state: string; skipped: number } | undefined;
      await waitWhileProgressing({
        what: 'the rebuild to finish',
        done: async () => {
          talks = (await projectionStatuses()).find((status) => status.name === 'talks');
          return talks!.generation > before && talks!.state !== 'rebuilding';
        },
        progress: () => talks,
      });
      expect(talks).toMatchObject({ skipped: 0 });
      await check();
    });

    it('is decided on as v2: the upgraded denial takes a correction', async () => {
      await app.api
        .post(`/v1/talks/${TRACK}/claims/${ids.visit}/corrections`)
        .send({ changes: { note: 'Only the Kremlin spoke of it' }, reason: 'Context', occurredAt: '2025-03-21', precision: 'day', provenance: { sources: [{ publisher: 'Reuters' }], confidence: 'reported' } })
        .expect(201);
    });
  });
});
