import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../apps/api/src/app.setup';
import { startTestEventStore } from './test-event-store';

export type TestApp = Readonly<{
  app: NestFastifyApplication;
  /** The Node server supertest drives: the real HTTP stack, listening on an ephemeral port. */
  http: ReturnType<NestFastifyApplication['getHttpServer']>;
  databaseFile: string;
  /** Every route the app registered, as `METHOD /path/:param`: the app's own route table. */
  routes: readonly string[];
  close: () => Promise<void>;
}>;

/** The real API on a fresh SQLite file in a temporary directory. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const directory = mkdtempSync(join(tmpdir(), 'parley-e2e-'));
  const databaseFile = join(directory, 'parley.db');
  const eventStore = await startTestEventStore();
  const app = await createApp({ env: { PARLEY_DB: databaseFile, LOG_LEVEL: 'silent', ...eventStore.env, ...env } });
  const routes: string[] = [];
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRoute', ({ method, url }) => {
      for (const verb of [method].flat()) routes.push(`${verb} ${url}`);
    });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    http: app.getHttpServer(),
    databaseFile,
    routes,
    close: async () => {
      await app.close();
      await eventStore.stop();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
