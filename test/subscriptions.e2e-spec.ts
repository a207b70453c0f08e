import { EVENT_STORE, EventStore } from '@parley/event-store';
import { randomUUID } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { SseConnections } from '../apps/api/src/subscriptions/sse-connections.service';
import { actorBody, meetingBody, openTalksBody, prisonerSwapBody, reasonBody } from './support/bodies';
import { expectProblem, openTrack, recordClaim, registerActors, talksPath } from './support/api';
import { uniqueSlug } from './support/ids';
import { parseSse, rawStream, Received, SseClient, until } from './support/sse-client';
import { startTestApp, TEST_ADMIN_KEY, TestApp } from './support/test-app';

/** Listens on an ephemeral loopback port (EventSource needs a real URL); answers the subscriptions' base URL. */
async function listen(app: TestApp): Promise<string> {
  await app.app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.http.address() as AddressInfo).port}/v1/subscriptions`;
}

/** Live subscriptions through a real EventSource against the listening server. */
describe('Live subscriptions (e2e)', () => {
  let app: TestApp;
  let base: string;
  const clients: SseClient[] = [];

  const subscribe = (path: string, options: ConstructorParameters<typeof SseClient>[2] = {}): SseClient => {
    const client = new SseClient(`${base}${path}`, TEST_ADMIN_KEY, options);
    clients.push(client);
    return client;
  };
  const headPosition = (): Promise<bigint> => app.app.get<EventStore>(EVENT_STORE).headPosition();
  const positions = (received: readonly Received[]): string[] => received.map((message) => message.id);
  const increasing = (ids: readonly string[]): boolean => ids.every((id, index) => index === 0 || BigInt(ids[index - 1]) < BigInt(id));

  beforeAll(async () => {
    // One key opens hundreds of subscribers here: more than a key may hold by default.
    app = await startTestApp({ PARLEY_SSE_HEARTBEAT_MS: '100', PARLEY_SSE_RETRY_MS: '300', PARLEY_SSE_MAX_STREAMS_PER_KEY: '1000' });
    base = await listen(app);
  });

  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });

  afterAll(async () => {
    await app.close();
  });

  describe('GET /v1/subscriptions/events', () => {
    it('delivers each event as it is recorded, with the history endpoint’s JSON, id = position and event = type', async () => {
      const client = subscribe('/events');
      await client.ready();
      const start = client.received[0];
      expect(start).toEqual({ event: 'ready', id: (await headPosition()).toString(), data: { position: start.id } });

      const { talksId } = await openTrack(app);
      await until(() => client.events.length === 3, 'three events');
      const { body } = await app.api.get(`/v1/events?after=${start.id}`).expect(200);
      expect(client.events).toEqual(body.events.map((event: { position: string; type: string }) => ({ event: event.type, id: event.position, data: event })));
      expect(client.events.map((message) => message.event)).toEqual(['ActorRegistered', 'ActorRegistered', 'TalksOpened']);
      expect(client.events[2].data).toMatchObject({ streamId: `talks-${talksId}`, revision: 0, metadata: { recordedBy: 'admin' } });
    });

    it('resumes after a dropped connection from Last-Event-ID: what was written in the gap arrives, nothing twice', async () => {
      const [actor] = await registerActors(app, 'resumed');
      const before = await headPosition();
      // `from` stays in the URL on every reconnect; the Last-Event-ID header must win over it.
      const client = subscribe(`/events?actor=${actor}&from=0`);
      await until(() => client.events.length === 1, 'the registration');
      expect(client.events[0].id).toBe(before.toString());

      app.http.closeAllConnections();
      await until(() => client.errors.length > 0, 'the connection to drop');
      for (const title of ['one', 'two', 'three']) {
        await app.api.patch(`/v1/actors/${actor}`).send({ title }).expect(201);
      }
      await until(() => client.events.length === 4, 'the updates made in the gap');
      await app.api.patch(`/v1/actors/${actor}`).send({ title: 'four' }).expect(201);
      await until(() => client.events.length === 5, 'a live update after the reconnect');

      expect(client.requests).toEqual([null, before.toString()]);
      expect(client.events.map((message) => message.data.data.changes?.title ?? null)).toEqual([null, 'one', 'two', 'three', 'four']);
      expect(increasing(positions(client.events))).toBe(true);
    });

    it('filters by track (exactly that one), by type (repeatable) and by actor named', async () => {
      const [a, b, x, c] = await registerActors(app, 'a', 'b', 'x', 'c');
      const from = (await headPosition()).toString();
      const t1 = uniqueSlug('filtered');
      const t2 = `${t1}-b`; // its stream id starts with t1's: a prefix is not a match
      const byTrack = subscribe(`/events?from=${from}&talksId=${t1}`);
      const byType = subscribe(`/events?from=${from}&type=MeetingHeld&type=ActorUpdated`);
      const byActor = subscribe(`/events?from=${from}&actor=${x}`);

      await app.api.post('/v1/talks').send(openTalksBody(t1, [a, b])).expect(201);
      await app.api.post('/v1/talks').send(openTalksBody(t2, [x, c])).expect(201);
      await recordClaim(app, t1, 'meetings', meetingBody(uniqueSlug('m'), [a, b]));
      await recordClaim(app, t2, 'meetings', meetingBody(uniqueSlug('m'), [x, c]));
      await app.api.patch(`/v1/actors/${x}`).send({ title: 'Envoy' }).expect(201);
      await app.api.patch(`/v1/actors/${a}`).send({ title: 'Envoy' }).expect(201);

      const summary = (client: SseClient) => client.events.map((message) => `${message.event} ${message.data.streamId}`);
      await until(() => byTrack.events.length >= 2 && byType.events.length >= 4 && byActor.events.length >= 3, 'the filtered events');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(summary(byTrack)).toEqual([`TalksOpened talks-${t1}`, `MeetingHeld talks-${t1}`]);
      expect(summary(byType)).toEqual([`MeetingHeld talks-${t1}`, `MeetingHeld talks-${t2}`, `ActorUpdated actor-${x}`, `ActorUpdated actor-${a}`]);
      expect(summary(byActor)).toEqual([`TalksOpened talks-${t2}`, `MeetingHeld talks-${t2}`, `ActorUpdated actor-${x}`]);
    });

    it('200 concurrent subscribers each receive every event, in order', async () => {
      const talksId = uniqueSlug('crowded');
      const crowd = Array.from({ length: 200 }, () => subscribe(`/events?talksId=${talksId}`, { events: ['ready', 'TalksOpened', 'MeetingHeld'] }));
      await Promise.all(crowd.map((client) => client.ready()));
      const [a, b] = await registerActors(app, 'a', 'b');
      const written = [(await app.api.post('/v1/talks').send(openTalksBody(talksId, [a, b])).expect(201)).body.position as string];
      for (let meeting = 0; meeting < 4; meeting++) {
        const { body } = await app.api.post(`/v1/talks/${talksId}/meetings`).send(meetingBody(uniqueSlug('m'), [a, b])).expect(201);
        written.push(body.position);
      }
      await until(
        () => crowd.every((client) => client.events.length === written.length),
        'every subscriber to get every event',
        () => crowd.reduce((received, client) => received + client.events.length, 0),
      );
      for (const client of crowd) expect(positions(client.events)).toEqual(written);
    });

    it('one write reaches each of 250 subscribers on one server whose filter takes it, and no other', async () => {
      const [a, b] = await registerActors(app, 'a', 'b');
      const talksId = uniqueSlug('fanned');
      await app.api.post('/v1/talks').send(openTalksBody(talksId, [a, b])).expect(201);
      const paths = [`/events`, `/events?talksId=${talksId}`, `/events?type=MeetingHeld`, `/events?actor=${a}`, `/events?talksId=${talksId}-other`];
      const crowd = Array.from({ length: 250 }, (_, i) => ({ path: paths[i % paths.length], client: subscribe(paths[i % paths.length]) }));
      await Promise.all(crowd.map(({ client }) => client.ready()));
      const { body } = await app.api.post(`/v1/talks/${talksId}/meetings`).send(meetingBody(uniqueSlug('m'), [a, b])).expect(201);
      const takers = crowd.filter(({ path }) => !path.endsWith('-other'));
      const delivered = () => takers.filter(({ client }) => client.events.length === 1).length;
      await until(() => delivered() === takers.length, 'every subscriber whose filter takes it to get the meeting', delivered);
      // Written after the meeting, on another stream: once it has reached the unfiltered, the meeting has reached everyone it will.
      const [late] = await registerActors(app, 'late');
      await until(() => crowd.filter(({ path }) => path === '/events').every(({ client }) => client.events.length === 2), 'the later write');
      for (const { path, client } of crowd) {
        const meetings = client.events.filter((message) => message.event === 'MeetingHeld');
        expect(meetings.map((message) => message.id)).toEqual(path.endsWith('-other') ? [] : [body.position]);
      }
      expect(crowd.every(({ path, client }) => path === '/events' || client.events.every((message) => message.data.streamId !== `actor-${late}`))).toBe(true);
    });

    it('sends heartbeat comments and the retry advice, with the headers proxies need', async () => {
      const response = await rawStream(`${base}/events`, TEST_ADMIN_KEY);
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      await until(() => text.includes(': keep-alive'), 'a heartbeat');
      response.destroy();
      expect(response.headers).toMatchObject({
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        'x-accel-buffering': 'no',
        connection: 'keep-alive',
        'x-content-type-options': 'nosniff',
      });
      expect(text.startsWith('retry: 300\n\n')).toBe(true);
    });
  });

  describe('GET /v1/subscriptions/talks', () => {
    it('sends a snapshot, then each status change as the projection applies it; a resume sends only what changed', async () => {
      const { talksId, parties } = await openTrack(app);
      const other = await openTrack(app);
      const opened = await headPosition();
      await app.api.get(`/v1/talks/${talksId}`).set('x-min-position', opened.toString()).expect(200);

      const one = subscribe(`/talks?talksId=${talksId}`);
      const all = subscribe('/talks');
      await Promise.all([one.ready(), all.ready()]);
      expect(one.received[0]).toMatchObject({ event: 'snapshot', id: opened.toString(), data: { position: opened.toString() } });
      expect(one.received[0].data.tracks).toEqual([expect.objectContaining({ talksId, lifecycle: 'open', counts: expect.objectContaining({ meetings: 0 }) })]);
      expect(all.received[0].data.tracks.map((track: { talksId: string }) => track.talksId)).toEqual(expect.arrayContaining([talksId, other.talksId]));

      await recordClaim(app, talksId, 'meetings', meetingBody(uniqueSlug('m'), parties));
      const met = (await headPosition()).toString();
      await until(() => one.count('status') === 1 && all.count('status') === 1, 'the status change');
      for (const client of [one, all]) {
        expect(client.received[1]).toMatchObject({ event: 'status', id: met, data: { talksId, lifecycle: 'active', counts: { meetings: 1 }, position: met } });
      }

      all.close();
      await recordClaim(app, talksId, 'meetings', meetingBody(uniqueSlug('m'), parties));
      await app.api.get(`/v1/talks/${talksId}`).set('x-min-position', (await headPosition()).toString()).expect(200);
      const resumed = subscribe('/talks', { lastEventId: met });
      await resumed.ready();
      const snapshot = resumed.received[0];
      expect(snapshot.data).toMatchObject({ since: met, tracks: [{ talksId, counts: { meetings: 2 } }] });
      expect(BigInt(snapshot.id)).toBeGreaterThan(BigInt(met));
    });
    it('a link recorded in one track sends the status of every track it recounts, on its own subscription, on all, and on a resume', async () => {
      const [a, b] = [await openTrack(app), await openTrack(app)];
      const swap = (track: { talksId: string; parties: string[] }) => recordClaim(app, track.talksId, 'prisoner-swaps', prisonerSwapBody(uniqueSlug('swap'), track.parties[0]));
      const [a1, a2, b1] = [await swap(a), await swap(a), await swap(b)];
      const linkInB = (sameAs: string) =>
        app.api.post(`${talksPath(b.talksId)}/claims/${b1}/same-as`).send({ sameAs, sameAsTalksId: a.talksId, ...reasonBody('One exchange', '2025-02-11') }).expect(201);
      await linkInB(a1);
      await app.api.get(`/v1/talks/${a.talksId}`).set('x-min-position', (await headPosition()).toString()).expect(200);

      const one = subscribe(`/talks?talksId=${a.talksId}`);
      const all = subscribe('/talks');
      await Promise.all([one.ready(), all.ready()]);
      expect(one.received[0].data.tracks).toEqual([expect.objectContaining({ talksId: a.talksId, counts: expect.objectContaining({ swaps: 2 }) })]);

      // Recorded in b, this link makes a's two reports one incident: a's stream has not moved, its counts have.
      const before = (await headPosition()).toString();
      const linked = (await linkInB(a2)).body.position as string;
      const aCountsOnce = (client: SseClient) => client.received.some((message) => message.event === 'status' && message.data.talksId === a.talksId && message.data.counts.swaps === 1);
      await until(() => aCountsOnce(one) && aCountsOnce(all), 'the status of the track the link recounted');
      for (const client of [one, all]) {
        expect(client.received.find((message) => message.event === 'status' && message.data.talksId === a.talksId)).toMatchObject({ id: linked, data: { counts: { swaps: 1 } } });
      }
      await until(() => all.received.some((message) => message.event === 'status' && message.data.talksId === b.talksId), 'the status of the track that recorded it');
      expect(all.received.find((message) => message.event === 'status' && message.data.talksId === b.talksId)).toMatchObject({ id: linked, data: { counts: { swaps: 1 } } });
      expect(one.received.every((message) => message.event !== 'status' || message.data.talksId === a.talksId)).toBe(true);
      // The track whose event it is first, then those it recounted, at the link's id.
      const statuses = all.received.filter((message) => message.event === 'status' && message.id === linked).map((message) => message.data.talksId);
      expect(statuses).toEqual([b.talksId, a.talksId]);

      // A client that missed the link resumes: both tracks are in its snapshot.
      const resumed = subscribe('/talks', { lastEventId: before });
      await resumed.ready();
      expect(resumed.received[0].data.tracks).toEqual(
        expect.arrayContaining([expect.objectContaining({ talksId: a.talksId, counts: expect.objectContaining({ swaps: 1 }) }), expect.objectContaining({ talksId: b.talksId })]),
      );
    });
  });

  describe('refusals, before any stream starts', () => {
    it('400 for bad filters, positions and Last-Event-ID', async () => {
      for (const query of ['talksId=Not_A_Slug', 'type=', 'type=a%20b', 'actor=x%20y', 'from=-1', 'from=abc', 'since=1']) {
        expectProblem(await app.api.get(`/v1/subscriptions/events?${query}`), 400, 'REQUEST.INVALID');
      }
      expectProblem(await app.api.get('/v1/subscriptions/talks?talksId=NO'), 400, 'REQUEST.INVALID');
      expectProblem(await app.api.get('/v1/subscriptions/talks').set('last-event-id', 'abc'), 400, 'REQUEST.INVALID', 'Last-Event-ID');
      expectProblem(await app.api.get('/v1/subscriptions/events').set('last-event-id', '-5'), 400, 'REQUEST.INVALID', 'Last-Event-ID');
    });

    it('401 without a key', async () => {
      for (const path of ['/v1/subscriptions/events', '/v1/subscriptions/talks']) expectProblem(await app.anonymous().get(path), 401, 'AUTH.REQUIRED');
    });
  });
});

describe('A live subscriber that stops reading (e2e)', () => {
  const MAX_QUEUE = 8;
  let app: TestApp;
  let base: string;
  const clients: SseClient[] = [];

  const subscribe = (path: string, options: ConstructorParameters<typeof SseClient>[2] = {}): SseClient => {
    const client = new SseClient(`${base}${path}`, TEST_ADMIN_KEY, options);
    clients.push(client);
    return client;
  };
  const positions = (received: readonly Received[]): string[] => received.map((message) => message.id);

  beforeAll(async () => {
    app = await startTestApp({ PARLEY_SSE_MAX_QUEUE: String(MAX_QUEUE) });
    base = await listen(app);
  });

  afterAll(async () => {
    for (const client of clients.splice(0)) client.close();
    await app.close();
  });

  it('cuts off a client that stops reading with a final reconnect event, while another carries on', async () => {
    const store = app.app.get<EventStore>(EVENT_STORE);
    const connections = app.app.get(SseConnections);
    const healthy = subscribe('/events', { events: ['ready', 'Padding', 'ActorRegistered'] });
    await healthy.ready();
    const slow = await rawStream(`${base}/events`, TEST_ADMIN_KEY);
    const chunks: Buffer[] = [];
    slow.on('data', (chunk: Buffer) => chunks.push(chunk));
    await until(() => Buffer.concat(chunks).includes('event: ready'), 'the slow client to start');
    slow.pause();

    // Large events fill the socket buffers of a client that does not read (a few MB on loopback).
    const open = connections.count;
    const padding = uniqueSlug('padding');
    let written = 0;
    while (connections.count === open && written < 150) {
      await store.appendToStream(padding, [{ id: randomUUID(), type: 'Padding', data: { text: 'x'.repeat(100_000) } }]);
      written++;
      await until(() => healthy.count('Padding') === written, 'the healthy client to keep up');
    }
    expect(connections.count).toBe(open - 1);
    const [later] = await registerActors(app, 'later');
    await until(() => healthy.count('ActorRegistered') === 1, 'the healthy client to carry on');
    expect(healthy.events.at(-1)?.data.streamId).toBe(`actor-${later}`);

    slow.resume();
    await new Promise((resolve) => slow.on('end', resolve));
    const messages = parseSse(Buffer.concat(chunks).toString()).filter((message) => message.event !== undefined);
    const delivered = messages.filter((message) => message.event === 'Padding');
    const last = messages.at(-1)!;
    expect(last.event).toBe('reconnect');
    expect(JSON.parse(last.data!)).toEqual({ lastEventId: delivered.at(-1)!.id });
    // What it was sent is a prefix of what was recorded: cut short, never with a gap.
    expect(delivered.map((message) => message.id)).toEqual(positions(healthy.events).slice(0, delivered.length));
    expect(delivered.length).toBeLessThan(written);

    const resumed = subscribe('/events', { lastEventId: delivered.at(-1)!.id, events: ['Padding', 'ActorRegistered'] });
    await until(() => resumed.events.length === healthy.events.length - delivered.length, 'the rest after reconnecting');
    expect(positions(resumed.events)).toEqual(positions(healthy.events).slice(delivered.length));
  });
});

describe('Live subscriptions at shutdown (e2e)', () => {
  it('ends every open stream cleanly when the app closes', async () => {
    const app = await startTestApp();
    const base = await listen(app);
    const streams = await Promise.all([rawStream(`${base}/events`, TEST_ADMIN_KEY), rawStream(`${base}/talks`, TEST_ADMIN_KEY)]);
    const ended = streams.map((stream) => new Promise<boolean>((resolve) => stream.on('end', () => resolve(stream.complete)).resume()));
    await app.api.post('/v1/actors').send(actorBody(uniqueSlug('last'))).expect(201);
    await app.close();
    expect(await Promise.all(ended)).toEqual([true, true]);
  });
});
