import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createApp } from '../apps/api/src/app.setup';
import { actorBody, openTalksBody } from './support/bodies';
import { EsdbTestServer, startEsdbTestServer } from './support/esdb/esdb-test-server';
import { TEST_ADMIN_KEY } from './support/test-app';

type Running = Readonly<{ app: NestFastifyApplication; api: (method: 'get' | 'post', path: string) => request.Test }>;

/**
 * One PARLEY_DB, two event stores one after the other: the project's own store first (SQLite
 * under `e2e`, EventStoreDB under `e2e-esdb`), then the other kind.
 */
describe('The local database follows one event store (e2e)', () => {
  const directory = mkdtempSync(join(tmpdir(), 'parley-store-identity-'));
  const databaseFile = join(directory, 'parley.db');
  let esdb: EsdbTestServer;
  let first: Record<string, string>;
  let second: Record<string, string>;

  const start = async (store: Record<string, string>, env: Record<string, string> = {}): Promise<Running> => {
    const app = await createApp({ env: { PARLEY_DB: databaseFile, LOG_LEVEL: 'silent', PARLEY_BOOTSTRAP_ADMIN_KEY: TEST_ADMIN_KEY, ...store, ...env } });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    const api = (method: 'get' | 'post', path: string) => request(app.getHttpServer())[method](path).set('authorization', `Bearer ${TEST_ADMIN_KEY}`);
    return { app, api };
  };

  /** The start's error; an app that started after all is closed first, so that the failure does not hang the run. */
  const refusal = async (store: Record<string, string>): Promise<string> => {
    const started = await start(store).catch((error: unknown) => error);
    if (!(started instanceof Error)) {
      await (started as Running).app.close();
      return 'it started';
    }
    return started.message;
  };

  beforeAll(async () => {
    esdb = await startEsdbTestServer();
    const [sqlite, eventStoreDb] = [{ PARLEY_EVENT_STORE: '' }, { PARLEY_EVENT_STORE: esdb.connectionString }];
    [first, second] = process.env.PARLEY_TEST_EVENT_STORE === 'esdb' ? [eventStoreDb, sqlite] : [sqlite, eventStoreDb];
  });

  afterAll(async () => {
    await esdb.stop();
    rmSync(directory, { recursive: true, force: true });
  });

  it('refuses to start on another store, rebuilds when told to, and then follows the new store', async () => {
    const original = await start(first);
    for (const id of ['party-a', 'party-b']) {
      await original.api('post', '/v1/actors').set('idempotency-key', `seed:${id}`).send(actorBody(id)).expect(201);
    }
    const opened = await original.api('post', '/v1/talks').set('idempotency-key', 'seed:open').send(openTalksBody('old-talks', ['party-a', 'party-b'])).expect(201);
    await original.api('get', '/v1/talks/old-talks').set('x-min-position', opened.body.position).expect(200);
    await original.app.close();

    expect(await refusal(second)).toMatch(/follows event store .+ PARLEY_ON_STORE_CHANGE=rebuild/s);

    const rebuilt = await start(second, { PARLEY_ON_STORE_CHANGE: 'rebuild' });
    expect((await rebuilt.api('get', '/v1/talks').expect(200)).body).toEqual([]);
    await rebuilt.api('get', '/v1/talks/old-talks').expect(404);
    // The old store's idempotency records are gone: the same key is recorded in the new store, not answered "already recorded".
    const again = await rebuilt.api('post', '/v1/actors').set('idempotency-key', 'seed:party-a').send(actorBody('party-a')).expect(201);
    expect(again.headers['idempotent-replayed']).toBeUndefined();
    const events = (await rebuilt.api('get', '/v1/events').expect(200)).body.events as Array<{ streamId: string; type: string }>;
    // The store's identity marker is not a domain event.
    expect(events.map(({ streamId, type }) => `${streamId} ${type}`)).toEqual(['actor-party-a ActorRegistered']);
    await rebuilt.app.close();

    const followed = await start(second);
    await followed.api('get', '/v1/actors/party-a').set('x-min-position', again.body.position).expect(200);
    await followed.app.close();

    expect(await refusal(first)).toMatch(/follows event store/);
  });
});
