import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { readAllEvents } from './support/event-log';
import { Client, clientFor, expectStatus, HttpAnswer } from './support/http-client';
import { acknowledgementOf, Ledger, logShapeProblems } from './support/ledger';
import { keptAndRebuiltReadModels } from './support/read-models';
import { meetingPath, newMeeting, openTracks, Track } from './support/seed';
import { ServerProcess, startServer } from './support/server-process';
import { makeSmallDisk, SmallDisk } from './support/small-disk';
import { integrityCheck } from './support/sqlite-file';

// Bounded: a full disk turns writes away well before this many (the WAL keeps some room).
const MAX_WRITES_WHILE_FULL = 400;
const REFUSALS_WANTED = 5;

type Write = Readonly<{ track: Track; body: Record<string, unknown>; key?: string }>;

describe('disk full', () => {
  let disk: SmallDisk;
  let server: ServerProcess | undefined;

  beforeAll(() => {
    disk = makeSmallDisk();
  });

  afterAll(async () => {
    await server?.kill('SIGKILL');
    disk?.dispose();
  });

  it('refuses writes with a 503 STORE.UNAVAILABLE problem, half-writes nothing, and writes again once space returns', async () => {
    // Which disk this run used shows in the test output.
    console.info(`disk-full scenario on: ${disk.kind}`);
    const file = join(disk.directory, 'parley.db');
    server = await startServer(file, disk.serverOptions);
    let client: Client = clientFor(server.baseUrl);
    const tracks = await openTracks(client, 2);
    const ledger = new Ledger();
    const write = (w: Write): Promise<HttpAnswer> =>
      client.post(meetingPath(w.track), w.body, { headers: w.key === undefined ? {} : { 'idempotency-key': w.key } });
    const newWrite = (index: number): Write => {
      const track = tracks[index % tracks.length];
      return { track, body: newMeeting(track), key: index % 2 === 0 ? `disk-${randomUUID()}` : undefined };
    };

    const eventsBefore = (await readAllEvents(client)).length;
    await disk.fill(server);
    const refused: Write[] = [];
    for (let index = 0; index < MAX_WRITES_WHILE_FULL && refused.length < REFUSALS_WANTED; index++) {
      const attempt = newWrite(index);
      const answer = await write(attempt);
      if (answer.status === 201) {
        ledger.record(acknowledgementOf(answer.body));
        continue;
      }
      expect({ status: answer.status, code: answer.body?.code }).toEqual({ status: 503, code: 'STORE.UNAVAILABLE' });
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(answer.headers.get('retry-after')).toMatch(/^\d+$/);
      refused.push(attempt);
    }
    expect(refused.length).toBe(REFUSALS_WANTED);
    // Reads still work on a full disk.
    expectStatus(await client.get(`/v1/talks/${tracks[0].talksId}/history`), 200);

    await disk.free(server);
    // The refused commands, sent again: recorded now, once.
    for (const attempt of refused) ledger.record(acknowledgementOf(expectStatus(await write(attempt), 201).body));
    for (let index = 0; index < 10; index++) ledger.record(acknowledgementOf(expectStatus(await write(newWrite(index)), 201).body));

    const verify = async (): Promise<void> => {
      const all = await readAllEvents(client);
      expect([...ledger.missingOrMoved(all), ...logShapeProblems(all)]).toEqual([]);
      // Each refused meeting is there exactly once: from its retry, none from the refusal.
      const meetings = all.map((event) => event.data.meetingId);
      expect(refused.map(({ body }) => meetings.filter((id) => id === body.meetingId).length)).toEqual(refused.map(() => 1));
      // Nothing else either: no event of a refused write without a key.
      expect(all.length).toBe(eventsBefore + ledger.eventCount);
    };
    await verify();
    expect(integrityCheck(file)).toBe('ok');

    // And after a restart, durable and consistent, read models included.
    expect(await server.kill('SIGTERM')).toEqual({ code: 0, signal: null });
    server = await startServer(file, disk.serverOptions);
    client = clientFor(server.baseUrl);
    await verify();
    const { kept, rebuilt } = await keptAndRebuiltReadModels(client, file);
    expect(kept).toEqual(rebuilt);
  });
});
