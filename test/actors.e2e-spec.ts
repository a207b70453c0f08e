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
        metadata: { correlationId: 'corr-123', recordedBy: 'admin', schemaVersion: 2, commandId: expect.any(String) },
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

  describe('GET /v1/actors', () => {
    /** Three actors whose names share a marker no other test uses; reads wait for the last registration. */
    const registerFamily = async () => {
      const marker = uniqueSlug('zq');
      const [witkoff, erdogan, turkey] = [uniqueSlug('witkoff'), uniqueSlug('erdogan'), uniqueSlug('turkey')];
      await app.api.post('/v1/actors').send({ id: witkoff, name: `Steve Witkoff ${marker}`, kind: 'person', country: 'USA', aliases: [`Steven W ${marker}`] }).expect(201);
      await app.api.post('/v1/actors').send({ id: erdogan, name: `Recep Erdoğan ${marker}`, kind: 'person', country: 'TUR' }).expect(201);
      const last = await app.api.post('/v1/actors').send({ id: turkey, name: `Republic ${marker}`, kind: 'state', country: 'TUR' }).expect(201);
      const list = (query: Record<string, string>) => app.api.get('/v1/actors').query(query).set('x-min-position', last.body.position);
      return { marker, witkoff, erdogan, turkey, list };
    };
    const ids = (body: { items: { actorId: string }[] }) => body.items.map((actor) => actor.actorId);

    it('finds actors whose name or alias contains the search, ignoring case and accents, by id', async () => {
      const { marker, witkoff, erdogan, turkey, list } = await registerFamily();
      expect(ids((await list({ q: marker }).expect(200).expect('content-type', JSON_TYPE)).body)).toEqual([erdogan, turkey, witkoff].sort());
      expect(ids((await list({ q: `ERDOGAN ${marker}` }).expect(200)).body)).toEqual([erdogan]);
      expect(ids((await list({ q: `steven w ${marker}` }).expect(200)).body)).toEqual([witkoff]);
      const { body } = await list({ q: `witkoff ${marker}` }).expect(200);
      expect(body).toEqual({ items: [expect.objectContaining({ actorId: witkoff, kind: 'person', country: 'USA', roles: [{}] })], nextCursor: null });
    });

    it('filters by kind and country, and pages by cursor', async () => {
      const { marker, erdogan, turkey, list } = await registerFamily();
      expect(ids((await list({ q: marker, kind: 'state' }).expect(200)).body)).toEqual([turkey]);
      expect(ids((await list({ q: marker, country: 'tur' }).expect(200)).body)).toEqual([erdogan, turkey].sort());
      const first = (await list({ q: marker, limit: '2' }).expect(200)).body;
      expect(first.items).toHaveLength(2);
      const second = (await list({ q: marker, limit: '2', cursor: first.nextCursor }).expect(200)).body;
      expect(second.nextCursor).toBeNull();
      expect([...ids(first), ...ids(second)]).toHaveLength(3);
      expect(new Set([...ids(first), ...ids(second)]).size).toBe(3);
    });

    it('400 for a cursor it did not give out, an unknown kind or country, an empty search or a page out of range', async () => {
      const { list } = await registerFamily();
      const response = await list({ cursor: 'bogus' }).expect(400).expect('content-type', PROBLEM_TYPE);
      expect(response.body).toMatchObject({ code: 'REQUEST.INVALID', errors: [{ field: 'cursor' }] });
      const invalid: Record<string, string>[] = [{ kind: 'planet' }, { country: 'ZZZ' }, { q: '' }, { limit: '0' }, { limit: '201' }, { asOf: '2025-02-30' }];
      for (const query of invalid) {
        await list(query).expect(400).expect(/REQUEST.INVALID/);
      }
    });
  });

  describe('roles from a date', () => {
    /** An envoy appointed on 20 January 2025, retitled in March. */
    const registerEnvoy = async () => {
      const [principal] = await registerActors(app, 'president');
      const id = uniqueSlug('envoy');
      await app.api
        .post('/v1/actors')
        .send(actorBody(id, 'person', { title: 'Special Envoy to the Middle East', represents: principal, validFrom: { at: '2025-01-20', precision: 'day' } }))
        .expect(201);
      const retitled = await app.api
        .patch(`/v1/actors/${id}`)
        .send({ title: 'Special Envoy for Peace Missions', validFrom: { at: '2025-03-01', precision: 'month' } })
        .expect(201);
      return { id, principal, position: retitled.body.position as string };
    };

    it('records the title with its validFrom, at schema version 2', async () => {
      const { id } = await registerEnvoy();
      const { body } = await app.api.get(`/v1/actors/${id}/history`).expect(200);
      expect(body.events[1]).toMatchObject({
        type: 'ActorUpdated',
        data: { changes: { title: 'Special Envoy for Peace Missions' }, validFrom: { at: '2025-03-01', precision: 'month' } },
        metadata: { schemaVersion: 2 },
      });
    });

    it('shows the current role and every role held, and with asOf the role held then', async () => {
      const { id, principal } = await registerEnvoy();
      const now = (await app.api.get(`/v1/actors/${id}`).expect(200)).body;
      expect(now).toMatchObject({ title: 'Special Envoy for Peace Missions', represents: principal });
      expect(now.roles).toEqual([
        { title: 'Special Envoy to the Middle East', represents: principal, validFrom: { at: '2025-01-20', precision: 'day' }, validUntil: { at: '2025-03-01', precision: 'month' } },
        { title: 'Special Envoy for Peace Missions', represents: principal, validFrom: { at: '2025-03-01', precision: 'month' } },
      ]);
      expect((await app.api.get(`/v1/actors/${id}?asOf=2025-02-15`).expect(200).expect('etag', '"1"')).body).toMatchObject({ title: 'Special Envoy to the Middle East' });
      expect((await app.api.get(`/v1/actors/${id}?asOf=2025-03-01`).expect(200)).body).toMatchObject({ title: 'Special Envoy for Peace Missions' });
      const before = (await app.api.get(`/v1/actors/${id}?asOf=2025-01-19`).expect(200)).body;
      expect(before).not.toHaveProperty('title');
      expect(before).not.toHaveProperty('represents');
      await app.api.get(`/v1/actors/${id}?asOf=yesterday`).expect(400).expect(/REQUEST.INVALID/);
    });

    it('shows the role held on asOf in the list and in the activity', async () => {
      const { id, principal, position } = await registerEnvoy();
      const listed = await app.api.get('/v1/actors').query({ q: `name of ${id}`, asOf: '2025-02-15' }).set('x-min-position', position).expect(200);
      expect(listed.body.items).toEqual([expect.objectContaining({ actorId: id, title: 'Special Envoy to the Middle East', represents: principal })]);
      const activity = (path: string) => app.api.get(path).set('x-min-position', position).expect(200);
      expect((await activity(`/v1/actors/${id}/activity?asOf=2025-02-15`)).body).toMatchObject({ title: 'Special Envoy to the Middle East', represents: principal });
      expect((await activity(`/v1/actors/${id}/activity`)).body).toMatchObject({ title: 'Special Envoy for Peace Missions', represents: principal });
      expect((await activity(`/v1/actors/${id}/activity?asOf=2025-01-01`)).body).toMatchObject({ title: null, represents: null });
    });

    it('422 ACTOR.ROLE_BEFORE_CURRENT for a role that begins before the one it replaces; nothing is appended', async () => {
      const { id } = await registerEnvoy();
      const response = await app.api.patch(`/v1/actors/${id}`).send({ title: 'Envoy', validFrom: { at: '2025-02-14', precision: 'day' } }).expect(422);
      expect(response.body).toMatchObject({ code: 'ACTOR.ROLE_BEFORE_CURRENT', errors: [{ field: 'validFrom' }] });
      expect(await historyTypes(app, `/v1/actors/${id}`)).toEqual(['ActorRegistered', 'ActorUpdated']);
    });

    it('422 for a validFrom that dates no role or lies in the future; 400 for one without a precision', async () => {
      const { id } = await registerEnvoy();
      const dated = (body: Record<string, unknown>) => app.api.patch(`/v1/actors/${id}`).send(body);
      await dated({ name: 'Steven', validFrom: { at: '2025-04-01', precision: 'day' } }).expect(422).expect(/ACTOR.VALID_FROM_WITHOUT_ROLE/);
      await dated({ title: 'Envoy', validFrom: { at: '2999-01-01', precision: 'day' } }).expect(422).expect(/DATE.IN_FUTURE/);
      await dated({ title: 'Envoy', validFrom: { at: '2025-04-01' } }).expect(400).expect(/REQUEST.INVALID/);
      await dated({ title: 'Envoy', validFrom: null }).expect(400).expect(/REQUEST.INVALID/);
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
