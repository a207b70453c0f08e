import Database from 'better-sqlite3';
import type { IncomingMessage } from 'node:http';
import { AddressInfo } from 'node:net';
import { ApiKeyStore } from '../apps/api/src/access/api-key.store';
import { SseConnections } from '../apps/api/src/subscriptions/sse-connections.service';
import { expectProblem } from './support/api';
import { rawStream, until } from './support/sse-client';
import { startTestApp, TEST_ADMIN_KEY, TestApp } from './support/test-app';

const STREAM_CAP = 3;
const READ_LIMIT = 20;

/** A raw subscription, with whether the server has ended it. */
type OpenStream = { response: IncomingMessage; text: () => string; ended: () => boolean };

/** What one key may hold and do, and what revoking it takes away at once. */
describe('Bounds per key, and revocation of live streams (e2e)', () => {
  let app: TestApp;
  let base: string;
  const opened: OpenStream[] = [];

  const open = async (path: string, key: string): Promise<OpenStream> => {
    const response = await rawStream(`${base}${path}`, key);
    let text = '';
    let ended = false;
    response.on('data', (chunk: Buffer) => (text += chunk.toString()));
    response.on('end', () => (ended = true));
    response.on('close', () => (ended = true));
    const stream = { response, text: () => text, ended: () => ended };
    opened.push(stream);
    return stream;
  };
  const started = (stream: OpenStream) => until(() => /event: (ready|snapshot)/.test(stream.text()), 'the stream to start');

  beforeAll(async () => {
    app = await startTestApp({ PARLEY_SSE_MAX_STREAMS_PER_KEY: String(STREAM_CAP), PARLEY_READ_LIMIT: String(READ_LIMIT), PARLEY_SSE_HEARTBEAT_MS: '100' });
    await app.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.http.address() as AddressInfo).port}`;
  });

  afterEach(() => {
    for (const stream of opened.splice(0)) stream.response.destroy();
  });

  afterAll(async () => {
    await app.close();
  });

  it('revoking a key ends its open streams of events and of talks; another key’s stream goes on', async () => {
    const viewer = await app.as('viewer');
    const events = await open('/v1/subscriptions/events', viewer.key);
    const talks = await open('/v1/subscriptions/talks', viewer.key);
    const other = await open('/v1/subscriptions/events', TEST_ADMIN_KEY);
    await Promise.all([started(events), started(talks), started(other)]);

    await app.api.delete(`/v1/admin/keys/${viewer.keyName}`).expect(204);

    await until(() => events.ended() && talks.ended(), 'the revoked key’s streams to end');
    const beats = other.text().split(': keep-alive').length;
    await until(() => other.text().split(': keep-alive').length > beats + 1, 'the other key’s stream to go on');
    expect(other.ended()).toBe(false);
    // And its reconnection is refused.
    expectProblem(await app.anonymous().get('/v1/subscriptions/events').set('authorization', `Bearer ${viewer.key}`), 401, 'AUTH.INVALID_KEY');
  });

  it('a key revoked outside this process (the CLI, another server) loses its streams too', async () => {
    const viewer = await app.as('viewer');
    const events = await open('/v1/subscriptions/events', viewer.key);
    await started(events);

    const database = new Database(app.databaseFile);
    try {
      expect(new ApiKeyStore(database).revoke(viewer.keyName, new Date())).toBe(true);
    } finally {
      database.close();
    }

    await until(() => events.ended(), 'the stream of a key revoked by another process to end');
  });

  it(`a key holds at most PARLEY_SSE_MAX_STREAMS_PER_KEY (${STREAM_CAP}) streams; one more is 429 with Retry-After`, async () => {
    const viewer = await app.as('viewer');
    const streams = [];
    for (let i = 0; i < STREAM_CAP; i++) streams.push(await open('/v1/subscriptions/events', viewer.key));
    await Promise.all(streams.map(started));

    const refused = await viewer.get('/v1/subscriptions/talks');
    expectProblem(refused, 429, 'RATE.LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Other keys are not held to this key's count.
    await started(await open('/v1/subscriptions/events', TEST_ADMIN_KEY));

    // A place freed is a place taken again.
    streams[0].response.destroy();
    const connections = app.app.get(SseConnections);
    await until(() => connections.openBy(viewer.keyName) < STREAM_CAP, 'the closed stream to be let go');
    await started(await open('/v1/subscriptions/events', viewer.key));
  });

  it(`reads past PARLEY_READ_LIMIT (${READ_LIMIT}) a minute are 429 with Retry-After; other keys carry on`, async () => {
    const viewer = await app.as('viewer');
    const answers = await Promise.all(Array.from({ length: READ_LIMIT + 10 }, () => viewer.get('/v1/talks')));

    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(READ_LIMIT);
    const refused = answers.find((answer) => answer.status === 429)!;
    expectProblem(refused, 429, 'RATE.LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    await (await app.as('viewer')).get('/v1/talks').expect(200);
    // A live subscription is bounded by the streams cap, not by reads.
    await started(await open('/v1/subscriptions/events', viewer.key));
  });
});
