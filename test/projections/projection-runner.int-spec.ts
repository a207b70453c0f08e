import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDurableSqlite, SqliteEventStore } from '@parley/event-store';
import { APPLIED, Projection, ProjectionContext, ProjectionRunner, skipped } from '@parley/projections';
import { STALL_MS, waitWhileProgressing } from '../support/progress/wait-while-progressing';

/** Counts events per stream; skips events whose data says so, and can be told to fail. */
const countingProjection = (version = 1, failOn?: string): Projection => ({
  name: 'counts',
  version,
  eventTypes: ['Counted', 'Unusable', 'Exploding'],
  tables: ['counts'],
  createTables: (ctx: ProjectionContext) => {
    ctx.db.exec(`CREATE TABLE IF NOT EXISTS ${ctx.table('counts')} (stream_id TEXT PRIMARY KEY, n INTEGER NOT NULL)`);
    ctx.db.exec(`CREATE INDEX IF NOT EXISTS ${ctx.index('counts_by_n')} ON ${ctx.table('counts')} (n)`);
  },
  apply: (ctx, event) => {
    if (event.type === 'Unusable') return skipped('nothing to count');
    if (event.type === failOn) throw new Error('boom');
    ctx
      .statement(`INSERT INTO ${ctx.table('counts')} (stream_id, n) VALUES (?, 1) ON CONFLICT (stream_id) DO UPDATE SET n = n + 1`)
      .run(event.streamId);
    return APPLIED;
  },
});

const counted = (type = 'Counted') => ({ id: randomUUID(), type, data: {} });

/** Every runner a test made: while any checkpoint moves, a wait for them goes on. */
const runners: ProjectionRunner[] = [];
const checkpoints = (): string[] => runners.map((runner) => runner.position.toString());

const eventually = (check: () => boolean): Promise<void> => waitWhileProgressing({ what: 'the condition', done: check, progress: checkpoints });

/** The runner's own waitFor, asked again for as long as its checkpoint keeps moving. */
async function reaches(runner: ProjectionRunner, position: bigint): Promise<boolean> {
  let seen = runner.position;
  let movedAt = Date.now();
  while (!(await runner.waitFor(position, 500))) {
    if (runner.position !== seen) [seen, movedAt] = [runner.position, Date.now()];
    else if (Date.now() - movedAt > STALL_MS) return false;
  }
  return true;
}

describe('ProjectionRunner on SQLite', () => {
  let directory: string;
  let file: string;
  let store: SqliteEventStore;
  let db: Database.Database;

  const runner = (projection: Projection, database = db) => {
    const created = new ProjectionRunner(store, database, projection, { batchSize: 3, generationCheckMs: 20 });
    runners.push(created);
    return created;
  };
  const count = (streamId: string, database = db): number | undefined =>
    (database.prepare('SELECT n FROM counts WHERE stream_id = ?').get(streamId) as { n: number } | undefined)?.n;

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'parley-runner-'));
    file = join(directory, 'parley.db');
    store = await SqliteEventStore.open({ filename: file, pollIntervalMs: 20 });
    db = openDurableSqlite(file);
  });

  afterEach(async () => {
    for (const created of runners.splice(0)) await created.stop();
    await store.close();
    db.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('commits a live batch without an fsync of its own and leaves the connection as durable as it found it', async () => {
    const seen: number[] = [];
    const probing: Projection = { ...countingProjection(), apply: (ctx, event) => (seen.push(Number(ctx.db.pragma('synchronous', { simple: true }))), countingProjection().apply(ctx, event)) };
    const probe = runner(probing);
    await probe.start();
    await store.appendToStream('s-sync', [counted(), counted()]);
    await eventually(() => count('s-sync') === 2);
    // 1 is NORMAL: the batch and its checkpoint stand or fall together, and the store can replay them.
    expect(new Set(seen)).toEqual(new Set([1]));
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
  });

  it('catches up on what is recorded, then applies new events as they are recorded', async () => {
    await store.appendToStream('s-1', [counted(), counted(), counted(), counted()]);
    const counts = runner(countingProjection());
    await counts.start();
    await eventually(() => count('s-1') === 4);

    const { position } = await store.appendToStream('s-1', [counted()]);
    expect(await reaches(counts, position)).toBe(true);
    expect(count('s-1')).toBe(5);
    expect((await counts.status()).state).toBe('live');
  });

  it('moves its checkpoint past events it does not handle, so lag reaches zero', async () => {
    await store.appendToStream('s-1', [counted()]);
    const { position } = await store.appendToStream('other', [{ id: randomUUID(), type: 'SomethingElse', data: {} }]);
    const counts = runner(countingProjection());
    await counts.start();
    expect(await reaches(counts, position)).toBe(true);
    expect(await counts.status()).toMatchObject({ checkpoint: position.toString(), lag: '0' });
  });

  it('tells its listeners about each committed batch, catching up and live, every event once and in order', async () => {
    await store.appendToStream('s-1', [counted(), counted(), counted(), counted()]);
    const counts = runner(countingProjection());
    const batches: { from: bigint; to: bigint; positions: bigint[]; rows: number | undefined }[] = [];
    const stop = counts.onApplied(({ from, to, events }) => batches.push({ from, to, positions: events.map((e) => e.position), rows: count('s-1') }));
    counts.onApplied(() => {
      throw new Error('a failing listener is only logged');
    });
    await counts.start();
    const { position } = await store.appendToStream('s-1', [counted()]);
    await reaches(counts, position);

    const positions = batches.flatMap((batch) => batch.positions);
    expect(positions).toHaveLength(5);
    expect([...positions].sort((a, b) => (a < b ? -1 : 1))).toEqual(positions);
    // Each batch starts where the last one ended, and the rows it wrote are visible to the listener.
    batches.forEach((batch, index) => expect(batch.from).toBe(index === 0 ? 0n : batches[index - 1].to));
    expect(batches[batches.length - 1]).toMatchObject({ to: position, rows: 5 });
    expect((await counts.status()).state).toBe('live');

    stop();
    const { position: later } = await store.appendToStream('s-1', [counted()]);
    await reaches(counts, later);
    expect(batches.flatMap((batch) => batch.positions)).toHaveLength(5);
  });

  it('counts and skips what it cannot use, and carries on', async () => {
    await store.appendToStream('s-1', [counted(), counted('Unusable'), counted()]);
    const counts = runner(countingProjection());
    await counts.start();
    await eventually(() => count('s-1') === 2);
    expect((await counts.status()).skipped).toBe(1);
  });

  it('writes rows and checkpoint in one transaction: a failing batch leaves both as they were', async () => {
    await store.appendToStream('s-1', [counted(), counted(), counted()]);
    const { position } = await store.appendToStream('s-1', [counted(), counted('Exploding')]);
    const counts = runner(countingProjection(1, 'Exploding'));
    await counts.start();
    await waitWhileProgressing({ what: 'the runner to fail', done: async () => (await counts.status()).state === 'failed', progress: checkpoints });
    expect(count('s-1')).toBe(3);
    const checkpoint = db.prepare("SELECT position FROM projection_checkpoints WHERE name = 'counts'").safeIntegers(true).get() as { position: bigint };
    expect(checkpoint.position).toBeLessThan(position);
    expect((await counts.status()).lastError).toBe('boom');
  });

  it('retries a failed batch from its checkpoint once the cause is gone, applying each event once', async () => {
    let explode = true;
    const flaky: Projection = { ...countingProjection(), apply: (ctx, event) => {
      if (event.type === 'Exploding' && explode) throw new Error('not yet');
      return countingProjection().apply(ctx, { ...event, type: 'Counted' });
    } };
    await store.appendToStream('s-1', [counted(), counted('Exploding'), counted()]);
    const counts = new ProjectionRunner(store, db, flaky, { batchSize: 1, maxRetryDelayMs: 20 });
    runners.push(counts);
    await counts.start();
    await eventually(() => count('s-1') === 1);
    explode = false;
    await eventually(() => count('s-1') === 3);
    expect((await counts.status()).state).toBe('live');
  });

  it('resumes after a restart from its checkpoint without applying anything twice', async () => {
    await store.appendToStream('s-1', [counted(), counted()]);
    const first = runner(countingProjection());
    await first.start();
    await eventually(() => count('s-1') === 2);
    await first.stop();

    await store.appendToStream('s-1', [counted()]);
    const second = runner(countingProjection());
    await second.start();
    await eventually(() => count('s-1') === 3);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(count('s-1')).toBe(3);
  });

  it('rebuilds at start when its version changed', async () => {
    await store.appendToStream('s-1', [counted(), counted()]);
    const v1 = runner(countingProjection(1));
    await v1.start();
    await eventually(() => count('s-1') === 2);
    await v1.stop();
    db.prepare("UPDATE counts SET n = 99 WHERE stream_id = 's-1'").run();

    const v2 = runner(countingProjection(2));
    await v2.start();
    expect(count('s-1')).toBe(2);
    expect(await v2.status()).toMatchObject({ version: 2, generation: 2 });
  });

  it('rebuilds into a shadow copy while the live tables keep serving, then swaps them in', async () => {
    for (let index = 0; index < 10; index++) await store.appendToStream(`s-${index % 2}`, [counted()]);
    const counts = runner(countingProjection());
    await counts.start();
    await eventually(() => count('s-0') === 5 && count('s-1') === 5);
    db.prepare("UPDATE counts SET n = 42 WHERE stream_id = 's-0'").run();

    const rebuilt = counts.rebuild();
    // Until the swap, readers see the complete live model, never an empty or partial one.
    expect(count('s-0')).toBe(42);
    const { position } = await store.appendToStream('s-1', [counted()]);
    await rebuilt;
    expect(await reaches(counts, position)).toBe(true);
    expect([count('s-0'), count('s-1')]).toEqual([5, 6]);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'counts%'").all().map((row) => (row as { name: string }).name);
    expect(tables.sort()).toEqual(['counts', 'counts_by_n__g2']);
    await expect(Promise.all([counts.rebuild(), counts.rebuild()])).rejects.toThrow(/already rebuilding/);
  });

  it('notices a rebuild swapped in by another process and resumes from its checkpoint', async () => {
    await store.appendToStream('s-1', [counted(), counted()]);
    const server = runner(countingProjection());
    await server.start();
    await eventually(() => count('s-1') === 2);

    const cliDb = openDurableSqlite(file);
    const cli = new ProjectionRunner(store, cliDb, countingProjection(), { batchSize: 3 });
    await cli.rebuild();
    cliDb.close();

    const { position } = await store.appendToStream('s-1', [counted()]);
    expect(await reaches(server, position)).toBe(true);
    await eventually(() => count('s-1') === 3);
    expect((await server.status()).generation).toBe(2);
  });

  it('waitFor answers false when the position is not reached in time', async () => {
    const counts = runner(countingProjection());
    await counts.start();
    expect(await counts.waitFor(10_000n, 50)).toBe(false);
  });
});
