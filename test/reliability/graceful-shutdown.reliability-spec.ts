import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readAllEvents } from './support/event-log';
import { clientFor } from './support/http-client';
import { Ledger, logShapeProblems } from './support/ledger';
import { openTracks, Track } from './support/seed';
import { ServerProcess, startServer } from './support/server-process';
import { integrityCheck } from './support/sqlite-file';
import { startWriteLoad, WriteLoadReport } from './support/write-load';
import { waitWhileProgressing } from '../support/progress/wait-while-progressing';
import { idempotencyKeyHash } from '../../apps/api/src/commands/event-metadata';

const ROUNDS = 3;
// The signal comes once this many writes of the round were answered, plus a random number more,
// with others in flight: a moment chosen by what the server did, not by the clock.
const ANSWERED_BEFORE_SIGNAL = 5;
const MORE_AT_RANDOM = 60;

describe('graceful SIGTERM under write load', () => {
  let directory: string;
  let server: ServerProcess | undefined;

  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'parley-sigterm-'));
  });

  afterAll(async () => {
    await server?.kill('SIGKILL');
    rmSync(directory, { recursive: true, force: true });
  });

  it('answers or cleanly refuses every request, exits 0 in time, and keeps every acknowledged event', async () => {
    const file = join(directory, 'parley.db');
    const ledger = new Ledger();
    let tracks: Track[] = [];
    const reports: WriteLoadReport[] = [];
    const inFlightAtSignal: number[] = [];

    for (let round = 0; round < ROUNDS; round++) {
      server = await startServer(file);
      const client = clientFor(server.baseUrl);
      if (round === 0) tracks = await openTracks(client, 4);
      let ended = false;
      void server.exited.then(() => (ended = true));
      // Every request carries an Idempotency-Key, so the store tells which ones the server recorded.
      const load = startWriteLoad(client, tracks, ledger, {
        concurrency: 8,
        maxRequestsPerWriter: 2_000,
        idempotentShare: 1,
        stop: () => ended,
        continueAfterNetworkError: true,
      });
      const target = ANSWERED_BEFORE_SIGNAL + Math.floor(Math.random() * MORE_AT_RANDOM);
      const answered = (): number => Object.values(load.report.statuses).reduce((sum, count) => sum + count, 0);
      await waitWhileProgressing({
        what: `${target} answered writes with more in flight`,
        done: () => answered() >= target && load.report.inFlight > 0,
        progress: answered,
        pollMs: 1,
      });
      inFlightAtSignal.push(load.report.inFlight);
      const exit = await server.kill('SIGTERM');
      const finished = await load.done;
      reports.push(finished);
      // In time: the server exits 1 if requests still run at the end of its own grace period.
      expect(exit).toEqual({ code: 0, signal: null });
      // A clean refusal is Fastify's 503 while closing; nothing else but 201.
      expect(finished.unexpected.filter(({ status }) => status !== 503)).toEqual([]);
      expect(integrityCheck(file)).toBe('ok');
    }

    server = await startServer(file);
    const all = await readAllEvents(clientFor(server.baseUrl));
    expect([...ledger.missingOrMoved(all), ...logShapeProblems(all)]).toEqual([]);
    // A request that got no HTTP answer must not have been recorded: had it reached the
    // handler and committed, it was owed its 201 before the connection went away.
    const recordedKeys = new Set(all.map((event) => event.metadata.idempotencyKeyHash));
    const unanswered = reports.flatMap((report) => report.unanswered);
    expect(unanswered.filter(({ idempotencyKey }) => idempotencyKey !== undefined && recordedKeys.has(idempotencyKeyHash(idempotencyKey)))).toEqual([]);
    expect(ledger.size).toBeGreaterThan(0);
    // The signal did land while requests were in flight.
    expect(inFlightAtSignal.every((count) => count > 0)).toBe(true);
  });
});
