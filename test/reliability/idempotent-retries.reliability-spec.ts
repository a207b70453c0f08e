import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { idempotencyKeyHash } from '../../apps/api/src/commands/event-metadata';
import { readAllEvents } from './support/event-log';
import { Client, clientFor, expectStatus, HttpAnswer } from './support/http-client';
import { logShapeProblems } from './support/ledger';
import { meetingPath, newMeeting, openTracks, Track } from './support/seed';
import { ServerProcess, startServer } from './support/server-process';

const KILL_ROUNDS = 5;
const REQUESTS_PER_ROUND = 10;

type Command = Readonly<{ key: string; track: Track; body: Record<string, unknown> }>;

describe('idempotent retries: the same Idempotency-Key re-sent', () => {
  let directory: string;
  let file: string;
  let server: ServerProcess;
  let client: Client;
  let tracks: Track[];

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'parley-idempotency-'));
    file = join(directory, 'parley.db');
    server = await startServer(file);
    client = clientFor(server.baseUrl);
    tracks = await openTracks(client, 3);
  });

  afterAll(async () => {
    await server?.kill('SIGKILL');
    rmSync(directory, { recursive: true, force: true });
  });

  const newCommand = (index: number): Command => {
    const track = tracks[index % tracks.length];
    return { key: `retry-${randomUUID()}`, track, body: newMeeting(track) };
  };
  const send = (command: Command, signal?: AbortSignal): Promise<HttpAnswer> =>
    client.post(meetingPath(command.track), command.body, { headers: { 'idempotency-key': command.key }, signal });

  /** Each command recorded exactly once, and the log still well formed. */
  async function expectOneCopyEach(commands: readonly Command[]): Promise<void> {
    const all = await readAllEvents(client);
    const copies = commands.map(({ key }) => all.filter((event) => event.metadata.idempotencyKeyHash === idempotencyKeyHash(key)).length);
    expect(copies).toEqual(commands.map(() => 1));
    expect(logShapeProblems(all)).toEqual([]);
  }

  /** Two retries after the fact: both 201 with the very same body. */
  async function retryTwice(command: Command): Promise<HttpAnswer> {
    const first = expectStatus(await send(command), 201);
    const second = expectStatus(await send(command), 201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    return first;
  }

  it('after a success: the first answer again, marked replayed, and one copy', async () => {
    const command = newCommand(0);
    const original = expectStatus(await send(command), 201);
    expect(original.headers.get('idempotent-replayed')).toBeNull();
    const repeated = expectStatus(await send(command), 201);
    expect(repeated.body).toEqual(original.body);
    expect(repeated.headers.get('etag')).toBe(original.headers.get('etag'));
    expect(repeated.headers.get('idempotent-replayed')).toBe('true');
    await expectOneCopyEach([command]);
  });

  it('after a client timeout: retried at once, even while the first attempt may still run, one copy and one answer', async () => {
    const commands = Array.from({ length: 20 }, (_, index) => newCommand(index));
    // Aborted anywhere from before sending to mid-handling; the retry follows at once.
    await Promise.all(
      commands.map(async (command) => {
        await send(command, AbortSignal.timeout(Math.floor(Math.random() * 15))).catch(() => undefined);
        await retryTwice(command);
      }),
    );
    await expectOneCopyEach(commands);
  });

  it('after kill -9 between commit and answer: the retry after restart answers once, the same each time', async () => {
    const commands: Command[] = [];
    let replayed = 0;
    for (let round = 0; round < KILL_ROUNDS; round++) {
      const batch = Array.from({ length: REQUESTS_PER_ROUND }, (_, index) => newCommand(index));
      commands.push(...batch);
      const sent = batch.map((command) => send(command).catch(() => undefined));
      // At the first answer: that command committed, those sharing its append may have
      // committed unanswered, later ones not yet. A moment chosen by the server, not the clock.
      await Promise.race(sent);
      await server.kill('SIGKILL');
      await Promise.all(sent);
      server = await startServer(file);
      client = clientFor(server.baseUrl);
      for (const command of batch) {
        const answer = await retryTwice(command);
        if (answer.headers.get('idempotent-replayed') === 'true') replayed += 1;
      }
    }
    await expectOneCopyEach(commands);
    // Some kills did land after a commit: those retries were answered from the store.
    expect(replayed).toBeGreaterThan(0);
  });
});
