import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createApp } from '../../apps/api/src/app.setup';
import { Role } from '../../apps/api/src/access/roles';
import { openApiDocument } from '../../apps/api/src/openapi/openapi';
import { DocumentSchemas } from './openapi/document-schemas';
import { describedBy } from './openapi/response-contract';
import { uniqueSlug } from './ids';
import { startTestEventStore } from './test-event-store';

/** The first admin key of every test app (an install may set its first key this way). */
export const TEST_ADMIN_KEY = 'parley_test-admin-key-0000000000000000';

export type TestApp = Readonly<{
  app: NestFastifyApplication;
  /** The Node server supertest drives: the real HTTP stack, listening on an ephemeral port. */
  http: ReturnType<NestFastifyApplication['getHttpServer']>;
  /**
   * Requests sent with the first admin key (its name, `admin`, is their recordedBy). Every
   * agent's request fails when the app's OpenAPI document does not describe its response.
   */
  api: request.Agent;
  /** Requests sent with a new key of that role, named after it: `as('viewer')`. */
  as: (role: Role) => Promise<request.Agent & { keyName: string; key: string }>;
  /** Requests sent with no key at all. */
  anonymous: () => request.Agent;
  databaseFile: string;
  /** How this app reaches its event store: another app given the same writes to the same store. */
  eventStoreEnv: Readonly<Record<string, string>>;
  /** Every route the app registered, as `METHOD /path/:param`: the app's own route table. */
  routes: readonly string[];
  close: () => Promise<void>;
}>;

/** The real API on a fresh SQLite file in a temporary directory. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const directory = mkdtempSync(join(tmpdir(), 'parley-e2e-'));
  const databaseFile = join(directory, 'parley.db');
  const eventStore = await startTestEventStore();
  const app = await createApp({
    env: { PARLEY_DB: databaseFile, LOG_LEVEL: 'silent', PARLEY_BOOTSTRAP_ADMIN_KEY: TEST_ADMIN_KEY, ...eventStore.env, ...env },
  });
  const routes: string[] = [];
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRoute', ({ method, url }) => {
      for (const verb of [method].flat()) routes.push(`${verb} ${url}`);
    });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const http = app.getHttpServer();
  const described = describedBy(new DocumentSchemas(openApiDocument(app) as never));
  const agent = () => request.agent(http).use(described);
  const api = agent().set('authorization', `Bearer ${TEST_ADMIN_KEY}`);
  return {
    app,
    http,
    api,
    as: async (role) => {
      const keyName = uniqueSlug(role);
      const { body } = await api.post('/v1/admin/keys').send({ name: keyName, role }).expect(201);
      return Object.assign(agent().set('authorization', `Bearer ${body.key}`), { keyName, key: body.key as string });
    },
    anonymous: agent,
    databaseFile,
    eventStoreEnv: { PARLEY_DB: databaseFile, ...eventStore.env, ...env },
    routes,
    close: async () => {
      await app.close();
      await eventStore.stop();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
