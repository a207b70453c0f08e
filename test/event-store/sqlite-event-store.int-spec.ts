import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DuplicateEventIdError,
  EventToAppend,
  RecordedEvent,
  SqliteEventStore,
  SqliteEventStoreOptions,
  WrongExpectedRevisionError,
} from '@parley/event-store';
import { APPEND_SQL } from '@parley/event-store/sqlite/sqlite.statements';
import { describeEventStoreContract } from '@parley/event-store/testing/event-store.contract';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'parley-event-store-'));
}

describeEventStoreContract('SqliteEventStore on a file', async () => {
  const dir = tempDir();
  // A small page makes the seam test cross several pages while catching up.
  const store = await SqliteEventStore.open({ filename: join(dir, 'events.db'), subscriptionPageSize: 5 });
  return {
    store,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describeEventStoreContract('SqliteEventStore in memory', async () => {
  const store = await SqliteEventStore.open({ filename: ':memory:' });
  return { store, cleanup: () => store.close() };
});

describe('SqliteEventStore on SQLite', () => {
  let dir: string;
  const open: SqliteEventStore[] = [];

  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((store) => store.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  const openStore = async (options: Partial<SqliteEventStoreOptions> = {}) => {
    const store = await SqliteEventStore.open({ filename: join(dir, 'events.db'), ...options });
    open.push(store);
    return store;
  };
  const event = (data: unknown = {}): EventToAppend => ({ id: randomUUID(), type: 'SqliteTested', data });

  it('creates the parent directories of the file', async () => {
    const filename = join(dir, 'a', 'b', 'events.db');
    await openStore({ filename });
    expect(existsSync(filename)).toBe(true);
  });

  it('runs a file in WAL with synchronous FULL, also after close and reopen', async () => {
    const first = await openStore();
    expect(first.pragmas()).toMatchObject({ journalMode: 'wal', synchronous: 'FULL', schemaVersion: 2 });
    await first.close();

    const reopened = await openStore();

    expect(reopened.pragmas()).toMatchObject({ journalMode: 'wal', synchronous: 'FULL', schemaVersion: 2 });
  });

  it('needs synchronous set on each open: a plain reopen of the WAL file runs at NORMAL', async () => {
    // Characterizes why the store sets it every time; if this fails, the default changed.
    const store = await openStore();
    await store.close();
    const plain = new Database(join(dir, 'events.db'));
    try {
      expect(plain.pragma('synchronous', { simple: true })).toBe(1);
    } finally {
      plain.close();
    }
  });

  it('runs in memory with synchronous FULL', async () => {
    const store = await openStore({ filename: ':memory:' });
    expect(store.pragmas()).toMatchObject({ journalMode: 'memory', synchronous: 'FULL', schemaVersion: 2 });
  });

  it('keeps events, revisions and positions across a reopen, and carries on after them', async () => {
    const first = await openStore({ now: () => new Date('2025-01-15T10:00:00.123Z') });
    await first.appendToStream('talks-x', [event({ n: 1 }), event({ n: 2 })], { expectedRevision: 'no_stream' });
    const before = await first.readAll();
    await first.close();

    const reopened = await openStore();
    const result = await reopened.appendToStream('talks-x', [event({ n: 3 })], { expectedRevision: 1 });

    const after = await reopened.readAll();
    expect(after.slice(0, 2)).toEqual(before);
    expect(after[0].recordedAt.toISOString()).toBe('2025-01-15T10:00:00.123Z');
    expect(result).toEqual({ streamId: 'talks-x', nextExpectedRevision: 2, position: before[1].position + 1n, positions: [before[1].position + 1n] });
  });

  it('keeps its identity across a reopen; another file is another store', async () => {
    const store = await openStore();
    const id = await store.storeId();
    await store.close();
    const reopened = await openStore();
    expect(await reopened.storeId()).toBe(id);
    await reopened.close();
    const other = await SqliteEventStore.open({ filename: join(dir, 'other.db') });
    expect(await other.storeId()).not.toBe(id);
    await other.close();
  });

  it('gives a file of schema version 1 an identity when it upgrades it, and keeps its events', async () => {
    const store = await openStore();
    await store.appendToStream('talks-x', [event()]);
    await store.close();
    const raw = new Database(join(dir, 'events.db'));
    raw.exec('DROP TABLE store_identity');
    raw.pragma('user_version = 1');
    raw.close();

    const upgraded = await openStore();
    expect(await upgraded.storeId()).toMatch(/^sqlite:[0-9a-f]{32}$/);
    expect(await upgraded.readStream('talks-x')).toHaveLength(1);
    await upgraded.close();
  });

  it('refuses a file written by a newer schema version', async () => {
    const store = await openStore();
    await store.close();
    const raw = new Database(join(dir, 'events.db'));
    raw.pragma('user_version = 99');
    raw.close();

    await expect(openStore()).rejects.toThrow(/schema version 99 is newer/);
  });

  it('holds the unique constraints on (stream, revision) and on event id, whoever writes', async () => {
    const store = await openStore();
    const stored = event();
    await store.appendToStream('talks-x', [stored]);
    const raw = new Database(join(dir, 'events.db'));
    const insert = raw.prepare(
      `INSERT INTO events (id, stream_id, revision, type, data, metadata, recorded_at) VALUES (?, ?, ?, 'T', '{}', '{}', 0)`,
    );
    try {
      expect(() => insert.run(randomUUID(), 'talks-x', 0)).toThrow(/UNIQUE constraint failed: events.stream_id, events.revision/);
      expect(() => insert.run(stored.id, 'talks-y', 0)).toThrow(/UNIQUE constraint failed: events.id/);
    } finally {
      raw.close();
    }
  });

  it('never hands a position out twice, even after the last event is deleted', async () => {
    const store = await openStore();
    const first = await store.appendToStream('talks-x', [event()]);
    const raw = new Database(join(dir, 'events.db'));
    raw.prepare('DELETE FROM events WHERE position = ?').run(first.position);
    raw.close();

    const second = await store.appendToStream('talks-y', [event()]);

    expect(second.position).toBeGreaterThan(first.position);
  });

  it('reports head position 0 and reads nothing when empty', async () => {
    const store = await openStore();
    await expect(store.headPosition()).resolves.toBe(0n);
    await expect(store.readAll()).resolves.toEqual([]);
    await expect(store.readAll({ direction: 'backwards' })).resolves.toEqual([]);
  });

  it('stamps recordedAt from the injected clock, one instant per append, to the millisecond', async () => {
    let now = new Date('2025-08-06T12:34:56.789Z');
    const store = await openStore({ now: () => now });
    await store.appendToStream('talks-x', [event(), event()]);
    now = new Date('2025-08-07T00:00:00.001Z');
    await store.appendToStream('talks-x', [event()]);

    const events = await store.readStream('talks-x');

    expect(events.map((e) => e.recordedAt.toISOString())).toEqual([
      '2025-08-06T12:34:56.789Z',
      '2025-08-06T12:34:56.789Z',
      '2025-08-07T00:00:00.001Z',
    ]);
  });

  describe('ids are unique across the store (SQLite only: EventStoreDB does not index ids store-wide)', () => {
    it('rejects a batch whose stored id is not its first event, writing none of it', async () => {
      const store = await openStore();
      const a = event();
      await store.appendToStream('talks-x', [a]);

      const error = await store.appendToStream('talks-x', [event(), a]).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(DuplicateEventIdError);
      expect(error).toMatchObject({ eventId: a.id });
      expect((await store.readStream('talks-x')).map((e) => e.id)).toEqual([a.id]);
    });

    it('rejects an id stored in another stream', async () => {
      const store = await openStore();
      const stored = event();
      await store.appendToStream('talks-x', [stored]);

      const error = await store.appendToStream('talks-y', [stored]).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(DuplicateEventIdError);
      expect(error).toMatchObject({ eventId: stored.id });
      expect(await store.readStream('talks-y')).toEqual([]);
    });

    it('rejects ids stored at another place in the same stream', async () => {
      const store = await openStore();
      const [a, b] = [event(), event()];
      await store.appendToStream('talks-x', [a, b]);

      await expect(store.appendToStream('talks-x', [b, a])).rejects.toBeInstanceOf(DuplicateEventIdError);
      await expect(store.appendToStream('talks-x', [a], { expectedRevision: 1 })).rejects.toBeInstanceOf(DuplicateEventIdError);
      expect(await store.readStream('talks-x')).toHaveLength(2);
    });
  });

  it('rejects a repeated id inside one batch and writes none of it', async () => {
    const store = await openStore();
    const twice = event();

    await expect(store.appendToStream('talks-x', [event(), twice, twice])).rejects.toBeInstanceOf(DuplicateEventIdError);

    await expect(store.readStream('talks-x')).resolves.toEqual([]);
  });

  it('treats an id in upper case as the same event', async () => {
    const store = await openStore();
    const stored = event();
    const first = await store.appendToStream('talks-x', [stored], { expectedRevision: 'no_stream' });

    await expect(
      store.appendToStream('talks-x', [{ ...stored, id: stored.id.toUpperCase() }], { expectedRevision: 'no_stream' }),
    ).resolves.toEqual(first);
  });

  it('rejects input EventStoreDB would reject, before writing anything', async () => {
    const store = await openStore();
    await expect(store.appendToStream('talks-x', [{ id: 'not-a-uuid', type: 'T', data: {} }])).rejects.toThrow(TypeError);
    await expect(store.appendToStream('talks-x', [{ id: randomUUID(), type: '', data: {} }])).rejects.toThrow(TypeError);
    await expect(store.appendToStream('talks-x', [{ id: randomUUID(), type: 'T', data: undefined }])).rejects.toThrow(
      TypeError,
    );
    await expect(store.appendToStream('talks-x', [event()], { expectedRevision: -1 })).rejects.toThrow(RangeError);
    await expect(store.appendToStream('', [event()])).rejects.toThrow(TypeError);
    await expect(store.readStream('talks-x', { maxCount: -1 })).rejects.toThrow(RangeError);
    await expect(store.headPosition()).resolves.toBe(0n);
  });

  it('detects a conflicting append made through another connection to the same file', async () => {
    const mine = await openStore();
    const theirs = await openStore();
    await mine.appendToStream('talks-x', [event()], { expectedRevision: 'no_stream' });
    await theirs.appendToStream('talks-x', [event()], { expectedRevision: 0 });

    await expect(mine.appendToStream('talks-x', [event()], { expectedRevision: 0 })).rejects.toMatchObject({
      actual: 1,
    });
  });

  it("wakes a live subscription at once on this store's own appends", async () => {
    const store = await openStore({ pollIntervalMs: 60_000 });
    const subscription = store.subscribeToAll();
    const pending = subscription[Symbol.asyncIterator]().next();
    await new Promise((resolve) => setImmediate(resolve));

    const started = Date.now();
    await store.appendToStream('talks-x', [event()]);
    const next = await pending;

    expect(next.value).toMatchObject({ streamId: 'talks-x', revision: 0 });
    expect(Date.now() - started).toBeLessThan(1000);
    await subscription.unsubscribe();
  });

  it('sees, by polling, appends made by another store on the same file', async () => {
    const reader = await openStore({ pollIntervalMs: 50 });
    const writer = await openStore();
    const subscription = reader.subscribeToAll({ filter: { streamPrefixes: ['talks-'] } });
    const events = subscription[Symbol.asyncIterator]();
    const pending = events.next();
    await new Promise((resolve) => setTimeout(resolve, 20));

    await writer.appendToStream('actor-y', [event()]);
    await writer.appendToStream('talks-x', [event(), event()]);
    const seen = [(await pending).value as RecordedEvent, (await events.next()).value as RecordedEvent];

    expect(seen.map((e) => `${e.streamId}@${e.revision}`)).toEqual(['talks-x@0', 'talks-x@1']);
    await subscription.unsubscribe();
  });

  it('catches up a filtered subscription over many pages in order', async () => {
    const store = await openStore({ subscriptionPageSize: 7 });
    for (let i = 0; i < 10; i++) {
      await store.appendToStream('noise', [event(), event(), event()]);
      await store.appendToStream('talks-x', [event({ i })]);
    }
    const subscription = store.subscribeToAll({ filter: { streamPrefixes: ['talks-'] } });
    const seen: number[] = [];
    for await (const e of subscription) {
      seen.push(e.revision);
      if (seen.length === 10) break;
    }
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  describe('group commit: the appends of one event-loop turn share a transaction, a savepoint each', () => {
    it('rejects only the append whose expectation fails; the others of the turn commit', async () => {
      const store = await openStore();
      await store.appendToStream('talks-g1', [event()]);

      const outcomes = await Promise.allSettled([
        store.appendToStream('talks-g2', [event()], { expectedRevision: 'no_stream' }),
        store.appendToStream('talks-g1', [event()], { expectedRevision: 5 }),
        store.appendToStream('talks-g3', [event(), event()], { expectedRevision: 'no_stream' }),
      ]);

      expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevisionError);
      expect(await store.readStream('talks-g1')).toHaveLength(1);
      expect(await store.readStream('talks-g3')).toHaveLength(2);
    });

    it('lets exactly one of two appends racing on the same expected revision win', async () => {
      const store = await openStore();
      const outcomes = await Promise.allSettled([
        store.appendToStream('talks-race', [event()], { expectedRevision: 'no_stream' }),
        store.appendToStream('talks-race', [event()], { expectedRevision: 'no_stream' }),
      ]);

      expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected']);
      expect(await store.readStream('talks-race')).toHaveLength(1);
    });

    it('treats the same ids appended twice in one turn as one append', async () => {
      const store = await openStore();
      const events = [event(), event()];

      const [first, again] = await Promise.all([
        store.appendToStream('talks-twice', events, { expectedRevision: 'no_stream' }),
        store.appendToStream('talks-twice', events, { expectedRevision: 'no_stream' }),
      ]);

      expect(again).toEqual(first);
      expect(await store.readStream('talks-twice')).toHaveLength(2);
    });

    it('rolls back a duplicate id alone, with positions that still increase in the order of the appends', async () => {
      const store = await openStore();
      const taken = event();
      await store.appendToStream('talks-d1', [taken]);

      const outcomes = await Promise.allSettled([
        store.appendToStream('talks-d2', [event()]),
        store.appendToStream('talks-d3', [event(), taken]),
        store.appendToStream('talks-d4', [event()]),
      ]);

      expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(DuplicateEventIdError);
      const [d2, , d4] = outcomes.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value.position : 0n));
      expect(d4).toBeGreaterThan(d2);
      expect(await store.readStream('talks-d3')).toEqual([]);
    });

    it('settles an append only once it is committed: another connection already sees it', async () => {
      const store = await openStore();
      const appended = event();
      await store.appendToStream('talks-seen', [appended]);

      const raw = new Database(join(dir, 'events.db'), { readonly: true });
      try {
        expect(raw.prepare('SELECT id FROM events WHERE stream_id = ?').pluck().all('talks-seen')).toEqual([appended.id]);
      } finally {
        raw.close();
      }
    });

    it('commits the appends still queued when the store closes', async () => {
      const store = await openStore();
      const pending = store.appendToStream('talks-closing', [event()]);
      await store.close();
      await expect(pending).resolves.toMatchObject({ nextExpectedRevision: 0 });

      const reopened = await openStore();
      expect(await reopened.readStream('talks-closing')).toHaveLength(1);
    });

    it('fails every append of the turn when the transaction cannot start, and writes none of them', async () => {
      const store = await openStore({ busyTimeoutMs: 1 });
      const locker = new Database(join(dir, 'events.db'));
      try {
        locker.exec('BEGIN IMMEDIATE');
        const outcomes = await Promise.allSettled([store.appendToStream('talks-busy1', [event()]), store.appendToStream('talks-busy2', [event()])]);
        expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
        locker.exec('ROLLBACK');
      } finally {
        locker.close();
      }
      expect(await store.readStream('talks-busy1')).toEqual([]);
      await expect(store.appendToStream('talks-busy1', [event()])).resolves.toMatchObject({ nextExpectedRevision: 0 });
    });
  });

  it('closes idempotently and refuses work afterwards', async () => {
    const store = await openStore();
    await store.close();
    await store.close();
    await expect(store.ping()).rejects.toThrow(/closed/);
    await expect(store.appendToStream('talks-x', [event()])).rejects.toThrow(/closed/);
    expect(() => store.subscribeToAll()).toThrow(/closed/);
  });

  it('looks up a stream and an event id through an index on every append, never a scan', async () => {
    const store = await openStore();
    await store.close();
    const raw = new Database(join(dir, 'events.db'));
    try {
      for (const sql of [APPEND_SQL.lastOfStream, APPEND_SQL.placeOfId]) {
        const plan = raw
          .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
          .all('x')
          .map((step) => step.detail)
          .join('; ');
        expect(plan).toMatch(/USING (COVERING )?INDEX/);
        expect(plan).not.toMatch(/SCAN|TEMP B-TREE/);
      }
    } finally {
      raw.close();
    }
  });
});
