import { actorBody } from './support/bodies';
import { historyTypes, JSON_TYPE, PROBLEM_TYPE, registerActors } from './support/api';
import { uniqueSlug } from './support/ids';
import { startTestApp, TestApp } from './support/test-app';

describe('Actors (e2e)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  describe('POST /v1/actors', () => {
    it('registers an actor: 201 with the stream, revision 0, its position, the event and an ETag', async () => {
      const id = uniqueSlug('steve-witkoff');
      const response = await app.api
        .post('/v1/actors')
        .send(actorBody(id, 'person', { country: 'usa', title: 'Special Envoy', aliases: ['Steven Witkoff'] }))
        .expect(201)
        .expect('content-type', JSON_TYPE)
        .expect('etag', '"0"')
        .expect('location', `/v1/actors/${id}`);

      expect(response.body).toEqual({
        streamId: `actor-${id}`,
        revision: 0,
        position: expect.stringMatching(/^\d+$/),
        events: [{ id: expect.any(String), type: 'ActorRegistered' }],
      });
    });

    it('stores the profile, with the country upper-cased, and metadata on the event', async () => {
      const id = uniqueSlug('kirill-dmitriev');
      await app.api.post('/v1/actors').set('x-correlation-id', 'corr-123').send(actorBody(id, 'person', { country: 'rus' })).expect(201);

      const { body } = await app.api.get(`/v1/actors/${id}/history`).expect(200);
      expect(body.events[0]).toMatchObject({
        type: 'ActorRegistered',
        revision: 0,
        data: { actorId: id, kind: 'person', country: 'RUS', aliases: [] },
        metadata: { correlationId: 'corr-123', recordedBy: 'admin', schemaVersion: 1, commandId: expect.any(String) },
      });
      expect(body.events[0].metadata.causationId).toBe(body.events[0].metadata.commandId);
      expect(new Date(body.events[0].recordedAt).toString()).not.toBe('Invalid Date');
    });

    it('409 ACTOR.ALREADY_REGISTERED for a second registration, and appends nothing', async () => {
      const [id] = await registerActors(app, 'dup');
      const response = await app.api.post('/v1/actors').send(actorBody(id)).expect(409).expect('content-type', PROBLEM_TYPE);
      expect(response.body).toMatchObject({ status: 409, code: 'ACTOR.ALREADY_REGISTERED', type: '/problems/ACTOR.ALREADY_REGISTERED' });
      expect(await historyTypes(app, `/v1/actors/${id}`)).toEqual(['ActorRegistered']);
    });

    it('400 with one error per field for a bad body, and records nothing', async () => {
      const response = await app.api
        .post('/v1/actors')
        .send({ id: 'Not A Slug', kind: 'alien', country: 'ZZZ', extra: true })
        .expect(400)
        .expect('content-type', PROBLEM_TYPE);
      expect(response.body.code).toBe('REQUEST.INVALID');
      const fields = (response.body.errors as Array<{ field: string }>).map((error) => error.field).sort();
      expect(fields).toEqual(['country', 'extra', 'id', 'kind', 'name']);
      expect(response.body.errors).toContainEqual({ field: 'name', message: 'is required' });
    });

    it('422 ACTOR.UNKNOWN when an envoy represents an actor nobody registered', async () => {
      const id = uniqueSlug('envoy');
      const response = await app.api
        .post('/v1/actors')
        .send(actorBody(id, 'person', { represents: uniqueSlug('ghost') }))
        .expect(422);
      expect(response.body).toMatchObject({ code: 'ACTOR.UNKNOWN', errors: [{ field: 'represents' }] });
      expect(await historyTypes(app, `/v1/actors/${id}`)).toEqual([]);
    });

    it('422 ACTOR.REPRESENTS_ITSELF', async () => {
      const id = uniqueSlug('self');
      await app.api.post('/v1/actors').send(actorBody(id, 'person', { represents: id })).expect(422, /ACTOR\.(REPRESENTS_ITSELF|UNKNOWN)/);
      expect(await historyTypes(app, `/v1/actors/${id}`)).toEqual([]);
    });
  });

  describe('GET /v1/actors/:id', () => {
    it('answers the profile with its revision as ETag', async () => {
      const [principal] = await registerActors(app, 'donald-trump');
      const id = uniqueSlug('envoy');
      await app.api.post('/v1/actors').send(actorBody(id, 'person', { represents: principal, title: 'Envoy' })).expect(201);
      const response = await app.api.get(`/v1/actors/${id}`).expect(200).expect('etag', '"0"');
      expect(response.body).toMatchObject({ actorId: id, kind: 'person', represents: principal, title: 'Envoy', aliases: [] });
    });

    it('404 ACTOR.NOT_FOUND for an unknown actor, 400 for an id that is not a slug', async () => {
      await app.api.get(`/v1/actors/${uniqueSlug('nobody')}`).expect(404).expect('content-type', PROBLEM_TYPE).expect(/ACTOR.NOT_FOUND/);
      await app.api.get('/v1/actors/NOT_A_SLUG').expect(400).expect(/REQUEST.INVALID/);
    });
  });

  describe('PATCH /v1/actors/:id', () => {
    it('changes the given fields, clears a field set to null, and bumps the ETag', async () => {
      const [id] = await registerActors(app, 'patched');
      await app.api.patch(`/v1/actors/${id}`).send({ title: 'Envoy', country: 'usa' }).expect(201).expect('etag', '"1"');
      await app.api
        .patch(`/v1/actors/${id}`)
        .set('content-type', 'application/merge-patch+json')
        .send(JSON.stringify({ title: null }))
        .expect(201)
        .expect('etag', '"2"');
      const { body } = await app.api.get(`/v1/actors/${id}`).expect(200);
      expect(body).toMatchObject({ country: 'USA' });
      expect(body).not.toHaveProperty('title');
    });

    it('200 and no event when nothing would change', async () => {
      const [id] = await registerActors(app, 'same');
      const response = await app.api.patch(`/v1/actors/${id}`).send({ kind: 'person' }).expect(200).expect('etag', '"0"');
      expect(response.body.events).toEqual([]);
      expect(await historyTypes(app, `/v1/actors/${id}`)).toEqual(['ActorRegistered']);
    });

    it('404 for an unregistered actor, 422 for an empty update, 400 for a null name; none appends', async () => {
      const ghost = uniqueSlug('ghost');
      await app.api.patch(`/v1/actors/${ghost}`).send({ title: 'x' }).expect(404).expect(/ACTOR.NOT_FOUND/);
      expect(await historyTypes(app, `/v1/actors/${ghost}`)).toEqual([]);

      const [id] = await registerActors(app, 'strict');
      await app.api.patch(`/v1/actors/${id}`).send({}).expect(422).expect(/ACTOR.EMPTY_UPDATE/);
      await app.api.patch(`/v1/actors/${id}`).send({ name: null }).expect(400).expect(/REQUEST.INVALID/);
      expect(await historyTypes(app, `/v1/actors/${id}`)).toEqual(['ActorRegistered']);
    });

    it('412 with a stale If-Match, 201 with the current one', async () => {
      const [id] = await registerActors(app, 'guarded');
      await app.api.patch(`/v1/actors/${id}`).set('if-match', '"0"').send({ title: 'First' }).expect(201).expect('etag', '"1"');
      const stale = await app.api.patch(`/v1/actors/${id}`).set('if-match', '"0"').send({ title: 'Second' }).expect(412);
      expect(stale.body).toMatchObject({ code: 'PRECONDITION.FAILED', currentRevision: 1 });
      expect(stale.headers.etag).toBe('"1"');
      expect(await historyTypes(app, `/v1/actors/${id}`)).toEqual(['ActorRegistered', 'ActorUpdated']);
    });
  });

  describe('GET /v1/actors/:id/history', () => {
    it('pages by fromRevision and limit', async () => {
      const [id] = await registerActors(app, 'paged');
      for (const title of ['a', 'b', 'c']) await app.api.patch(`/v1/actors/${id}`).send({ title }).expect(201);

      const first = await app.api.get(`/v1/actors/${id}/history?limit=2`).expect(200);
      expect(first.body.events.map((event: { revision: number }) => event.revision)).toEqual([0, 1]);
      expect(first.body.nextRevision).toBe(2);
      const second = await app.api.get(`/v1/actors/${id}/history?fromRevision=2&limit=2`).expect(200);
      expect(second.body.events.map((event: { revision: number }) => event.revision)).toEqual([2, 3]);
      expect(second.body.nextRevision).toBeNull();
      const positions = [...first.body.events, ...second.body.events].map((event: { position: string }) => BigInt(event.position));
      expect(positions).toEqual([...positions].sort((a, b) => (a < b ? -1 : 1)));
    });

    it('400 for a bad page, 404 for an unknown actor', async () => {
      const [id] = await registerActors(app, 'pages');
      await app.api.get(`/v1/actors/${id}/history?limit=0`).expect(400);
      await app.api.get(`/v1/actors/${id}/history?fromRevision=-1`).expect(400);
      await app.api.get(`/v1/actors/${id}/history?limit=abc`).expect(400);
      await app.api.get(`/v1/actors/${uniqueSlug('nobody')}/history`).expect(404);
    });
  });
});
