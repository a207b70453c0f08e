import fc from 'fast-check';
import { talksDecider } from '@parley/domain';
import { acceptedHistory, talksIntents } from '@parley/domain/testing/talks.histories';
import { EventStore, EventToAppend, ReadStreamOptions, SqliteEventStore } from '@parley/event-store';
import { ConfigService } from '@nestjs/config';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Environment } from '../config/environment';
import { Metrics } from '../observability/metrics';
import { PersistedSnapshots } from './persisted-snapshots';
import { emptySnapshot, foldInto } from './stream-snapshot';
import { StreamStateCache } from './stream-state.cache';

/**
 * A process started again finds the long streams it folded persisted: its first command folds
 * only the events after the snapshot, into the state a fold of every event gives. A snapshot it
 * cannot trust (another version, a damaged payload, a store behind it) is left aside and counted.
 */

const EVERY = 5;

const config = (snapshotFile: string) =>
  ({
    get: (key: keyof Environment) =>
      ({ PARLEY_STATE_CACHE_ENTRIES: 10, PARLEY_STATE_CACHE_MB: 64, PARLEY_SNAPSHOT_EVERY: EVERY, PARLEY_SNAPSHOT_DB: snapshotFile, PARLEY_DB: 'unused' })[key as string],
  }) as unknown as ConfigService<Environment, true>;

/** Every field, in any order (the domain's snapshot spec checks each collection's order). */
const comparable = (state: unknown): unknown => JSON.parse(JSON.stringify(state, (_, value) => (typeof value === 'bigint' ? value.toString() : value)));

/** The real store, with the revision each stream read started from written down. */
const observed = (store: EventStore) => {
  const readsFrom: number[] = [];
  const reading: EventStore = Object.create(store);
  reading.readStream = (streamId: string, options?: ReadStreamOptions) => {
    readsFrom.push(options?.fromRevision ?? 0);
    return store.readStream(streamId, options);
  };
  return { store: reading, readsFrom };
};

/** One process's command side: its state cache and its persisted snapshots. */
const startProcess = (store: EventStore, snapshotFile: string) => {
  const metrics = new Metrics();
  const { store: reading, readsFrom } = observed(store);
  const persisted = new PersistedSnapshots(reading, config(snapshotFile), metrics);
  const cache = new StreamStateCache(reading, config(snapshotFile), metrics, persisted);
  const counted = async (outcome: string) => (await metrics.stateSnapshots.get()).values.find((value) => value.labels.outcome === outcome)?.value ?? 0;
  return { cache, readsFrom, counted, stop: () => persisted.onApplicationShutdown() };
};

const asAppended = (events: ReturnType<typeof acceptedHistory>['events']): EventToAppend[] => events.map(({ id, type, data }) => ({ id, type, data, metadata: {} }));

describe('persisted snapshots of folded streams (real SQLite store and file)', () => {
  let directory: string;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'parley-snapshots-'));
  });

  afterEach(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it('after a restart, the snapshot and the tail another writer appended since fold into what a fold of every event gives', async () => {
    const store = await SqliteEventStore.open({ filename: ':memory:' });
    const snapshotFile = join(directory, 'snapshots.db');
    try {
      await fc.assert(
        fc.asyncProperty(talksIntents, fc.nat(), async (intents, cut) => {
          const streamId = `talks-${randomUUID()}`;
          const { events } = acceptedHistory(intents, () => randomUUID());
          const at = cut % (events.length + 1);
          await store.appendToStream(streamId, asAppended(events.slice(0, at)));
          const first = startProcess(store, snapshotFile);
          await first.cache.load(streamId, talksDecider);
          first.stop();
          if (at < events.length) await store.appendToStream(streamId, asAppended(events.slice(at)));

          const second = startProcess(store, snapshotFile);
          const loaded = await second.cache.load(streamId, talksDecider);
          second.stop();
          const cold = foldInto(talksDecider, emptySnapshot(talksDecider), await store.readStream(streamId));
          expect(comparable(loaded)).toEqual(comparable(cold));
          const snapshotted = at >= EVERY;
          expect(second.readsFrom).toEqual([snapshotted ? at - 1 : 0]);
          expect(await second.counted('restored')).toBe(snapshotted ? 1 : 0);
        }),
        { numRuns: 40 },
      );
    } finally {
      await store.close();
    }
  });

  it('is written only for a stream folded from at least PARLEY_SNAPSHOT_EVERY events', async () => {
    const store = await SqliteEventStore.open({ filename: ':memory:' });
    const snapshotFile = join(directory, 'snapshots.db');
    const [short, long] = [`talks-${randomUUID()}`, `talks-${randomUUID()}`];
    const opening = () => asAppended(acceptedHistory([], () => randomUUID()).events);
    const more = (count: number): EventToAppend[] =>
      Array.from({ length: count }, () => ({ id: randomUUID(), type: 'TalksStalled', data: { talksId: 'x', reason: 'later' }, metadata: {} }));
    await store.appendToStream(short, [...opening(), ...more(EVERY - 2)]);
    await store.appendToStream(long, [...opening(), ...more(EVERY - 1)]);
    const first = startProcess(store, snapshotFile);
    await first.cache.load(short, talksDecider);
    await first.cache.load(long, talksDecider);
    first.stop();
    expect(await first.counted('written')).toBe(1);
    const file = new Database(snapshotFile);
    expect(file.prepare('SELECT stream_id AS streamId, revision FROM snapshot_heads').all()).toEqual([{ streamId: long, revision: EVERY - 1 }]);
    // Its payload's parts, and none of another generation.
    expect(file.prepare('SELECT count(*) AS parts FROM snapshot_parts WHERE generation NOT IN (SELECT generation FROM snapshot_heads)').get()).toEqual({ parts: 0 });
    expect(file.prepare('SELECT count(*) AS parts FROM snapshot_parts').get()).toEqual(file.prepare('SELECT parts FROM snapshot_heads').get());
    file.close();
    await store.close();
  });

  it('keeps the commands sent with an Idempotency-Key, so that a retry after a restart finds its first answer', async () => {
    const store = await SqliteEventStore.open({ filename: ':memory:' });
    const snapshotFile = join(directory, 'snapshots.db');
    const streamId = `talks-${randomUUID()}`;
    const { events } = acceptedHistory([], () => randomUUID());
    const keyed = Array.from({ length: EVERY }, (_, index) => ({
      id: randomUUID(),
      type: 'TalksStalled',
      data: { talksId: 'x', reason: `stall ${index}` },
      metadata: { commandId: `command-${index}`, idempotencyKeyHash: `hash-${index}`, requestFingerprint: `fingerprint-${index}` },
    }));
    await store.appendToStream(streamId, [...asAppended(events), ...keyed]);
    const first = startProcess(store, snapshotFile);
    const before = await first.cache.load(streamId, talksDecider);
    first.stop();
    const second = startProcess(store, snapshotFile);
    const after = await second.cache.load(streamId, talksDecider);
    second.stop();
    expect(await second.counted('restored')).toBe(1);
    expect(comparable(after.keyedCommands.toJS())).toEqual(comparable(before.keyedCommands.toJS()));
    expect(after.keyedCommands.get('command-2')).toMatchObject({ fingerprint: 'fingerprint-2', revision: events.length + 2 });
    await store.close();
  });

  describe('a snapshot that cannot be trusted is left aside, and the stream folded from its events', () => {
    const streamId = 'talks-backed-up';
    const { events } = acceptedHistory([], () => randomUUID());
    const stalls = (count: number, reason: string): EventToAppend[] =>
      Array.from({ length: count }, () => ({ id: randomUUID(), type: 'TalksStalled', data: { talksId: 'x', reason }, metadata: {} }));

    /** A store file with a snapshot of the stream at `revision` beside it; `backup` is a copy of the store taken before the last `later` events. */
    const prepared = async (later: number) => {
      const storeFile = join(directory, 'parley.db');
      const backup = join(directory, 'backup.db');
      const snapshotFile = join(directory, 'parley.snapshots.db');
      let store = await SqliteEventStore.open({ filename: storeFile });
      await store.appendToStream(streamId, [...asAppended(events), ...stalls(EVERY, 'first')]);
      await store.close();
      copyFileSync(storeFile, backup);
      store = await SqliteEventStore.open({ filename: storeFile });
      await store.appendToStream(streamId, stalls(later, 'after the backup'));
      const writer = startProcess(store, snapshotFile);
      const snapshot = await writer.cache.load(streamId, talksDecider);
      writer.stop();
      await store.close();
      return { storeFile, backup, snapshotFile, snapshot };
    };

    const reopened = async (storeFile: string, snapshotFile: string, check: (process: ReturnType<typeof startProcess>, store: EventStore) => Promise<void>) => {
      const store = await SqliteEventStore.open({ filename: storeFile });
      try {
        const process = startProcess(store, snapshotFile);
        const loaded = await process.cache.load(streamId, talksDecider);
        process.stop();
        const cold = foldInto(talksDecider, emptySnapshot(talksDecider), await store.readStream(streamId));
        expect(comparable(loaded)).toEqual(comparable(cold));
        expect(process.readsFrom.at(-1)).toBe(0);
        await check(process, store);
      } finally {
        await store.close();
      }
    };

    it('one ahead of the store (an older backup of it restored)', async () => {
      const { storeFile, backup, snapshotFile } = await prepared(3);
      copyFileSync(backup, storeFile);
      rmSync(`${storeFile}-wal`, { force: true });
      rmSync(`${storeFile}-shm`, { force: true });
      await reopened(storeFile, snapshotFile, async (process) => expect(await process.counted('ignored_mismatch')).toBe(1));
    });

    it('one of another history at the same revision (the backup restored, then written to)', async () => {
      const { storeFile, backup, snapshotFile, snapshot } = await prepared(3);
      copyFileSync(backup, storeFile);
      rmSync(`${storeFile}-wal`, { force: true });
      rmSync(`${storeFile}-shm`, { force: true });
      const store = await SqliteEventStore.open({ filename: storeFile });
      await store.appendToStream(streamId, stalls(3, 'another future'));
      expect((await store.readStream(streamId)).length - 1).toBe(snapshot.revision);
      await store.close();
      await reopened(storeFile, snapshotFile, async (process) => expect(await process.counted('ignored_mismatch')).toBe(1));
    });

    it('one whose payload was damaged', async () => {
      const { storeFile, snapshotFile } = await prepared(0);
      const file = new Database(snapshotFile);
      file.prepare("UPDATE snapshot_parts SET data = CAST(replace(CAST(data AS TEXT), 'first', 'FIRST') AS BLOB)").run();
      file.close();
      await reopened(storeFile, snapshotFile, async (process) => expect(await process.counted('ignored_corrupt')).toBe(1));
    });

    it('one whose payload lost a part (replaced by another process as it was read)', async () => {
      const { storeFile, snapshotFile } = await prepared(0);
      const file = new Database(snapshotFile);
      file.prepare('DELETE FROM snapshot_parts WHERE idx = (SELECT max(idx) FROM snapshot_parts)').run();
      await reopened(storeFile, snapshotFile, async (process) => expect(await process.counted('ignored_corrupt')).toBe(1));
      // Dropped with what was left of it: the next snapshot is written whole.
      expect(file.prepare('SELECT count(*) AS heads FROM snapshot_heads WHERE parts > (SELECT count(*) FROM snapshot_parts p WHERE p.generation = snapshot_heads.generation)').get()).toEqual({ heads: 0 });
      file.close();
    });

    it('one of another snapshot version, which the next snapshot replaces', async () => {
      const { storeFile, snapshotFile } = await prepared(0);
      const file = new Database(snapshotFile);
      file.prepare('UPDATE snapshot_heads SET state_version = state_version + 1').run();
      await reopened(storeFile, snapshotFile, async (process) => expect(await process.counted('ignored_version')).toBe(1));
      expect(file.prepare('SELECT state_version AS version FROM snapshot_heads').get()).toEqual({ version: talksDecider.snapshot?.version });
      // The replaced one's parts went with it.
      expect(file.prepare('SELECT count(*) AS parts FROM snapshot_parts WHERE generation NOT IN (SELECT generation FROM snapshot_heads)').get()).toEqual({ parts: 0 });
      file.close();
    });
  });
});
