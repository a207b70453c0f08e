import request from 'supertest';
import { actorBody, meetingBody, provenance } from './support/bodies';
import { expectProblem, openTrack, talksPath } from './support/api';
import { csvCells } from './support/csv-cells';
import { uniqueSlug } from './support/ids';
import { startTestApp, TEST_ADMIN_KEY, TestApp } from './support/test-app';

/** What an attack review sent the running server, and what it must answer: a 4xx problem, never a 500, never a formula. */
describe('Hostile input (e2e)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  /** A raw request, so that a body can be sent exactly as written. */
  const raw = () => request(app.http);

  describe('CSV exports', () => {
    it('neutralise cells a spreadsheet would run as a formula, in every column', async () => {
      const { talksId, parties } = await openTrack(app);
      const formulas = ['=cmd|calc', '@SUM(1+1)*cmd|/C calc', '+1+1', '-2+3', '\tTAB', '\rCR'];
      let position = '0';
      for (const publisher of formulas) {
        const body = meetingBody(uniqueSlug('m'), parties, { provenance: provenance('reported', publisher) });
        position = (await app.api.post(`${talksPath(talksId)}/meetings`).send(body).expect(201)).body.position;
      }

      for (const shape of ['', '&shape=claims', '&shape=dyadic']) {
        const csv = await app.api.get(`/v1/timeline?talksId=${talksId}${shape}`).set('x-min-position', position).set('accept', 'text/csv').expect(200);
        const cells = csvCells(csv.text);
        expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
        // A sources cell names the publisher first (its parentheses escaped), then who it quotes.
        const unescaped = cells.map((cell) => cell.replace(/\\(.)/g, '$1'));
        for (const publisher of formulas) expect([shape, publisher, unescaped.some((cell) => cell.startsWith(`'${publisher}`))]).toEqual([shape, publisher, true]);
      }
    });
  });

  describe('numbers out of range are 400, not 500', () => {
    it.each([
      ['/v1/events?after=9999999999999999999', 'after'],
      ['/v1/events?after=99999999999999999999', 'after'],
      ['/v1/actors/no-such-actor/history?fromRevision=9007199254740992', 'fromRevision'],
      ['/v1/talks/no-such-talks/history?fromRevision=1e400', 'fromRevision'],
      ['/v1/talks?minPosition=9999999999999999999', 'minPosition'],
      ['/v1/timeline?changedSince=9223372036854775808', 'changedSince'],
    ])('%s', async (path, field) => {
      const response = await app.api.get(path);
      expectProblem(response, 400, 'REQUEST.INVALID');
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    });

    it('a cursor holding a position beyond 64 bits, or a number beyond exact integers', async () => {
      for (const key of [[0, '99999999999999999999'], [1e400, '1'], [2 ** 53, '1']]) {
        const cursor = Buffer.from(JSON.stringify(key).replace('null', '1e400')).toString('base64url');
        expectProblem(await app.api.get(`/v1/timeline?cursor=${cursor}`), 400, 'REQUEST.INVALID', 'cursor');
      }
    });

    it('headers: X-Min-Position and Last-Event-ID beyond 64 bits', async () => {
      expectProblem(await app.api.get('/v1/talks').set('x-min-position', '9999999999999999999'), 400, 'REQUEST.INVALID', 'X-Min-Position');
      const stream = await app.api.get('/v1/subscriptions/events').set('last-event-id', '9999999999999999999');
      expectProblem(stream, 400, 'REQUEST.INVALID', 'Last-Event-ID');
      expectProblem(await app.api.get('/v1/subscriptions/events?from=9999999999999999999'), 400, 'REQUEST.INVALID', 'from');
    });
  });

  describe('bodies', () => {
    it('a body nested thousands of levels deep is 400 before anything walks it', async () => {
      const depth = 5000;
      const deep = `{"id":"deep-one","name":"Deep","kind":"person","extra":${'['.repeat(depth)}${']'.repeat(depth)}}`;
      const response = await raw().post('/v1/actors').set('authorization', `Bearer ${TEST_ADMIN_KEY}`).set('content-type', 'application/json').send(deep);
      expectProblem(response, 400, 'REQUEST.INVALID', 'body');
    });

    it('brackets inside strings do not count as nesting', async () => {
      const id = uniqueSlug('brackets');
      const body = { ...actorBody(id), name: `${'['.repeat(20)}${'{'.repeat(20)}` };
      await app.api.post('/v1/actors').send(body).expect(201);
    });

    it('a lone UTF-16 surrogate anywhere in a body is 400, and nothing is recorded', async () => {
      const id = uniqueSlug('surrogate');
      const text = JSON.stringify(actorBody(id)).replace('"Name of', '"\\ud800 Name of');
      const response = await raw().post('/v1/actors').set('authorization', `Bearer ${TEST_ADMIN_KEY}`).set('content-type', 'application/json').send(text);
      expectProblem(response, 400, 'REQUEST.INVALID', 'body');
      await app.api.get(`/v1/actors/${id}/history`).expect(404);
      const key = JSON.stringify(actorBody(uniqueSlug('key'))).replace('{', '{"\\udc00":1,');
      expectProblem(await raw().post('/v1/actors').set('authorization', `Bearer ${TEST_ADMIN_KEY}`).set('content-type', 'application/json').send(key), 400, 'REQUEST.INVALID', 'body');
    });

    it('a pair of surrogates (an emoji) is text like any other', async () => {
      const id = uniqueSlug('emoji');
      await app.api.post('/v1/actors').send({ ...actorBody(id), name: 'Envoy 🕊️' }).expect(201);
    });

    it('a lone surrogate in a query string is 400', async () => {
      // %ED%A0%80 is U+D800 encoded as if it were a character (CESU-8).
      expectProblem(await app.api.get('/v1/timeline?talksId=%ED%A0%80'), 400, 'REQUEST.INVALID', 'query');
    });
  });

  describe('authentication comes before the body', () => {
    it('an unauthenticated write is 401 without its body being parsed', async () => {
      const response = await raw().post('/v1/actors').set('content-type', 'application/json').send('{"this is": not json');
      expectProblem(response, 401, 'AUTH.REQUIRED');
    });

    it('an unknown key is 401 before its body is read, however large', async () => {
      const response = await raw()
        .post('/v1/actors')
        .set('authorization', 'Bearer parley_notakeyatall0000000000000000')
        .set('content-type', 'application/json')
        .send(`{"filler":"${'x'.repeat(200_000)}"`);
      expectProblem(response, 401, 'AUTH.INVALID_KEY');
    });

    it('a key without the Bearer prefix is told how to send it', async () => {
      const response = await raw().get('/v1/talks').set('authorization', TEST_ADMIN_KEY);
      expectProblem(response, 401, 'AUTH.INVALID_KEY');
      expect(response.body.detail).toMatch(/Bearer/);
      expect(response.body.detail).not.toMatch(/unknown or revoked/);
    });
  });

  describe('answers', () => {
    it('a problem’s instance is the path, without the query string', async () => {
      const response = await app.api.get(`/v1/timeline?limit=0&filler=${'q'.repeat(16_000)}`);
      expect(response.status).toBe(400);
      expect(response.body.instance).toBe('/v1/timeline');
    });

    it('the API’s CSP allows no inline script or style; the docs keep theirs', async () => {
      const api = await app.api.get('/v1/talks').expect(200);
      expect(api.headers['content-security-policy']).toMatch(/script-src 'self'/);
      expect(api.headers['content-security-policy']).not.toMatch(/unsafe-inline/);
      const problem = await app.anonymous().get('/v1/talks').expect(401);
      expect(problem.headers['content-security-policy']).not.toMatch(/unsafe-inline/);
      const docs = await app.anonymous().get('/docs').redirects(1);
      expect(docs.headers['content-security-policy']).toMatch(/unsafe-inline/);
    });
  });
});
