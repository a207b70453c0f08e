import { readFileSync, existsSync } from 'node:fs';
import request from 'supertest';
import { ROLES, Role } from '../apps/api/src/access/roles';
import { createApp } from '../apps/api/src/app.setup';
import { actorBody, meetingBody } from './support/bodies';
import { openTrack, registerActors } from './support/api';
import { uniqueSlug } from './support/ids';
import { startTestApp, TestApp } from './support/test-app';

type Rule = Role | 'public';

/**
 * Who may call each route. The matrix below is generated from the app's own route table: a
 * route missing here fails, so no route ships without a rule.
 */
const RULES: Readonly<Record<string, Rule>> = {
  'GET /health': 'public',
  'GET /health/live': 'public',
  'GET /health/ready': 'public',
  'GET /metrics': 'admin',
  'GET /problems': 'public',
  'GET /problems/:code': 'public',
  'GET /docs': 'public',
  'GET /docs-json': 'public',
  'GET /docs-yaml': 'public',
  'GET /docs/': 'public',
  'GET /docs/*': 'public',
  'GET /board': 'public',
  'GET /board/*': 'public',
  'GET /v1/talks': 'viewer',
  'GET /v1/talks/:id': 'viewer',
  'GET /v1/talks/:id/history': 'viewer',
  'GET /v1/timeline': 'viewer',
  'GET /v1/codebooks': 'viewer',
  'GET /v1/releases': 'viewer',
  'GET /v1/events': 'viewer',
  'GET /v1/subscriptions/events': 'viewer',
  'GET /v1/subscriptions/talks': 'viewer',
  'GET /v1/actors': 'viewer',
  'GET /v1/actors/:id': 'viewer',
  'GET /v1/actors/:id/activity': 'viewer',
  'GET /v1/actors/:id/history': 'viewer',
  'POST /v1/actors': 'analyst',
  'POST /v1/talks': 'analyst',
  'POST /v1/talks/:id/envoy-visits': 'analyst',
  'POST /v1/talks/:id/scheduled-meetings': 'analyst',
  'POST /v1/talks/:id/meetings': 'analyst',
  'POST /v1/talks/:id/prisoner-swaps': 'analyst',
  'POST /v1/talks/:id/ceasefires': 'analyst',
  'POST /v1/talks/:id/hostage-releases': 'analyst',
  'POST /v1/talks/:id/ceasefires/:ceasefireId/violations': 'analyst',
  'POST /v1/talks/:id/ceasefires/:ceasefireId/end': 'analyst',
  'POST /v1/talks/:id/ceasefires/:ceasefireId/extensions': 'analyst',
  'PATCH /v1/actors/:id': 'editor',
  'POST /v1/talks/:id/stall': 'editor',
  'POST /v1/talks/:id/resume': 'editor',
  'POST /v1/talks/:id/conclude': 'editor',
  'POST /v1/talks/:id/claims/:eventId/corrections': 'editor',
  'POST /v1/talks/:id/claims/:eventId/retraction': 'editor',
  'POST /v1/talks/:id/claims/:eventId/same-as': 'editor',
  'POST /v1/talks/:id/claims/:eventId/not-same-as': 'editor',
  'GET /v1/incidents/suggestions': 'viewer',
  'GET /v1/admin/projections': 'admin',
  'POST /v1/admin/projections/:name/rebuild': 'admin',
  'GET /v1/admin/keys': 'admin',
  'POST /v1/admin/keys': 'admin',
  'DELETE /v1/admin/keys/:name': 'admin',
};

const PARAMS: Readonly<Record<string, string>> = {
  id: 'no-such-thing',
  ceasefireId: 'no-such-ceasefire',
  eventId: '00000000-0000-4000-8000-000000000000',
  name: 'no-such-name',
  code: 'TALKS.NOT_OPENED',
  '*': 'index.html',
};

const concrete = (path: string): string => path.replace(/:(\w+)|\*/g, (match, name: string | undefined) => PARAMS[name ?? '*']);

/** A live stream never ends by itself: past the guard, a bad filter ends it with a 400 instead. */
const QUERIES: Readonly<Record<string, string>> = {
  'GET /v1/subscriptions/events': '?talksId=Not-A-Slug',
  'GET /v1/subscriptions/talks': '?talksId=Not-A-Slug',
};

const allowed = (rule: Rule, caller: Role | 'anonymous', publicReads: boolean): boolean =>
  rule === 'public' ||
  (caller === 'anonymous' ? publicReads && rule === 'viewer' : ROLES.indexOf(caller) >= ROLES.indexOf(rule));

/** Routes as `METHOD /path`, without HEAD (Fastify's twin of every GET). */
const routesOf = (app: TestApp): string[] => [...new Set(app.routes.filter((route) => !route.startsWith('HEAD ')))].sort();

async function expectMatrix(app: TestApp, publicReads: boolean): Promise<void> {
  const callers = { anonymous: app.anonymous(), ...Object.fromEntries(await Promise.all(ROLES.map(async (role) => [role, await app.as(role)]))) };
  const unexpected: string[] = [];
  for (const route of routesOf(app)) {
    const [method, path] = route.split(' ');
    const rule = RULES[route];
    if (!rule) {
      unexpected.push(`${route}: no rule in the access matrix`);
      continue;
    }
    for (const [caller, agent] of Object.entries(callers) as [Role | 'anonymous', request.Agent][]) {
      const response = await agent[method.toLowerCase() as 'get'](concrete(path) + (QUERIES[route] ?? '')).send(method === 'GET' || method === 'DELETE' ? undefined : {});
      const denied = response.status === 401 || response.status === 403;
      const shouldPass = allowed(rule, caller, publicReads);
      if (denied === shouldPass) unexpected.push(`${route} as ${caller}: ${response.status}, expected ${shouldPass ? 'to pass the guard' : 'to be refused'}`);
      if (denied && !/problem\+json/.test(response.headers['content-type'])) unexpected.push(`${route} as ${caller}: ${response.status} is not problem+json`);
      if (!shouldPass && caller === 'anonymous' && response.status !== 401) unexpected.push(`${route} without a key: ${response.status}, expected 401`);
      if (!shouldPass && caller !== 'anonymous' && response.status !== 403) unexpected.push(`${route} as ${caller}: ${response.status}, expected 403`);
    }
  }
  expect(unexpected).toEqual([]);
}

describe('Access control (e2e)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it('every route × every role and no key: allowed roles pass, weaker roles get 403, no key 401', async () => {
    expect(routesOf(app).length).toBeGreaterThan(30);
    await expectMatrix(app, false);
  });

  it('401 says how to authenticate; an unknown key is 401 too', async () => {
    const missing = await app.anonymous().get('/v1/talks').expect(401);
    expect(missing.body).toMatchObject({ status: 401, code: 'AUTH.REQUIRED' });
    expect(missing.headers['www-authenticate']).toMatch(/^Bearer/);
    const unknown = await app.anonymous().get('/v1/talks').set('authorization', 'Bearer parley_notakeyatall0000000000000000').expect(401);
    expect(unknown.body.code).toBe('AUTH.INVALID_KEY');
    await app.anonymous().get('/v1/talks').set('authorization', 'Basic dXNlcjpwYXNz').expect(401);
  });

  it('a write is recorded under the name of the key that made it', async () => {
    const analyst = await app.as('analyst');
    const [a, b] = await registerActors(app, 'a', 'b');
    const { talksId } = await openTrack(app);
    await analyst.post(`/v1/talks/${talksId}/meetings`).send(meetingBody(uniqueSlug('m'), [a, b])).expect(201);
    const history = await app.api.get(`/v1/talks/${talksId}/history`).expect(200);
    expect(history.body.events.map((event: { metadata: { recordedBy: string } }) => event.metadata.recordedBy)).toEqual(['admin', analyst.keyName]);
  });

  it('a revoked key is refused on its very next request', async () => {
    const viewer = await app.as('viewer');
    await viewer.get('/v1/talks').expect(200);
    await app.api.delete(`/v1/admin/keys/${viewer.keyName}`).expect(204);
    await viewer.get('/v1/talks').expect(401).expect(/AUTH.INVALID_KEY/);
    await app.api.delete(`/v1/admin/keys/${viewer.keyName}`).expect(404);
  });

  it('keys are listed without their secret, and names are unique', async () => {
    const editor = await app.as('editor');
    const { body } = await app.api.get('/v1/admin/keys').expect(200);
    const listed = body.find((key: { name: string }) => key.name === editor.keyName);
    expect(listed).toMatchObject({ role: 'editor', prefix: editor.key.slice(0, 11), revokedAt: null });
    expect(JSON.stringify(body)).not.toContain(editor.key);
    await app.api.post('/v1/admin/keys').send({ name: editor.keyName, role: 'viewer' }).expect(409).expect(/KEY.DUPLICATE/);
    await app.api.post('/v1/admin/keys').send({ name: 'x', role: 'superuser' }).expect(400);
  });

  it('the database never contains a key in plaintext', async () => {
    const created = await Promise.all([app.as('viewer'), app.as('admin')]);
    await created[0].get('/v1/talks').expect(200);
    for (const file of [app.databaseFile, `${app.databaseFile}-wal`].filter(existsSync)) {
      const bytes = readFileSync(file);
      for (const { key } of created) expect(bytes.includes(Buffer.from(key))).toBe(false);
      expect(bytes.includes(Buffer.from('parley_test-admin-key'))).toBe(false);
    }
  });

  it('sends security headers', async () => {
    const response = await app.api.get('/v1/talks').expect(200);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['strict-transport-security']).toBeDefined();
    expect(response.headers['x-frame-options']).toBeDefined();
  });
});

describe('Access control with PARLEY_PUBLIC_READS=true (e2e)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ PARLEY_PUBLIC_READS: 'true' });
  });

  afterAll(async () => {
    await app.close();
  });

  it('opens every read to callers without a key, and no write', async () => {
    await expectMatrix(app, true);
    await app.anonymous().post('/v1/actors').send(actorBody(uniqueSlug('x'))).expect(401);
  });
});

describe('Write rate limits and CORS (e2e)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ PARLEY_WRITE_LIMIT: '3', PARLEY_CORS_ORIGINS: 'https://desk.example.org, https://wall.example.org' });
  });

  afterAll(async () => {
    await app.close();
  });

  it('429 with Retry-After once a key made its writes for the minute; reads and other keys carry on', async () => {
    const analyst = await app.as('analyst');
    for (let write = 0; write < 3; write++) await analyst.post('/v1/actors').send(actorBody(uniqueSlug('a'))).expect(201);
    const refused = await analyst.post('/v1/actors').send(actorBody(uniqueSlug('a'))).expect(429);
    expect(refused.headers['content-type']).toMatch(/problem\+json/);
    expect(refused.body).toMatchObject({ status: 429, code: 'RATE.LIMITED' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    await analyst.get('/v1/talks').expect(200);
    await app.api.post('/v1/actors').send(actorBody(uniqueSlug('a'))).expect(201);
  });

  it('answers CORS preflights for the configured origins only', async () => {
    const allowedOrigin = await app
      .anonymous()
      .options('/v1/talks')
      .set('origin', 'https://wall.example.org')
      .set('access-control-request-method', 'POST')
      .set('access-control-request-headers', 'authorization, content-type, idempotency-key');
    expect(allowedOrigin.status).toBeLessThan(300);
    expect(allowedOrigin.headers['access-control-allow-origin']).toBe('https://wall.example.org');
    const other = await app.anonymous().options('/v1/talks').set('origin', 'https://evil.example.com').set('access-control-request-method', 'GET');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('The first admin key (e2e)', () => {
  it('is made and printed once on the first start with no key, and works as admin', async () => {
    const written: string[] = [];
    const write = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const directory = mkdtempSync(join(tmpdir(), 'parley-first-key-'));
    const env = { PARLEY_DB: join(directory, 'parley.db'), LOG_LEVEL: 'silent' };
    const first = await createApp({ env });
    try {
      await first.init();
      await first.getHttpAdapter().getInstance().ready();
      const key = /(parley_[A-Za-z0-9_-]{20,})/.exec(written.join(''))?.[1];
      expect(key).toBeDefined();
      await request(first.getHttpServer()).get('/v1/admin/keys').set('authorization', `Bearer ${key}`).expect(200);
    } finally {
      await first.close();
    }
    written.length = 0;
    const second = await createApp({ env });
    try {
      await second.init();
      expect(written.join('')).not.toMatch(/parley_/);
    } finally {
      await second.close();
      write.mockRestore();
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
