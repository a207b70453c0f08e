import { SEED_STORY } from '../scripts/demo/seed-story';
import { envoyVisitBody, meetingBody, reasonBody, scheduledMeetingBody } from './support/bodies';
import { openTrack, recordClaim, registerActors } from './support/api';
import { uniqueSlug } from './support/ids';
import { waitWhileProgressing } from './support/progress/wait-while-progressing';
import { startTestApp, TestApp } from './support/test-app';

/** The read side through HTTP: status, timeline and its exports, releases, activity, time travel, read-your-writes. */
describe('Read models (e2e)', () => {
  let app: TestApp;
  let seeded: string;

  /** Every read passes the position of the last write, so it never races the projections. */
  const read = (path: string) => app.api.get(path).set('x-min-position', seeded);

  beforeAll(async () => {
    app = await startTestApp({ PARLEY_READ_WAIT_MS: '300' });
    const recorded = new Map<string, string>();
    for (const step of SEED_STORY) {
      const path = typeof step.path === 'string' ? step.path : step.path(recorded);
      const response = await app.api[step.method === 'POST' ? 'post' : 'patch'](path).send(step.body).expect(201);
      recorded.set(step.key, response.body.events[0].id);
      seeded = response.body.position;
    }
  });

  afterAll(async () => {
    await app.close();
  });

  describe('GET /v1/talks/:id', () => {
    it('shows each seed track’s status and counts', async () => {
      const gaza = await read('/v1/talks/israel-hamas-hostages').expect(200);
      expect(gaza.body).toMatchObject({
        talksId: 'israel-hamas-hostages',
        lifecycle: 'active',
        parties: ['isr', 'hamas'],
        mediators: ['usa', 'qat', 'egy'],
        counts: { visits: 2, meetings: 0, hostagesFreed: { best: 33 }, prisonersFreed: { best: 1900, low: 1800, high: 2000 } },
        // Its endsAt (1 March 2025) has passed: ended, though no one recorded an end.
        ceasefire: { status: 'ended', ceasefireId: 'gaza-2025-phase-1' },
      });
      const russia = await read('/v1/talks/us-russia-ukraine').expect(200);
      expect(russia.body).toMatchObject({ lifecycle: 'active', counts: { meetings: 4, visits: 2, swaps: 1, prisonersFreed: { best: 1 } } });
      expect(russia.body.ceasefire.status).toBe('none');
    });

    it('asOf: the ceasefire was agreed before it took effect, in effect after, ended after it expired', async () => {
      const statusOn = async (date: string) => (await read(`/v1/talks/israel-hamas-hostages?asOf=${date}`).expect(200)).body;
      expect((await statusOn('2025-01-16')).ceasefire.status).toBe('agreed');
      expect((await statusOn('2025-01-19')).ceasefire.status).toBe('in_effect');
      expect((await statusOn('2025-03-02')).ceasefire.status).toBe('ended');
      expect((await statusOn('2025-01-16')).counts.hostagesFreed.best).toBe(0);
    });

    it('asOf: the meeting announced as likely is the next one on that day, not before it was announced', async () => {
      const announced = await read('/v1/talks/us-russia-ukraine?asOf=2025-04-11').expect(200);
      expect(announced.body.nextMeeting).toMatchObject({ meetingId: 'witkoff-putin-3', expectedAt: '2025-04-11' });
      expect(announced.body.counts.meetings).toBe(4);
      const dayBefore = await read('/v1/talks/us-russia-ukraine?asOf=2025-04-10').expect(200);
      expect(dayBefore.body.nextMeeting).toBeNull();
      expect(dayBefore.body.counts.meetings).toBe(3);
    });

    it('asOf before a track was opened is a 404; a bad date a 400', async () => {
      await read('/v1/talks/israel-hamas-hostages?asOf=2024-06-01').expect(404).expect(/TALKS.NOT_OPENED/);
      await read('/v1/talks/israel-hamas-hostages?asOf=2025-02-30').expect(400);
      await read('/v1/talks/israel-hamas-hostages?asOf=yesterday').expect(400);
    });

    it('404 for an unknown track, 400 for a bad id', async () => {
      await read(`/v1/talks/${uniqueSlug('nowhere')}`).expect(404).expect(/TALKS.NOT_OPENED/);
      await read('/v1/talks/Not_A_Slug').expect(400);
    });

    it('knownAt: what had been recorded by then — before a correction, the claim as first recorded', async () => {
      const [envoy, host] = await registerActors(app, 'envoy', 'host');
      const { talksId } = await openTrack(app);
      const visitId = await recordClaim(app, talksId, 'envoy-visits', envoyVisitBody(envoy, { hostCountry: 'RUS' }));
      await new Promise((resolve) => setTimeout(resolve, 20));
      const beforeCorrection = new Date().toISOString();
      await new Promise((resolve) => setTimeout(resolve, 20));
      const correction = await app.api
        .post(`/v1/talks/${talksId}/claims/${visitId}/corrections`)
        .send({ changes: { hostCountry: 'QAT' }, ...reasonBody('It was Doha', '2025-04-12') })
        .expect(201);
      void host;
      const now = (await app.api.get(`/v1/timeline?talksId=${talksId}&minPosition=${correction.body.position}`).expect(200)).body;
      expect(now.items.find((item: { type: string }) => item.type === 'EnvoyVisited').countries).toEqual(['QAT']);

      const then = (await app.api.get(`/v1/timeline?talksId=${talksId}&knownAt=${beforeCorrection}`).expect(200)).body;
      expect(then.items.find((item: { type: string }) => item.type === 'EnvoyVisited')).toMatchObject({ countries: ['RUS'], corrected: 0 });
      const status = (await app.api.get(`/v1/talks/${talksId}?knownAt=${beforeCorrection}`).expect(200)).body;
      expect(status.counts.visits).toBe(1);
    });
  });

  describe('GET /v1/talks', () => {
    it('lists every track and filters by status, ceasefire, party and mediator', async () => {
      const all = (await read('/v1/talks').expect(200)).body.map((track: { talksId: string }) => track.talksId);
      expect(all).toEqual(expect.arrayContaining(['israel-hamas-hostages', 'us-russia-ukraine']));
      const ids = async (query: string) => (await read(`/v1/talks?${query}`).expect(200)).body.map((track: { talksId: string }) => track.talksId);
      expect(await ids('mediator=qat')).toEqual(['israel-hamas-hostages']);
      expect(await ids('party=rus')).toEqual(['us-russia-ukraine']);
      expect(await ids('ceasefire=ended')).toEqual(['israel-hamas-hostages']);
      expect(await ids('status=concluded&party=rus')).toEqual([]);
    });

    it('400 for an unknown status or a bad filter', async () => {
      await read('/v1/talks?status=paused').expect(400).expect(/REQUEST.INVALID/);
      await read('/v1/talks?party=NOT%20A%20SLUG').expect(400);
      await read('/v1/talks?colour=blue').expect(400);
    });
  });

  describe('GET /v1/timeline', () => {
    it('pages every live claim in date order with a cursor', async () => {
      const first = (await read('/v1/timeline?talksId=us-russia-ukraine&limit=4').expect(200)).body;
      expect(first.items).toHaveLength(4);
      const second = (await read(`/v1/timeline?talksId=us-russia-ukraine&limit=4&cursor=${first.nextCursor}`).expect(200)).body;
      const third = (await read(`/v1/timeline?talksId=us-russia-ukraine&limit=4&cursor=${second.nextCursor}`).expect(200)).body;
      expect(third.nextCursor).toBeNull();
      const items = [...first.items, ...second.items, ...third.items];
      // Ten events, one of them a correction merged into the claim it corrects.
      expect(items).toHaveLength(9);
      expect(new Set(items.map((item: { eventId: string }) => item.eventId)).size).toBe(9);
      const visit = items.find((item: { type: string; occurredAt: string }) => item.type === 'EnvoyVisited' && item.occurredAt === '2025-04-11');
      expect(visit).toMatchObject({ confidence: 'confirmed', corrected: 1, cameo: '042', plover: 'CONSULT' });
    });

    it('filters by actor, country, type, dates and confidence', async () => {
      const types = async (query: string) => (await read(`/v1/timeline?${query}`).expect(200)).body.items.map((item: { type: string }) => item.type);
      expect(await types('actor=kirill-dmitriev')).toEqual(['PrisonerSwapped', 'MeetingHeld', 'MeetingHeld']);
      // Qatar hosted the visit, and mediates the track and its truce (an actor registered in Qatar).
      expect(await types('talksId=israel-hamas-hostages&country=qat')).toEqual(['TalksOpened', 'EnvoyVisited', 'CeasefireBrokered']);
      expect(await types('talksId=israel-hamas-hostages&placeCountry=qat')).toEqual(['EnvoyVisited']);
      expect(await types('type=CeasefireBrokered&type=HostagesReleased')).toEqual(['CeasefireBrokered', 'HostagesReleased']);
      expect(await types('talksId=us-russia-ukraine&from=2025-04-11&to=2025-04-11')).toEqual(['EnvoyVisited', 'MeetingHeld', 'MeetingScheduled']);
      expect(await types('minConfidence=confirmed')).toEqual(['EnvoyVisited']);
    });

    it('exports the whole filtered timeline as CSV with its codebooks', async () => {
      const response = await read('/v1/timeline?talksId=israel-hamas-hostages&limit=2').set('accept', 'text/csv').expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/csv/);
      const lines = response.text.trim().split('\n');
      expect(lines[0]).toMatch(/^eventId,talksId,type,occurredAt,precision,confidence,summary,actors,countries,cameo,cameoCodebook,plover,ploverCodebook/);
      expect(lines).toHaveLength(1 + 5);
      expect(lines.find((line) => line.includes('CeasefireBrokered'))).toMatch(/,0871,CAMEO 1\.1b3,CONCEDE,PLOVER 2\.0-draft@5e0c24f,/);
    });

    it('exports JSON Lines, one claim a line', async () => {
      const response = await read('/v1/timeline?talksId=israel-hamas-hostages').set('accept', 'application/x-ndjson').expect(200);
      expect(response.headers['content-type']).toMatch(/^application\/x-ndjson/);
      const items = response.text.trim().split('\n').map((line) => JSON.parse(line));
      expect(items.map((item) => item.type)).toEqual(['TalksOpened', 'EnvoyVisited', 'EnvoyVisited', 'CeasefireBrokered', 'HostagesReleased']);
      expect(items[0].codebooks).toEqual({ cameo: 'CAMEO 1.1b3', plover: 'PLOVER 2.0-draft@5e0c24f' });
    });

    it('asOf caps the timeline at a date', async () => {
      const items = (await read('/v1/timeline?talksId=israel-hamas-hostages&asOf=2025-01-16').expect(200)).body.items;
      expect(items.map((item: { type: string }) => item.type)).toEqual(['TalksOpened', 'EnvoyVisited', 'EnvoyVisited', 'CeasefireBrokered']);
    });

    it('400 for bad filters and a forged cursor', async () => {
      await read('/v1/timeline?type=Gossip').expect(400);
      await read('/v1/timeline?minConfidence=certain').expect(400);
      await read('/v1/timeline?from=soon').expect(400);
      await read('/v1/timeline?limit=0').expect(400);
      await read('/v1/timeline?country=XX').expect(400);
      const forged = await read('/v1/timeline?cursor=not-a-cursor').expect(400);
      expect(forged.body.errors).toEqual([{ field: 'cursor', message: expect.any(String) }]);
    });
  });

  describe('GET /v1/releases and GET /v1/actors/:id/activity', () => {
    it('lists every person freed', async () => {
      const { items } = (await read('/v1/releases?nationality=usa').expect(200)).body;
      expect(items).toContainEqual(
        expect.objectContaining({ person: 'Marc Fogel', nationality: 'USA', releasedBy: 'rus', talksId: 'us-russia-ukraine', occurredAt: '2025-02-11' }),
      );
      await read('/v1/releases?kind=dissident').expect(400);
    });

    it('shows an envoy’s visits, meetings, counterparts, countries, deals and principal', async () => {
      const { body } = await read('/v1/actors/steve-witkoff/activity').expect(200);
      expect(body).toMatchObject({ actorId: 'steve-witkoff', represents: 'donald-trump', meetings: 4, visits: { count: 4 } });
      expect(body.counterparts).toEqual(
        expect.arrayContaining([
          { actorId: 'vladimir-putin', meetings: 2 },
          { actorId: 'kirill-dmitriev', meetings: 2 },
        ]),
      );
      expect(body.countries).toEqual(expect.arrayContaining(['RUS', 'USA', 'ISR', 'QAT']));
      expect(body.dealsMediated.map((deal: { type: string }) => deal.type)).toEqual(['PrisonerSwapped']);
      await read(`/v1/actors/${uniqueSlug('nobody')}/activity`).expect(404);
    });
  });

  describe('GET /v1/events', () => {
    it('pages the global feed by position, filtered by type and stream prefix', async () => {
      const first = (await read('/v1/events?limit=5').expect(200)).body;
      expect(first.events).toHaveLength(5);
      const next = (await read(`/v1/events?limit=5&after=${first.nextAfter}`).expect(200)).body;
      const positions = [...first.events, ...next.events].map((event: { position: string }) => BigInt(event.position));
      expect(positions.every((position, index) => index === 0 || position > positions[index - 1])).toBe(true);
      const swaps = (await read('/v1/events?type=PrisonerSwapped&stream=talks-').expect(200)).body.events;
      expect(swaps.map((event: { streamId: string }) => event.streamId)).toEqual(['talks-us-russia-ukraine']);
      await read('/v1/events?after=-1').expect(400);
    });
  });

  describe('read-your-writes', () => {
    it('a read with minPosition sees the write that answered with it', async () => {
      const [a, b] = await registerActors(app, 'a', 'b');
      const { talksId } = await openTrack(app);
      const written = await app.api.post(`/v1/talks/${talksId}/meetings`).send(meetingBody(uniqueSlug('m'), [a, b])).expect(201);
      const status = await app.api.get(`/v1/talks/${talksId}?minPosition=${written.body.position}`).expect(200);
      expect(status.body.counts.meetings).toBe(1);
      expect(BigInt(status.body.position)).toBeGreaterThanOrEqual(BigInt(written.body.position));
    });

    it('503 with Retry-After and the position reached when the read models do not get there in time', async () => {
      const response = await app.api.get('/v1/talks?minPosition=999999999').expect(503);
      expect(response.headers['retry-after']).toBe('1');
      expect(response.body).toMatchObject({ code: 'READ_MODEL.BEHIND', minPosition: '999999999', position: expect.stringMatching(/^\d+$/) });
    });

    it('400 for a minPosition that is not a position', async () => {
      await app.api.get('/v1/talks?minPosition=soon').expect(400);
      await app.api.get('/v1/timeline').set('x-min-position', '-3').expect(400);
    });

    it('holds under a burst of writes: every read with its position sees its write', async () => {
      const [a, b] = await registerActors(app, 'burst-a', 'burst-b');
      const { talksId } = await openTrack(app);
      const writes = await Promise.all(
        Array.from({ length: 20 }, (_, index) =>
          app.api.post(`/v1/talks/${talksId}/scheduled-meetings`).send(scheduledMeetingBody(`m-${index}`, [a, b], { expectedAt: '2999-01-01' })),
        ),
      );
      expect(writes.every((write) => write.status === 201)).toBe(true);
      const reads = await Promise.all(
        writes.map((write) => app.api.get(`/v1/timeline?talksId=${talksId}&type=MeetingScheduled&limit=100&minPosition=${write.body.position}`)),
      );
      reads.forEach((response, index) => {
        expect(response.status).toBe(200);
        expect(response.body.items.map((item: { eventId: string }) => item.eventId)).toContain(writes[index].body.events[0].id);
      });
    });
  });

  describe('admin: projections', () => {
    it('lists each projection with version, checkpoint, lag and state', async () => {
      const { body } = await read('/v1/admin/projections').expect(200);
      expect(body.map((projection: { name: string }) => projection.name).sort()).toEqual(['actors', 'talks']);
      expect(body[0]).toMatchObject({ version: expect.any(Number), checkpoint: expect.stringMatching(/^\d+$/), lag: expect.any(String), state: expect.any(String) });
    });

    it('rebuilds without downtime: reads during the rebuild see the whole model, and after it the same', async () => {
      const before = (await read('/v1/timeline?limit=500').expect(200)).body.items.length;
      const started = await app.api.post('/v1/admin/projections/talks/rebuild').expect(202);
      expect(started.body.name).toBe('talks');
      const during = await Promise.all(Array.from({ length: 10 }, () => read('/v1/timeline?limit=500')));
      during.forEach((response) => expect(response.body.items.length).toBeGreaterThanOrEqual(before));
      let talks: { generation: number; state: string } | undefined;
      await waitWhileProgressing({
        what: 'the rebuild to finish',
        done: async () => {
          talks = (await read('/v1/admin/projections').expect(200)).body.find((projection: { name: string }) => projection.name === 'talks');
          return talks!.generation >= 2 && talks!.state !== 'rebuilding';
        },
        // The rebuild's status moves as it replays.
        progress: () => talks,
        pollMs: 20,
      });
      expect((await read('/v1/timeline?limit=500').expect(200)).body.items.length).toBe(before);
      await app.api.post('/v1/admin/projections/nothing/rebuild').expect(404).expect(/PROJECTION.NOT_FOUND/);
    });
  });
});
