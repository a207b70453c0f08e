import {
  DeleteResult,
  EventStoreDBClient,
  jsonEvent,
  StreamDeletedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { AppendResp } from '@eventstore/db-client/generated/streams_pb';
import { randomUUID } from 'node:crypto';
import {
  DuplicateEventIdError,
  EventStoreDbEventStore,
  EventToAppend,
  RecordedEvent,
  WrongExpectedRevisionError,
} from '@parley/event-store';
import { EsdbTestServer, startEsdbTestServer } from '../support/esdb/esdb-test-server';
import { STALL_MS, waitWhileProgressing } from '../support/progress/wait-while-progressing';

const event = (type = 'AdapterTested', data: unknown = { at: randomUUID() }): EventToAppend => ({ id: randomUUID(), type, data });
const stream = (label: string) => `adapter-${label}-${randomUUID().slice(0, 8)}`;

describe('EventStoreDbEventStore against the EventStoreDB test server', () => {
  let server: EsdbTestServer;
  let store: EventStoreDbEventStore;
  const drops: Array<bigint | undefined> = [];

  beforeEach(async () => {
    server = await startEsdbTestServer();
    drops.length = 0;
    store = EventStoreDbEventStore.connect({
      connectionString: server.connectionString,
      resume: { minBackoffMs: 20, maxBackoffMs: 200, onDrop: (_error, after) => drops.push(after) },
    });
  });
  afterEach(async () => {
    await store.close();
    await server.stop();
  });

  describe('a subscription that drops', () => {
    it('resumes after a server restart from the last position it delivered: no gap, no duplicate', async () => {
      const name = stream('resume');
      await store.appendToStream(name, [event(), event()]);
      const subscription = store.subscribeToAll({ filter: { streamPrefixes: [name] } });
      const events = subscription[Symbol.asyncIterator]();
      const seen = await take(events, 2);

      await server.restart();
      await eventually(() => drops.length > 0);
      await retry(() => store.appendToStream(name, [event(), event()]));
      seen.push(...(await take(events, 2)));

      expect(seen.map((e) => e.revision)).toEqual([0, 1, 2, 3]);
      expect(drops[0]).toBe(seen[1].position);
      await subscription.unsubscribe();
    });

    it('keeps retrying with backoff while the server is down, and catches up when it is back', async () => {
      const name = stream('down');
      const subscription = store.subscribeToAll({ fromPosition: await store.headPosition(), filter: { streamPrefixes: [name] } });
      const pending = subscription[Symbol.asyncIterator]().next();
      await new Promise((resolve) => setTimeout(resolve, 50));

      await server.stop();
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(drops.length).toBeGreaterThan(1);
      await server.restart();
      await retry(() => store.appendToStream(name, [event()]));

      await expect(within(pending)).resolves.toMatchObject({ done: false, value: { streamId: name, revision: 0 } });
      await subscription.unsubscribe();
    });

    it('ends without reconnecting once unsubscribed', async () => {
      const subscription = store.subscribeToAll({ filter: { streamPrefixes: [stream('quiet')] } });
      const pending = subscription[Symbol.asyncIterator]().next();
      await subscription.unsubscribe();
      await server.restart();
      await expect(within(pending)).resolves.toMatchObject({ done: true });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(drops).toEqual([]);
    });
  });

  describe('errors, mapped to the port', () => {
    it('maps WrongExpectedVersionError to WrongExpectedRevisionError with the actual revision', async () => {
      const name = stream('conflict');
      await store.appendToStream(name, [event(), event()]);

      const error = await store.appendToStream(name, [event()], { expectedRevision: 0 }).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect(error).toMatchObject({ streamId: name, expected: 0, actual: 1 });
    });

    it("maps a wrong expected version under 'any' (EventStoreDB's corrupted idempotency) to DuplicateEventIdError", async () => {
      const name = stream('corrupted');
      const [a, b] = [event(), event()];
      await store.appendToStream(name, [a, b]);

      await expect(store.appendToStream(name, [a, event()])).rejects.toEqual(new DuplicateEventIdError(a.id));
      await expect(store.appendToStream(name, [b, a])).rejects.toBeInstanceOf(DuplicateEventIdError);
    });

    it('refuses a repeated id inside one batch before sending it', async () => {
      const twice = event();
      await expect(store.appendToStream(stream('twice'), [twice, twice])).rejects.toBeInstanceOf(DuplicateEventIdError);
    });

    it('answers a repeated append with its position, which the server leaves out, read back from the stream', async () => {
      const name = stream('repeat');
      const events = [event(), event()];
      const first = await store.appendToStream(name, events, { expectedRevision: 'no_stream' });

      await expect(store.appendToStream(name, events, { expectedRevision: 'no_stream' })).resolves.toEqual(first);
    });

    it('reads a stream the server reports as not found, or soft-deleted, as empty', async () => {
      const name = stream('deleted');
      await store.appendToStream(name, [event()]);
      const client = EventStoreDBClient.connectionString(server.connectionString);
      try {
        await client.deleteStream(name);
        await expect(store.readStream(name)).resolves.toEqual([]);
        await expect(store.readStream(stream('never'))).resolves.toEqual([]);
      } finally {
        await client.dispose();
      }
    });
  });

  describe('what EventStoreDB does where the embedded store refuses (no store-wide index of ids)', () => {
    it('writes an id already stored in another stream', async () => {
      const shared = event();
      await store.appendToStream(stream('one'), [shared]);
      const other = stream('two');

      await store.appendToStream(other, [shared]);

      expect((await store.readStream(other)).map((e) => e.id)).toEqual([shared.id]);
    });

    it('writes a batch whose first id is new even if a later one is stored', async () => {
      const name = stream('later');
      const a = event();
      await store.appendToStream(name, [a]);

      await store.appendToStream(name, [event(), a]);

      expect(await store.readStream(name)).toHaveLength(3);
    });
  });

  describe("EventStoreDB's own events", () => {
    it('are left out of readAll, subscriptions and the head position', async () => {
      const name = stream('system');
      const { position } = await store.appendToStream(name, [event()]);
      const client = EventStoreDBClient.connectionString(server.connectionString);
      let deleted: DeleteResult;
      try {
        deleted = await client.deleteStream(stream('gone'));
      } finally {
        await client.dispose();
      }

      expect(deleted.position!.commit).toBeGreaterThan(position);
      await expect(store.headPosition()).resolves.toBe(position);
      const all = await store.readAll();
      expect(all.some((e) => e.streamId.startsWith('$') || e.type.startsWith('$'))).toBe(false);
      const subscription = store.subscribeToAll();
      const seen = await take(subscription[Symbol.asyncIterator](), all.length);
      expect(seen).toEqual(all);
      await subscription.unsubscribe();
    });
  });

  it('ping rejects within its timeout when the server is down', async () => {
    const impatient = EventStoreDbEventStore.connect({ connectionString: server.connectionString, pingTimeoutMs: 300 });
    try {
      await impatient.ping();
      await server.stop();
      await expect(impatient.ping()).rejects.toThrow();
    } finally {
      await impatient.close();
    }
  });
});

describe('the EventStoreDB test server speaks what client 6.2.1 measures', () => {
  let server: EsdbTestServer;
  let client: EventStoreDBClient;

  beforeAll(async () => {
    server = await startEsdbTestServer();
    client = EventStoreDBClient.connectionString(server.connectionString);
  });
  afterAll(async () => {
    await client.dispose();
    await server.stop();
  });

  it('int64 fields are decimal strings: a number or a BigInt silently encodes as "0"', () => {
    const encode = (value: unknown) => {
      const position = new AppendResp.Position().setCommitPosition(value as string);
      return AppendResp.Position.deserializeBinary(position.serializeBinary()).getCommitPosition();
    };
    expect([encode(42), encode(42n), encode('42')]).toEqual(['0', '0', '42']);
  });

  it('stamps created in 100-ns ticks, read back as the current date', async () => {
    const name = stream('created');
    await client.appendToStream(name, jsonEvent({ type: 'Tested', data: {} }));
    for await (const { event } of client.readStream(name)) {
      expect(Math.abs(event!.created.getTime() - Date.now())).toBeLessThan(60_000);
    }
  });

  it('answers a wrong expected version on Append as a result, on Delete and Tombstone with the four trailers', async () => {
    const name = stream('wrong');
    await client.appendToStream(name, jsonEvent({ type: 'Tested', data: {} }));

    const append = await client.appendToStream(name, jsonEvent({ type: 'Tested', data: {} }), { expectedRevision: 5n }).catch((e: unknown) => e);
    const remove = await client.deleteStream(name, { expectedRevision: 5n }).catch((e: unknown) => e);
    const tombstone = await client.tombstoneStream(name, { expectedRevision: 5n }).catch((e: unknown) => e);

    for (const error of [append, remove, tombstone]) {
      expect(error).toBeInstanceOf(WrongExpectedVersionError);
      expect(error).toMatchObject({ streamName: name, expectedVersion: 5n, actualVersion: 0n });
    }
  });

  it('reports a missing stream as a stream_not_found message, and a tombstoned one as deleted', async () => {
    const missing = async (name: string) => {
      for await (const _ of client.readStream(name)) return 'read an event';
      return 'ended';
    };
    await expect(missing(stream('missing'))).rejects.toBeInstanceOf(StreamNotFoundError);
    const name = stream('tombstoned');
    await client.appendToStream(name, jsonEvent({ type: 'Tested', data: {} }));
    await client.tombstoneStream(name);
    await expect(client.appendToStream(name, jsonEvent({ type: 'Tested', data: {} }))).rejects.toBeInstanceOf(StreamDeletedError);
    await expect(missing(name)).rejects.toBeInstanceOf(StreamDeletedError);
  });

  it('sends type and content-type in the metadata of each proposed event', async () => {
    const name = stream('metadata');
    await client.appendToStream(name, jsonEvent({ type: 'Tested', data: { a: 1 } }));
    const stored = server.log.all.find((e) => e.streamId === name)!;
    expect(stored).toMatchObject({ type: 'Tested', contentType: 'application/json' });
  });
});

async function take(events: AsyncIterator<RecordedEvent>, count: number): Promise<RecordedEvent[]> {
  const taken: RecordedEvent[] = [];
  while (taken.length < count) {
    const next = await within(events.next());
    if (next.done) throw new Error(`The subscription ended after ${taken.length} of ${count} events`);
    taken.push(next.value);
  }
  return taken;
}

/** A wait with nothing to watch in between: bounded only by how long it may stall (STALL_MS). */
async function within<T>(promise: Promise<T>, ms = STALL_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Nothing arrived within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const eventually = (condition: () => boolean): Promise<void> =>
  waitWhileProgressing({ what: 'the condition', done: condition, progress: () => undefined });

/** The first request after a restart may meet the old, broken channel: the client then reconnects. */
async function retry<T>(action: () => Promise<T>, attempts = 20): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await action();
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
