import Database from 'better-sqlite3';
import { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventToAppend, openDurableSqlite, SqliteEventStore } from '@parley/event-store';
import { ProjectionRunner } from '@parley/projections';
import { ALL_PROJECTIONS } from '../../apps/api/src/read-models/projections';
import { SEED_STORY } from '../../scripts/demo/seed-story';
import { cpuTicksOf } from '../support/processes/cpu-time';
import { forkInOwnGroup, signalGroup } from '../support/processes/own-process-group';
import { waitWhileProgressing } from '../support/progress/wait-while-progressing';
import { startTestApp } from '../support/test-app';
import { dumpReadModels } from './support/read-model-dump';

const TRACK_COPIES = 120;

/** The seed story's events, recorded once through the API, then copied onto many more tracks. */
async function recordManyTracks(file: string): Promise<bigint> {
  const app = await startTestApp({ PARLEY_DB: file });
  const recorded = new Map<string, string>();
  for (const step of SEED_STORY) {
    const path = typeof step.path === 'string' ? step.path : step.path(recorded);
    const response = await app.api[step.method === 'POST' ? 'post' : 'patch'](path).send(step.body).expect(201);
    recorded.set(step.key, response.body.events[0].id);
  }
  await app.close();

  const store = await SqliteEventStore.open({ filename: file });
  const talks = await store.readAll({ filter: { streamPrefixes: ['talks-'] }, maxCount: 1000 });
  let head = 0n;
  for (let copy = 0; copy < TRACK_COPIES; copy++) {
    const ids = new Map(talks.map((event) => [event.id, randomUUID()]));
    const byStream = new Map<string, EventToAppend[]>();
    for (const event of talks) {
      const data = event.data as Record<string, unknown>;
      const talksId = `${String(data.talksId)}-copy-${copy}`;
      const eventId = typeof data.eventId === 'string' ? ids.get(data.eventId) : undefined;
      const copied = { id: ids.get(event.id)!, type: event.type, data: { ...data, talksId, ...(eventId ? { eventId } : {}) }, metadata: event.metadata };
      byStream.set(`talks-${talksId}`, [...(byStream.get(`talks-${talksId}`) ?? []), copied]);
    }
    for (const [streamId, events] of byStream) head = (await store.appendToStream(streamId, events, { expectedRevision: 'no_stream' })).position;
  }
  await store.close();
  return head;
}

const checkpointOf = (file: string): bigint => {
  const db = new Database(file, { readonly: true });
  try {
    const row = db.prepare("SELECT MIN(position) AS position FROM projection_checkpoints").safeIntegers(true).get() as { position: bigint | null } | undefined;
    return row?.position ?? 0n;
  } catch {
    return 0n;
  } finally {
    db.close();
  }
};

async function killWhileProjecting(file: string, head: bigint): Promise<bigint> {
  const child: ChildProcess = forkInOwnGroup(join(__dirname, 'support', 'project-forever.ts'), {
    env: { ...process.env, PARLEY_DB: file },
    execArgv: ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'],
    stdio: 'ignore',
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const started = checkpointOf(file);
  // Somewhere in the middle: past where this run started, short of the head.
  const target = started + (head - started) / BigInt(2 + Math.floor(Math.random() * 3));
  try {
    // While it starts, the child's CPU time moves; once it projects, the checkpoint does too.
    await waitWhileProgressing({
      what: `the checkpoint passing ${target}`,
      done: () => checkpointOf(file) >= target,
      progress: () => [checkpointOf(file).toString(), cpuTicksOf(child.pid!)],
      pollMs: 5,
    });
  } finally {
    signalGroup(child, 'SIGKILL');
    await exited;
  }
  return checkpointOf(file);
}

describe('Projections survive SIGKILL in the middle of projecting', () => {
  let directory: string;

  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'parley-crash-'));
  });

  afterAll(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it('after each kill and a restart, the read models equal a fresh replay of the same events', async () => {
    const file = join(directory, 'parley.db');
    const head = await recordManyTracks(file);
    const untouched = join(directory, 'fresh.db');
    copyFileSync(file, untouched);

    const killedAt: bigint[] = [];
    for (let kill = 0; kill < 3; kill++) killedAt.push(await killWhileProjecting(file, head));
    // Each kill landed mid-way, each restart made progress from its checkpoint.
    expect(killedAt[0]).toBeGreaterThan(0n);
    expect(killedAt.every((position, index) => index === 0 || position > killedAt[index - 1])).toBe(true);
    expect(killedAt[killedAt.length - 1]).toBeLessThan(head);

    const finish = async (databaseFile: string): Promise<Record<string, unknown[]>> => {
      const store = await SqliteEventStore.open({ filename: databaseFile });
      const db = openDurableSqlite(databaseFile);
      const runners = ALL_PROJECTIONS.map((projection) => new ProjectionRunner(store, db, projection));
      for (const runner of runners) await runner.start();
      await waitWhileProgressing({
        what: `every projection at ${head}`,
        done: () => runners.every((runner) => runner.position >= head),
        progress: () => runners.map((runner) => runner.position.toString()),
      });
      for (const runner of runners) await runner.stop();
      const dump = dumpReadModels(db);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
      await store.close();
      return dump;
    };
    const recovered = await finish(file);
    const replayed = await finish(untouched);
    // 14 claims a copy of the story (15 talks events, one of them a correction).
    expect(recovered.talks_claims).toHaveLength((TRACK_COPIES + 1) * 14);
    expect(recovered).toEqual(replayed);
  });
});
