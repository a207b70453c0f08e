import {
  AccessDeniedError,
  DeadlineExceededError,
  EventStoreDBClient,
  jsonEvent,
  JSONType,
  MaxAppendSizeExceededError,
  StreamDeletedError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { randomUUID } from 'node:crypto';
import { EsdbTestServer, startEsdbTestServer } from '../support/esdb/esdb-test-server';

const stream = (label: string) => `batch-${label}-${randomUUID().slice(0, 8)}`;
const tested = (data: JSONType = { at: randomUUID() }) => jsonEvent({ type: 'Tested', data });
/** A JSON event whose data is about `bytes` long once serialized. */
const sized = (bytes: number) => tested({ pad: 'x'.repeat(bytes - 10) });
const credentials = { username: 'admin', password: 'changeit' };

describe('the EventStoreDB test double serves BatchAppend as a 23.10 node does, to client 6.2.1', () => {
  let server: EsdbTestServer;
  let client: EventStoreDBClient;
  const storedIn = (name: string) => server.log.all.filter((event) => event.streamId === name);

  beforeAll(async () => {
    server = await startEsdbTestServer({ maxAppendSize: 4096, deniedStreams: ['batch-denied'] });
    client = EventStoreDBClient.connectionString(server.connectionString);
  });
  afterAll(async () => {
    await client.dispose();
    await server.stop();
  });

  it('advertises BatchAppend, so an append without credentials takes it, and one with credentials takes Append', async () => {
    const before = { ...server.served };
    await client.appendToStream(stream('path'), tested());
    await client.appendToStream(stream('path'), tested(), { credentials });
    expect(server.served).toEqual({ append: before.append + 1, batchAppend: before.batchAppend + 1 });
  });

  it('answers each of many concurrent appends on the one shared call under its own correlation id', async () => {
    const names = Array.from({ length: 20 }, (_, i) => stream(`concurrent-${i}`));
    const results = await Promise.all(names.map((name, i) => client.appendToStream(name, Array.from({ length: i + 1 }, () => tested()))));
    expect(results.map((result) => result.nextExpectedRevision)).toEqual(names.map((_, i) => BigInt(i)));
    expect(names.map((name) => storedIn(name).length)).toEqual(names.map((_, i) => i + 1));
  });

  it('writes an append split over several requests once, when its final request arrives', async () => {
    const name = stream('chunks');
    const events = Array.from({ length: 6 }, () => sized(300));
    // A batch size below two events makes the client send one request per event, only the last is_final.
    const result = await client.appendToStream(name, events, { batchAppendSize: 400 });
    expect(result).toMatchObject({ success: true, nextExpectedRevision: 5n });
    expect(storedIn(name).map((event) => event.id)).toEqual(events.map((event) => event.id));
  });

  it('reports the position of a new append, and none for a repeated one, as Append does', async () => {
    const name = stream('repeat');
    const events = [tested(), tested()];
    const first = await client.appendToStream(name, events, { expectedRevision: 'no_stream' });
    const again = await client.appendToStream(name, events, { expectedRevision: 'no_stream' });
    expect(first.position?.commit).toBe(storedIn(name)[1].position);
    expect(again).toEqual({ success: true, nextExpectedRevision: 1n, position: undefined });
  });

  it('answers a wrong expected version as a WrongExpectedVersion detail the client unpacks', async () => {
    const name = stream('wrong');
    await client.appendToStream(name, [tested(), tested()]);
    const wrong = await client.appendToStream(name, tested(), { expectedRevision: 5n }).catch((e: unknown) => e);
    const missing = await client.appendToStream(stream('missing'), tested(), { expectedRevision: 'stream_exists' }).catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(WrongExpectedVersionError);
    expect(wrong).toMatchObject({ streamName: name, expectedVersion: 5n, actualVersion: 1n });
    expect(missing).toMatchObject({ expectedVersion: 'stream_exists', actualVersion: 'no_stream' });
  });

  it('answers a tombstoned stream with StreamDeleted and a denied one with AccessDenied', async () => {
    const name = stream('tombstoned');
    await client.appendToStream(name, tested());
    await client.tombstoneStream(name);
    await expect(client.appendToStream(name, tested())).rejects.toBeInstanceOf(StreamDeletedError);
    await expect(client.appendToStream('batch-denied', tested())).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(client.appendToStream('batch-denied', tested(), { credentials })).rejects.toBeInstanceOf(AccessDeniedError);
  });

  describe('MaxAppendSize', () => {
    it.each([
      ['BatchAppend', {}],
      ['Append', { credentials }],
    ])('refuses an append whose events pass it on %s, writing none of them', async (_path, options) => {
      const name = stream('oversize');
      const error = await client.appendToStream(name, [sized(3000), sized(3000)], options).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MaxAppendSizeExceededError);
      expect(error).toMatchObject({ maxAppendSize: 4096 });
      expect(storedIn(name)).toEqual([]);
    });

    it('refuses an oversized append split over several requests at the request that passes it; the call serves the next append', async () => {
      const name = stream('oversize-chunks');
      const error = await client.appendToStream(name, Array.from({ length: 20 }, () => sized(300)), { batchAppendSize: 400 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MaxAppendSizeExceededError);
      await expect(client.appendToStream(name, tested())).resolves.toMatchObject({ nextExpectedRevision: 0n });
    });

    it("counts the data only, as 23.10's Event.SizeOnDisk does: metadata does not count", async () => {
      const name = stream('metadata');
      const event = jsonEvent({ type: 'Tested', data: {}, metadata: { pad: 'x'.repeat(8000) } });
      await expect(client.appendToStream(name, event)).resolves.toMatchObject({ success: true });
    });
  });
});

describe("BatchAppend's deadline", () => {
  it('answers an append whose deadline has passed when it arrives with Timeout: the client throws DeadlineExceededError', async () => {
    // A node whose clock is an hour ahead sees every deadline the client sets as passed.
    const server = await startEsdbTestServer({ now: () => new Date(Date.now() + 3_600_000) });
    const client = EventStoreDBClient.connectionString(server.connectionString);
    try {
      const name = stream('deadline');
      await expect(client.appendToStream(name, tested())).rejects.toBeInstanceOf(DeadlineExceededError);
      expect(server.log.all.filter((event) => event.streamId === name)).toEqual([]);
    } finally {
      await client.dispose();
      await server.stop();
    }
  });
});
