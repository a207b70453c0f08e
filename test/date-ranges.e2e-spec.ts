import { correctionBody, envoyVisitBody, hostageReleaseBody, openTalksBody, prisonerSwapBody, provenance } from './support/bodies';
import { expectProblem, recordClaim, registerActors, talksHistory, talksPath } from './support/api';
import { csvCells } from './support/csv-cells';
import { uniqueSlug } from './support/ids';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Dates as an analyst states them: a track opened with no date and no source, releases "between
 * the 25th and the 30th", a visit "in the week of 17 November"; read back through the status,
 * the timeline and its exports, the releases, the history and time travel.
 */
describe('Date ranges, weeks and undated openings (e2e)', () => {
  let app: TestApp;
  let lastPosition = '0';

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  /** Writes remember their position, so every read waits for the projections to include them. */
  const post = async (path: string, body: object) => {
    const response = await app.api.post(path).send(body);
    if (response.status === 201) lastPosition = response.body.position;
    return response;
  };
  const read = (path: string) => app.api.get(path).set('x-min-position', lastPosition);

  /** An undated, unsourced track between two fresh parties, with an envoy registered. */
  const undatedTrack = async () => {
    const [a, b, envoy] = await registerActors(app, 'party-a', 'party-b', 'envoy');
    const talksId = uniqueSlug('under-way');
    const { occurredAt: _at, precision: _precision, provenance: _sources, ...body } = openTalksBody(talksId, [a, b]);
    const opened = await post('/v1/talks', body);
    expect(opened.status).toBe(201);
    return { talksId, parties: [a, b], envoy, openingId: opened.body.events[0].id as string };
  };

  const record = async (talksId: string, path: string, body: object) => {
    const eventId = await recordClaim(app, talksId, path, body);
    lastPosition = (await talksHistory(app, talksId)).at(-1)!.position;
    return eventId;
  };

  describe('opening a track already under way', () => {
    it('records an opening with no date and no source, and reads it back without them', async () => {
      const { talksId } = await undatedTrack();
      const [opening] = await talksHistory(app, talksId);
      expect(opening.data).not.toHaveProperty('occurredAt');
      expect(opening.data).not.toHaveProperty('provenance');

      const status = (await read(talksPath(talksId)).expect(200)).body;
      expect(status).toMatchObject({ talksId, lifecycle: 'open' });
      expect(status).not.toHaveProperty('openedAt');
      expect(status).not.toHaveProperty('lastActivityAt');
      const timeline = (await read(`/v1/timeline?talksId=${talksId}`).expect(200)).body;
      expect(timeline.items).toEqual([expect.objectContaining({ type: 'TalksOpened', occurredAt: null, precision: null, confidence: null, sources: [] })]);
      // The track is there as of any date: the opening counts on every one.
      expect((await read(`${talksPath(talksId)}?asOf=2001-01-01`).expect(200)).body).toMatchObject({ talksId, lifecycle: 'open' });
    });

    it('refuses half a date with 422 DATE.INCOMPLETE, and a dated opening still obeys the date rules', async () => {
      const [a, b] = await registerActors(app, 'party-a', 'party-b');
      const { precision: _precision, provenance: _sources, ...halfDated } = openTalksBody(uniqueSlug('t'), [a, b]);
      expectProblem(await post('/v1/talks', halfDated), 422, 'DATE.INCOMPLETE', 'precision');
      expectProblem(await post('/v1/talks', openTalksBody(uniqueSlug('t'), [a, b], [], { occurredUntil: '2025-01-01' })), 422, 'DATE.RANGE_REVERSED', 'occurredUntil');
    });

    it('takes its date and source from a later correction: the status shows openedAt, the timeline moves it', async () => {
      const { talksId, envoy, openingId } = await undatedTrack();
      await record(talksId, 'envoy-visits', envoyVisitBody(envoy, { occurredAt: '2025-03-01' }));
      const changes = { occurredAt: '2025-02-18', precision: 'day', provenance: provenance('confirmed', 'AP') };
      expect((await post(`${talksPath(talksId)}/claims/${openingId}/corrections`, correctionBody(changes))).status).toBe(201);

      expect((await read(talksPath(talksId)).expect(200)).body).toMatchObject({ openedAt: '2025-02-18', lastActivityAt: '2025-03-01', lifecycle: 'active' });
      const items = (await read(`/v1/timeline?talksId=${talksId}`).expect(200)).body.items;
      expect(items.map((item: { type: string; occurredAt: string; confidence: string }) => [item.type, item.occurredAt, item.confidence])).toEqual([
        ['TalksOpened', '2025-02-18', 'confirmed'],
        ['EnvoyVisited', '2025-03-01', 'reported'],
      ]);
      expectProblem(await post(`${talksPath(talksId)}/claims/${openingId}/corrections`, correctionBody({ occurredAt: null })), 422, 'DATE.INCOMPLETE', 'changes.occurredAt');
    });
  });

  describe('a release "between the 25th and the 30th"', () => {
    it('refuses a reversed range (422 DATE.RANGE_REVERSED) and one that ends in the future (422 DATE.IN_FUTURE)', async () => {
      const { talksId, parties } = await undatedTrack();
      expectProblem(await post(`${talksPath(talksId)}/hostage-releases`, hostageReleaseBody(parties[0], { occurredAt: '2025-11-25', occurredUntil: '2025-11-20' })), 422, 'DATE.RANGE_REVERSED', 'occurredUntil');
      expectProblem(await post(`${talksPath(talksId)}/hostage-releases`, hostageReleaseBody(parties[0], { occurredAt: '2025-11-25', occurredUntil: '2999-01-01' })), 422, 'DATE.IN_FUTURE', 'occurredUntil');
      expect((await talksHistory(app, talksId)).map((event) => event.type)).toEqual(['TalksOpened']);
    });

    it('counts as of a date only once the 30th has passed, and is found by any window it overlaps', async () => {
      const { talksId, parties } = await undatedTrack();
      const releaseId = await record(talksId, 'hostage-releases', hostageReleaseBody(parties[0], { occurredAt: '2025-11-25', occurredUntil: '2025-11-30', count: { best: 10 } }));
      const freedOn = async (asOf: string) => (await read(`${talksPath(talksId)}?asOf=${asOf}`).expect(200)).body.counts.hostagesFreed.best;
      expect(await freedOn('2025-11-29')).toBe(0);
      expect(await freedOn('2025-11-30T12:00:00Z')).toBe(0);
      expect(await freedOn('2025-11-30')).toBe(10); // a date means the end of that day
      expect((await read(`/v1/timeline?talksId=${talksId}&asOf=2025-11-29`).expect(200)).body.items.map((i: { type: string }) => i.type)).toEqual(['TalksOpened']);

      const window = async (query: string) => (await read(`/v1/timeline?talksId=${talksId}&${query}`).expect(200)).body.items.map((i: { eventId: string }) => i.eventId);
      expect(await window('from=2025-11-28')).toEqual([releaseId]);
      expect(await window('from=2025-11-20&to=2025-11-25')).toEqual([releaseId]);
      expect(await window('to=2025-11-24')).toEqual([]);
      expect(await window('from=2025-12-01')).toEqual([]);

      const [item] = (await read(`/v1/timeline?talksId=${talksId}&type=HostagesReleased`).expect(200)).body.items;
      expect(item).toMatchObject({ occurredAt: '2025-11-25', occurredUntil: '2025-11-30', precision: 'day' });
    });

    it('exports the range: occurredUntil in the timeline CSV, earliest–latest over it in the dataset', async () => {
      const { talksId, parties } = await undatedTrack();
      await record(talksId, 'hostage-releases', hostageReleaseBody(parties[0], { occurredAt: '2025-11-25', occurredUntil: '2025-11-30' }));
      const csv = (await read(`/v1/timeline?talksId=${talksId}&type=HostagesReleased`).set('accept', 'text/csv').expect(200)).text.trim().split('\n');
      const [header, row] = [csvCells(csv[0]), csvCells(csv[1])];
      expect(row[header.indexOf('occurredUntil')]).toBe('2025-11-30');

      const dataset = (await read(`/v1/timeline?talksId=${talksId}&shape=claims`).set('accept', 'application/x-ndjson').expect(200)).text.trim().split('\n').map((line) => JSON.parse(line));
      expect(dataset.find((r) => r.type === 'HostagesReleased')).toMatchObject({ earliest: '2025-11-25', latest: '2025-11-30', occurredUntil: '2025-11-30', timePrecisionCode: 2 });
      // The undated opening exports with empty date cells, not a made-up date.
      expect(dataset.find((r) => r.type === 'TalksOpened')).toMatchObject({ occurredAt: null, timePrecision: null, timePrecisionCode: null, earliest: null, latest: null, confidence: null });
    });

    it('moves in time when a correction clears occurredUntil; knownAt still shows the range', async () => {
      const { talksId, parties } = await undatedTrack();
      const releaseId = await record(talksId, 'hostage-releases', hostageReleaseBody(parties[0], { occurredAt: '2025-11-25', occurredUntil: '2025-11-30', count: { best: 4 } }));
      const before = new Date().toISOString();
      expect((await post(`${talksPath(talksId)}/claims/${releaseId}/corrections`, correctionBody({ occurredUntil: null }))).status).toBe(201);

      const freedOn = async (query: string) => (await read(`${talksPath(talksId)}?${query}`).expect(200)).body.counts.hostagesFreed.best;
      expect(await freedOn('asOf=2025-11-26')).toBe(4);
      expect(await freedOn(`asOf=2025-11-26&knownAt=${before}`)).toBe(0);
      const [item] = (await read(`/v1/timeline?talksId=${talksId}&type=HostagesReleased`).expect(200)).body.items;
      expect(item).toMatchObject({ occurredUntil: null, corrected: 1 });
    });
  });

  describe('week precision and ranged swaps', () => {
    it('records a visit in the week of a date, sorted from its Monday and counted from it', async () => {
      const { talksId, envoy } = await undatedTrack();
      await record(talksId, 'envoy-visits', envoyVisitBody(envoy, { occurredAt: '2025-11-20', precision: 'week' }));
      await record(talksId, 'envoy-visits', envoyVisitBody(envoy, { occurredAt: '2025-11-18', precision: 'day', city: 'Moscow' }));
      const items = (await read(`/v1/timeline?talksId=${talksId}&type=EnvoyVisited`).expect(200)).body.items;
      expect(items.map((i: { occurredAt: string; precision: string }) => `${i.occurredAt}/${i.precision}`)).toEqual(['2025-11-20/week', '2025-11-18/day']);
      const visitsOn = async (asOf: string) => (await read(`${talksPath(talksId)}?asOf=${asOf}`).expect(200)).body.counts.visits;
      expect(await visitsOn('2025-11-16')).toBe(0);
      expect(await visitsOn('2025-11-17')).toBe(1);
      const dataset = (await read(`/v1/timeline?talksId=${talksId}&shape=claims&type=EnvoyVisited`).set('accept', 'application/x-ndjson').expect(200)).text.trim().split('\n').map((line) => JSON.parse(line));
      expect(dataset[0]).toMatchObject({ timePrecision: 'week', timePrecisionCode: 3, earliest: '2025-11-17', latest: '2025-11-23' });
    });

    it('lists the people of a swap freed over several days with the range', async () => {
      const { talksId, parties } = await undatedTrack();
      await record(talksId, 'prisoner-swaps', prisonerSwapBody(uniqueSlug('swap'), parties[0], [], { occurredAt: '2025-11-03', occurredUntil: '2025-11-05' }));
      const releases = (await read(`/v1/releases?talksId=${talksId}`).expect(200)).body.items;
      expect(releases).toEqual([expect.objectContaining({ person: 'Marc Fogel', occurredAt: '2025-11-03', occurredUntil: '2025-11-05' })]);
    });
  });
});
