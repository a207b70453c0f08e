import request from 'supertest';
import { PROBLEM_TYPE } from './support/api';
import { startTestApp, TestApp } from './support/test-app';

/** The files at /board (and Swagger UI's at /docs): what is one is served, anything else is a problem, never a 500. */
describe('Board files (e2e)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  // Not API routes, so not in the OpenAPI document: a plain client, not the contract-checking agent.
  const get = (path: string) => request(app.http).get(path);

  it('serves the page and its files', async () => {
    await get('/board').expect(200).expect('content-type', /text\/html/);
    await get('/board/app.js').expect(200).expect('content-type', /javascript/);
  });

  it('sends /board/ to the page', async () => {
    await get('/board/').expect(308).expect('location', '/board');
  });

  it.each(['/board//', '/board/nope.js', '/board/%2e%2e/', '/board/x/', '/board/..%2fpackage.json', '/board/.hidden'])(
    '404 problem for %s, which is not a file of the board',
    async (path) => {
      const response = await get(path).expect(404).expect('content-type', PROBLEM_TYPE);
      expect(response.body).toMatchObject({ status: 404, code: 'ROUTE.NOT_FOUND' });
    },
  );

  it.each(['/board/%00', '/docs/%00'])('400 problem for %s, a path no file can have', async (path) => {
    const response = await get(path).expect(400).expect('content-type', PROBLEM_TYPE);
    expect(response.body).toMatchObject({ status: 400, code: 'REQUEST.INVALID' });
  });

  it('404 problem for a directory of Swagger UI’s files', async () => {
    await get('/docs/%2e%2e/').expect(404).expect('content-type', PROBLEM_TYPE);
  });
});
