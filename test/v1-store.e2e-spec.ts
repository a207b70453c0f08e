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
    expect(await types('country=USA')).toEqual(new Set(['MeetingHeld', 'PrisonerSwapped']));
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
});
