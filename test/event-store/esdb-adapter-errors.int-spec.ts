import { EventStoreDBClient, jsonEvent } from '@eventstore/db-client';
import { randomUUID } from 'node:crypto';
import {
  AppendTooLargeError,
  EventStoreDbEventStore,
  EventStoreUnavailableError,
  EventToAppend,
  StreamDeletedError,
} from '@parley/event-store';
import { EsdbTestServer, startEsdbTestServer } from '../support/esdb/esdb-test-server';

const event = (data: unknown = { at: randomUUID() }): EventToAppend => ({ id: randomUUID(), type: 'AdapterTested', data });
const stream = (label: string) => `errors-${label}-${randomUUID().slice(0, 8)}`;
const padded = (bytes: number) => event({ pad: 'x'.repeat(bytes) });

describe('EventStoreDbEventStore: every EventStoreDB client error becomes a port error', () => {
  let server: EsdbTestServer;
  let store: EventStoreDbEventStore;
  const retries: unknown[] = [];

  beforeEach(async () => {
    server = await startEsdbTestServer({ maxAppendSize: 4096, deniedStreams: ['errors-denied'] });
    retries.length = 0;
    store = EventStoreDbEventStore.connect({
      connectionString: server.connectionString,
      retry: { attempts: 4, minBackoffMs: 20, maxBackoffMs: 50, onRetry: (error) => retries.push(error) },
    });
  });
  afterEach(async () => {
    await store.close();
    await server.stop();
  });

  it('sends every append through BatchAppend', async () => {
    await store.appendToStream(stream('path'), [event(), event()]);
    await store.appendToStream(stream('path'), [event()], { expectedRevision: 'no_stream' });
    expect(server.served).toEqual({ append: 0, batchAppend: 2 });
  });

  it("refuses an append past its own limit before sending it: AppendTooLargeError with the bytes counted", async () => {
    const name = stream('guard');
    const error = await store.appendToStream(name, [padded(600 * 1024), padded(600 * 1024)]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppendTooLargeError);
    expect((error as AppendTooLargeError).bytes).toBeGreaterThan(1024 * 1024);
    expect(server.served.batchAppend).toBe(0);
  });

  it("maps the server's MaximumAppendSizeExceeded (a node set lower than the adapter) to AppendTooLargeError with the server's limit", async () => {
    const name = stream('server-limit');
    const error = await store.appendToStream(name, [padded(5000)]).catch((e: unknown) => e);
    expect(error).toEqual(new AppendTooLargeError(name, 4096));
    expect(retries).toEqual([]);
    await expect(store.readStream(name)).resolves.toEqual([]);
  });

  it('maps StreamDeleted to StreamDeletedError', async () => {
    const name = stream('tombstoned');
    await store.appendToStream(name, [event()]);
    const client = EventStoreDBClient.connectionString(server.connectionString);
    try {
      await client.tombstoneStream(name);
    } finally {
      await client.dispose();
    }
    await expect(store.appendToStream(name, [event()])).rejects.toEqual(new StreamDeletedError(name));
  });

  it('maps AccessDenied to unavailable (a wrong setting), without trying again', async () => {
    const error = await store.appendToStream('errors-denied', [event()]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EventStoreUnavailableError);
    expect(error).toMatchObject({ reason: 'access_denied' });
    expect(server.served.batchAppend).toBe(1);
  });

  it('tries again while the node is down, then gives up with EventStoreUnavailableError; reads too', async () => {
    await store.appendToStream(stream('warm'), [event()]);
    await server.stop();
    const append = await store.appendToStream(stream('down'), [event()]).catch((e: unknown) => e);
    const read = await store.readStream(stream('down')).catch((e: unknown) => e);
    const readAll = await store.readAll({ maxCount: 1 }).catch((e: unknown) => e);
    for (const error of [append, read, readAll]) {
      expect(error).toBeInstanceOf(EventStoreUnavailableError);
      expect(error).toMatchObject({ reason: 'unreachable' });
    }
    expect(retries.length).toBe(3 * 3);
  });

  it('an append in flight when the node returns succeeds by itself, once', async () => {
    const name = stream('back');
    await store.appendToStream(name, [event()]);
    await server.stop();
    const restarted = new Promise<void>((resolve) => {
      const restartOnFirstRetry = setInterval(() => {
        if (retries.length === 0) return;
        clearInterval(restartOnFirstRetry);
        void server.restart().then(resolve);
      }, 5);
    });
    const appended = event();
    const result = await store.appendToStream(name, [appended], { expectedRevision: 0 });
    await restarted;
    expect(result.nextExpectedRevision).toBe(1);
    expect((await store.readStream(name)).map((e) => e.id).filter((id) => id === appended.id)).toHaveLength(1);
  });
});

describe('the client path a credentialed caller takes', () => {
  it('refuses an oversized append on plain Append as on BatchAppend', async () => {
    const server = await startEsdbTestServer({ maxAppendSize: 100 });
    const client = EventStoreDBClient.connectionString(server.connectionString);
    try {
      const error = await client
        .appendToStream('credentialed', jsonEvent({ type: 'T', data: { pad: 'x'.repeat(200) } }), { credentials: { username: 'a', password: 'b' } })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ type: 'maximum-append-size-exceeded', maxAppendSize: 100 });
      expect(server.served.append).toBe(1);
    } finally {
      await client.dispose();
      await server.stop();
    }
  });
});
