import Database from 'better-sqlite3';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { actorBody } from './support/bodies';
import { historyTypes, PROBLEM_TYPE, registerActors } from './support/api';
import { uniqueSlug } from './support/ids';
import { startTestApp, TEST_ADMIN_KEY, TestApp } from './support/test-app';

/** What every write route shares: idempotency, preconditions, concurrency, body handling, errors. */
describe('HTTP contract (e2e)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ PARLEY_BODY_LIMIT: '4096' });
  });

  afterAll(async () => {
    await app.close();
  });

  describe('Idempotency-Key', () => {
    it('replays the first answer for the same key and body, and appends nothing more', async () => {
      const id = uniqueSlug('idem');
      const key = uniqueSlug('key');
      const first = await app.api.post('/v1/actors').set('idempotency-key', key).send(actorBody(id)).expect(201);
      expect(first.headers['idempotent-replayed']).toBeUndefined();

      const again = await app.api.post('/v1/actors').set('idempotency-key', key).send(actorBody(id)).expect(201);
      expect(again.body).toEqual(first.body);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.headers.etag).toBe('"0"');
      expect(await historyTypes(app, `/v1/actors/${id}`)).toEqual(['ActorRegistered']);
    });

    it('422 IDEMPOTENCY.KEY_REUSED for the same key with another body', async () => {
      const key = uniqueSlug('key');
      const id = uniqueSlug('idem');
      await app.api.post('/v1/actors').set('idempotency-key', key).send(actorBody(id)).expect(201);
      const other = uniqueSlug('other');
      const response = await app.api.post('/v1/actors').set('idempotency-key', key).send(actorBody(other)).expect(422);
      expect(response.body.code).toBe('IDEMPOTENCY.KEY_REUSED');
      expect(await historyTypes(app, `/v1/actors/${other}`)).toEqual([]);
    });

    it('concurrent retries with one key record the command once', async () => {
      const id = uniqueSlug('racing');
      const [principal] = await registerActors(app, 'principal');
      const key = uniqueSlug('key');
      const send = () => app.api.patch(`/v1/actors/${principal}`).set('idempotency-key', key).send({ title: `Head of ${id}` });
      const responses = await Promise.all([send(), send(), send(), send()]);
      expect(responses.map((response) => response.status)).toEqual([201, 201, 201, 201]);
      expect(new Set(responses.map((response) => response.body.events[0].id)).size).toBe(1);
      expect(await historyTypes(app, `/v1/actors/${principal}`)).toEqual(['ActorRegistered', 'ActorUpdated']);
    });

    it('after a crash between commit and answer, a retry finds the recorded events and replays them', async () => {
      const id = uniqueSlug('crash');
      const key = uniqueSlug('key');
      const first = await app.api.post('/v1/actors').set('idempotency-key', key).send(actorBody(id)).expect(201);
      // The answer was never remembered: as if the process died right after the append.
      const database = new Database(app.databaseFile);
      database.prepare('DELETE FROM idempotency_records').run();
      database.close();

      const retry = await app.api.post('/v1/actors').set('idempotency-key', key).send(actorBody(id)).expect(201);
      expect(retry.body).toEqual(first.body);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(await historyTypes(app, `/v1/actors/${id}`)).toEqual(['ActorRegistered']);
    });

    it('400 for a key that is not 1 to 255 visible characters', async () => {
      const response = await app.api.post('/v1/actors').set('idempotency-key', 'has space').send(actorBody(uniqueSlug('x'))).expect(400);
      expect(response.body.errors).toEqual([{ field: 'Idempotency-Key', message: expect.any(String) }]);
    });
  });

  describe('If-Match', () => {
    it('* requires the stream to exist', async () => {
      const id = uniqueSlug('star');
      await app.api.post('/v1/actors').set('if-match', '*').send(actorBody(id)).expect(412).expect(/PRECONDITION.FAILED/);
      expect(await historyTypes(app, `/v1/actors/${id}`)).toEqual([]);
      await app.api.post('/v1/actors').send(actorBody(id)).expect(201);
      await app.api.patch(`/v1/actors/${id}`).set('if-match', '*').send({ title: 'Envoy' }).expect(201);
    });

    it('a weak tag never matches; a list matches any of its revisions; garbage is a 400', async () => {
      const [id] = await registerActors(app, 'tags');
      await app.api.patch(`/v1/actors/${id}`).set('if-match', 'W/"0"').send({ title: 'a' }).expect(412);
      await app.api.patch(`/v1/actors/${id}`).set('if-match', '"7", "0"').send({ title: 'a' }).expect(201);
      await app.api.patch(`/v1/actors/${id}`).set('if-match', 'revision one').send({ title: 'b' }).expect(400);
      expect(await historyTypes(app, `/v1/actors/${id}`)).toEqual(['ActorRegistered', 'ActorUpdated']);
    });
  });

  describe('concurrent writers without If-Match', () => {
    it('are retried on the server: every write lands once, revisions contiguous', async () => {
      const [id] = await registerActors(app, 'busy');
      const titles = Array.from({ length: 8 }, (_, index) => `Title ${index}`);
      const responses = await Promise.all(titles.map((title) => app.api.patch(`/v1/actors/${id}`).send({ title })));
      expect(responses.map((response) => response.status)).toEqual(titles.map(() => 201));
      const revisions = responses.map((response) => response.body.revision).sort((a, b) => a - b);
      expect(revisions).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    });
  });

  describe('bodies', () => {
    it('413 REQUEST.TOO_LARGE above the body limit', async () => {
      const response = await app.api
        .post('/v1/actors')
        .send(actorBody(uniqueSlug('big'), 'person', { aliases: Array.from({ length: 50 }, () => 'x'.repeat(150)) }))
        .expect(413)
        .expect('content-type', PROBLEM_TYPE);
      expect(response.body.code).toBe('REQUEST.TOO_LARGE');
    });

    it('413 reaches a client still sending its body, and the connection stays usable', async () => {
      // The answer comes as soon as the headers announce too much; only then is the body sent.
      if (!app.http.address()) await new Promise<void>((resolve) => app.http.listen(0, '127.0.0.1', () => resolve()));
      const { port } = app.http.address() as AddressInfo;
      const socket = connect(port, '127.0.0.1');
      const received: Buffer[] = [];
      const answers = (count: number) =>
        new Promise<string>((resolve, reject) => {
          const check = () => {
            const text = Buffer.concat(received).toString('latin1');
            if ((text.match(/HTTP\/1\.1 \d{3}/g) ?? []).length >= count && /\r\n\r\n[\s\S]*\}$/.test(text)) resolve(text);
          };
          socket.on('data', (chunk) => {
            received.push(chunk);
            check();
          });
          socket.once('error', reject);
        });
      const body = JSON.stringify({ id: 'big', name: 'x'.repeat(200_000), kind: 'person' });
      const head = (length: number) =>
        `POST /v1/actors HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${TEST_ADMIN_KEY}\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`;
      const refused = answers(1);
      socket.write(head(Buffer.byteLength(body)));
      expect(await refused).toMatch(/^HTTP\/1\.1 413 [\s\S]*REQUEST\.TOO_LARGE/);
      const next = answers(2);
      await new Promise<void>((resolve, reject) => socket.write(body, (error) => (error ? reject(error) : resolve())));
      socket.write('GET /health/live HTTP/1.1\r\nHost: localhost\r\n\r\n');
      expect(await next).toMatch(/HTTP\/1\.1 200 /);
      socket.destroy();
    });

    it('415 for anything but JSON', async () => {
      const response = await app.api.post('/v1/actors').set('content-type', 'text/plain').send('id=x').expect(415);
      expect(response.body).toMatchObject({ status: 415, code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE' });
    });

    it.each([
      ['malformed JSON', '{"id": ', 'REQUEST.MALFORMED_JSON'],
      ['an empty body', '', 'REQUEST.MALFORMED_JSON'],
      ['an array', '[]', 'REQUEST.INVALID'],
      ['a string', '"actor"', 'REQUEST.INVALID'],
      ['a prototype-poisoning key', '{"__proto__": {"admin": true}}', 'REQUEST.MALFORMED_JSON'],
    ])('400 for %s', async (_, body, code) => {
      const response = await app.api.post('/v1/actors').set('content-type', 'application/json').send(body).expect(400);
      expect(response.body).toMatchObject({ status: 400, code, type: `/problems/${code}` });
    });
  });

  describe('errors and operations', () => {
    it('an unknown route is a 404 problem', async () => {
      const response = await app.api.get('/v1/nowhere').expect(404).expect('content-type', PROBLEM_TYPE);
      expect(response.body).toMatchObject({ status: 404, code: 'ROUTE.NOT_FOUND', instance: '/v1/nowhere' });
    });

    it('a path parameter past the router’s length limit is a 400 problem, not the router’s own JSON', async () => {
      const response = await app.api.get(`/v1/actors/${'a'.repeat(150)}`).expect(400).expect('content-type', PROBLEM_TYPE);
      expect(response.body).toMatchObject({ status: 400, code: 'REQUEST.INVALID' });
    });

    it('every problem type resolves to its description', async () => {
      const problem = await app.api.get(`/v1/actors/${uniqueSlug('nobody')}`).expect(404);
      const described = await app.api.get(problem.body.type).expect(200);
      expect(described.body).toMatchObject({ code: 'ACTOR.NOT_FOUND', status: 404, meaning: expect.any(String) });
      const catalogue = await app.api.get('/problems').expect(200);
      expect(catalogue.body.map((entry: { code: string }) => entry.code)).toEqual(
        expect.arrayContaining(['TALKS.NOT_OPENED', 'PRECONDITION.FAILED', 'IDEMPOTENCY.KEY_REUSED']),
      );
      await app.api.get('/problems/NO.SUCH_CODE').expect(404);
    });

    it('echoes a sane X-Correlation-Id and makes one up otherwise', async () => {
      const given = await app.api.get('/health').set('x-correlation-id', 'abc-123').expect(200);
      expect(given.headers['x-correlation-id']).toBe('abc-123');
      const made = await app.api.get('/health').set('x-correlation-id', 'bad id with spaces').expect(200);
      expect(made.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('/health is up while the store answers', async () => {
      const response = await app.api.get('/health').expect(200);
      expect(response.body).toMatchObject({ status: 'ok', info: { eventStore: { status: 'up', headPosition: expect.stringMatching(/^\d+$/) } } });
    });

    it('/docs serves Swagger UI and /docs-json documents every route in the app’s route table', async () => {
      await app.api.get('/docs').expect(200).expect('content-type', /text\/html/);
      const { body: document } = await app.api.get('/docs-json').expect(200);
      const documented = Object.entries(document.paths as Record<string, object>).flatMap(([path, operations]) =>
        Object.keys(operations).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
      );
      // Swagger UI's and the board's own pages and assets are not API routes.
      const routes = app.routes.filter((route) => !/ \/(docs|board)/.test(route) && !route.startsWith('HEAD '));
      expect(routes.length).toBeGreaterThan(20);
      expect(documented).toEqual(expect.arrayContaining(routes));
      const meeting = document.paths['/v1/talks/{id}/meetings'].post;
      expect(Object.keys(meeting.responses)).toEqual(expect.arrayContaining(['201', '400', '404', '409', '412', '413', '415', '422']));
      expect(meeting.parameters.map((parameter: { name: string }) => parameter.name)).toEqual(expect.arrayContaining(['If-Match', 'Idempotency-Key']));
    });
  });
});
