import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readAllEvents, readTrackHistory } from './support/event-log';
import { clientFor } from './support/http-client';
import { historyProblems, Ledger, logShapeProblems } from './support/ledger';
import { keptAndRebuiltReadModels } from './support/read-models';
import { openTracks, Track } from './support/seed';
import { ServerProcess, startServer } from './support/server-process';
import { integrityCheck } from './support/sqlite-file';
import { startWriteLoad } from './support/write-load';
import { waitWhileProgressing } from '../support/progress/wait-while-progressing';

// 12 random kills keep `npm test` under 10 minutes on a loaded 2-core machine (20 took ~190 s of it there);
// `PARLEY_KILLS=50` for a deeper local run.
const KILLS = Number(process.env.PARLEY_KILLS ?? 12);
const WRITERS = 8;
const TRACKS = 6;
// Each burst is killed once this many of its writes were acknowledged, plus a random number
// more: a moment chosen by what the server did, not by the clock, which a busy machine stretches.
const ACKNOWLEDGED_BEFORE_KILL = 6;
const MORE_AT_RANDOM = 40;

describe('kill -9 under write load', () => {
  let directory: string;
  let server: ServerProcess | undefined;

  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'parley-kill-'));
  });

  afterAll(async () => {
    await server?.kill('SIGKILL');
    rmSync(directory, { recursive: true, force: true });
  });

  it(`keeps every acknowledged event, exactly once and where it was acknowledged, across ${KILLS} kills at random moments`, async () => {
    const file = join(directory, 'parley.db');
    const ledger = new Ledger();
    let tracks: Track[] = [];
    let unanswered = 0;

    /** Everything the server must show after a restart, whatever moment the kill hit. */
    const verify = async (round: number): Promise<void> => {
      const client = clientFor(server!.baseUrl);
      const all = await readAllEvents(client);
      const problems = [...ledger.missingOrMoved(all), ...logShapeProblems(all)];
      for (const { talksId } of tracks) problems.push(...historyProblems(`talks-${talksId}`, await readTrackHistory(client, talksId), all));
      expect({ round, problems }).toEqual({ round, problems: [] });
      const { kept, rebuilt } = await keptAndRebuiltReadModels(client, file);
      expect(kept).toEqual(rebuilt);
    };

    for (let round = 0; round <= KILLS; round++) {
      server = await startServer(file);
      const client = clientFor(server.baseUrl);
      if (round === 0) tracks = await openTracks(client, TRACKS);
      else await verify(round);
      if (round === KILLS) break;

      // A burst, killed somewhere in its middle: before, during or after a commit.
      let killed = false;
      const victim = server;
      const acknowledgedBefore = ledger.size;
      const target = ACKNOWLEDGED_BEFORE_KILL + Math.floor(Math.random() * MORE_AT_RANDOM);
      const load = startWriteLoad(client, tracks, ledger, {
        concurrency: WRITERS,
        maxRequestsPerWriter: 10_000,
        idempotentShare: 0.5,
        stop: () => killed,
      });
      let loadEnded = false;
      void load.done.then(() => (loadEnded = true));
      await waitWhileProgressing({
        what: `${target} acknowledged writes in round ${round}`,
        done: () => ledger.size - acknowledgedBefore >= target || loadEnded,
        progress: () => load.report.sent,
        pollMs: 1,
      });
      killed = true;
      await victim.kill('SIGKILL');
      const report = await load.done;
      expect(report.unexpected).toEqual([]);
      unanswered += report.unanswered.length;
      expect(integrityCheck(file)).toBe('ok');
    }

    // The kills did land mid-burst: some requests never got their answer.
    expect(unanswered).toBeGreaterThan(0);
    expect(ledger.size).toBeGreaterThanOrEqual(KILLS * ACKNOWLEDGED_BEFORE_KILL);
    const exit = await server!.kill('SIGTERM');
    server = undefined;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(integrityCheck(file)).toBe('ok');
  });
});
