import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readAllEvents, readTrackHistory } from './support/event-log';
import { Client, clientFor, HttpAnswer } from './support/http-client';
import { acknowledgementOf, historyProblems, Ledger, logShapeProblems } from './support/ledger';
import { meetingPath, newMeeting, openTracks, Track } from './support/seed';
import { ServerProcess, startServer } from './support/server-process';

const WRITERS = 50;

describe('contention: 50 concurrent writers on one track', () => {
  let directory: string;
  let server: ServerProcess;
  let client: Client;
  let track: Track;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'parley-contention-'));
    server = await startServer(join(directory, 'parley.db'));
    client = clientFor(server.baseUrl);
    [track] = await openTracks(client, 1);
  });

  afterAll(async () => {
    await server?.kill('SIGKILL');
    rmSync(directory, { recursive: true, force: true });
  });

  const currentRevision = async (): Promise<number> => {
    const history = await readTrackHistory(client, track.talksId);
    return history[history.length - 1].revision;
  };

  /** Sends them all at once; the 201s go into the ledger; answers counted by status. */
  async function race(ledger: Ledger, headers: (writer: number) => Record<string, string>): Promise<Record<number, number>> {
    const answers: HttpAnswer[] = await Promise.all(
      Array.from({ length: WRITERS }, (_, writer) => client.post(meetingPath(track), newMeeting(track), { headers: headers(writer) })),
    );
    const statuses: Record<number, number> = {};
    for (const answer of answers) {
      statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
      if (answer.status === 201) ledger.record(acknowledgementOf(answer.body));
    }
    return statuses;
  }

  async function expectConsistent(ledger: Ledger, eventsBefore: number): Promise<void> {
    const all = await readAllEvents(client);
    const history = await readTrackHistory(client, track.talksId);
    expect([...ledger.missingOrMoved(all), ...logShapeProblems(all), ...historyProblems(`talks-${track.talksId}`, history, all)]).toEqual([]);
    // No duplicate and nothing unacknowledged: exactly one event per 201.
    expect(all.length - eventsBefore).toBe(ledger.eventCount);
  }

  it('without If-Match every writer gets 201 or 409, and each 201 is one event at its own revision', async () => {
    const ledger = new Ledger();
    const before = (await readAllEvents(client)).length;
    const statuses = await race(ledger, () => ({}));
    expect(Object.keys(statuses).filter((status) => !['201', '409'].includes(status))).toEqual([]);
    expect(statuses[201]).toBeGreaterThan(0);
    await expectConsistent(ledger, before);
  });

  it('with If-Match on the same revision exactly one writer wins and the others get 412', async () => {
    const ledger = new Ledger();
    const before = (await readAllEvents(client)).length;
    const revision = await currentRevision();
    const statuses = await race(ledger, () => ({ 'if-match': `"${revision}"` }));
    expect(statuses).toEqual({ 201: 1, 412: WRITERS - 1 });
    await expectConsistent(ledger, before);
  });

  it('with If-Match read at different moments every writer gets 201, 409 or 412, revisions stay contiguous', async () => {
    const ledger = new Ledger();
    const before = (await readAllEvents(client)).length;
    const revision = await currentRevision();
    // Some writers name the current revision, some an older or a future one, some any ("*").
    const tags = ['*', `"${revision}"`, `"${Math.max(0, revision - 1)}"`, `"${revision + 1}"`, `"${revision}", "${revision + 1}"`];
    const statuses = await race(ledger, (writer) => ({ 'if-match': tags[writer % tags.length] }));
    expect(Object.keys(statuses).filter((status) => !['201', '409', '412'].includes(status))).toEqual([]);
    await expectConsistent(ledger, before);
  });
});
