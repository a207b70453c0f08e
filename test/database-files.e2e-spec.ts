import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../apps/api/src/app.setup';
import { startTestEventStore } from './support/test-event-store';
import { TEST_ADMIN_KEY } from './support/test-app';

const modeOf = (path: string): string => (statSync(path).mode & 0o777).toString(8);

/** The database holds key hashes and everything recorded: what Parley creates is its owner's alone. */
describe('Database files (e2e)', () => {
  it('a PARLEY_DB Parley creates is 0600, with its -wal and -shm files, in directories it makes 0700', async () => {
    const root = mkdtempSync(join(tmpdir(), 'parley-files-'));
    const databaseFile = join(root, 'made', 'by-parley', 'parley.db');
    const eventStore = await startTestEventStore();
    const app = await createApp({ env: { PARLEY_DB: databaseFile, LOG_LEVEL: 'silent', PARLEY_BOOTSTRAP_ADMIN_KEY: TEST_ADMIN_KEY, ...eventStore.env } });
    try {
      await app.init();

      expect({
        made: modeOf(join(root, 'made')),
        byParley: modeOf(join(root, 'made', 'by-parley')),
        database: modeOf(databaseFile),
        wal: modeOf(`${databaseFile}-wal`),
        shm: modeOf(`${databaseFile}-shm`),
      }).toEqual({ made: '700', byParley: '700', database: '600', wal: '600', shm: '600' });
    } finally {
      await app.close();
      await eventStore.stop();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
