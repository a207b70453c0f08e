import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { envoyVisitBody } from './support/bodies';
import { historyTypes, openTrack, talksPath } from './support/api';
import { startTestApp, TestApp } from './support/test-app';

const counted = async (app: TestApp, outcome: string): Promise<number> => {
  const { text } = await app.api.get('/metrics').expect(200);
  return Number(new RegExp(`parley_state_snapshots_total\\{outcome="${outcome}"\\} (\\d+)`).exec(text)?.[1] ?? 0);
};

/**
 * A process started again restores a track's persisted snapshot instead of folding its events,
 * and must answer from it as from the events: a retry of a command whose first answer was never
 * recorded (a crash between the append and the idempotency record) finds that answer in it.
 */
describe('Persisted snapshots across a restart (e2e)', () => {
  let directory: string;
  let first: TestApp;
  let second: TestApp | undefined;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'parley-snapshots-e2e-'));
    first = await startTestApp({ PARLEY_SNAPSHOT_EVERY: '1', PARLEY_SNAPSHOT_DB: join(directory, 'snapshots.db') });
  });

  afterAll(async () => {
    await second?.close();
    await first.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('a retry with the same Idempotency-Key, sent to the next process, is answered from the restored snapshot', async () => {
    const { talksId, parties } = await openTrack(first);
    const path = `${talksPath(talksId)}/envoy-visits`;
    const body = envoyVisitBody(parties[0]);
    const original = await first.api.post(path).set('idempotency-key', 'visit-once').send(body).expect(201);
    expect(await counted(first, 'written')).toBeGreaterThanOrEqual(1);

    // The idempotency record is lost, as if the process died before writing it.
    const local = new Database(first.databaseFile);
    local.exec('DELETE FROM idempotency_records');
    local.close();
    // On SQLite the same file; on EventStoreDB the same server, with a local database of its own.
    const { PARLEY_DB, ...store } = first.eventStoreEnv;
    second = await startTestApp({ ...(store.PARLEY_EVENT_STORE ? store : { PARLEY_DB }), PARLEY_SNAPSHOT_EVERY: '1', PARLEY_SNAPSHOT_DB: join(directory, 'snapshots.db') });

    const retried = await second.api.post(path).set('idempotency-key', 'visit-once').send(body).expect(201);
    expect(retried.headers['idempotent-replayed']).toBe('true');
    expect(retried.body).toEqual(original.body);
    expect(await counted(second, 'restored')).toBe(1);
    expect(await historyTypes(second, talksPath(talksId))).toEqual(['TalksOpened', 'EnvoyVisited']);
  });
});
