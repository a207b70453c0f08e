import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EsdbTestCluster, startEsdbTestCluster } from '../support/esdb/esdb-test-cluster';
import { waitWhileProgressing } from '../support/progress/wait-while-progressing';
import { readAllEvents, readTrackHistory } from './support/event-log';
import { clientFor } from './support/http-client';
import { historyProblems, Ledger, logShapeProblems } from './support/ledger';
import { keptAndRebuiltReadModels } from './support/read-models';
import { startRetryingWriteLoad } from './support/retrying-write-load';
import { openTracks, Track } from './support/seed';
import { ServerProcess, startServer } from './support/server-process';

const KILLS = 5;
const WRITERS = 8;
const TRACKS = 6;
// Each kill comes once this many more writes were acknowledged, plus a random number more:
// a moment chosen by what the server did, not by the clock.
const ACKNOWLEDGED_BEFORE_KILL = 10;
const MORE_AT_RANDOM = 30;

/**
 * The API on `esdb+discover://` against the clustered EventStoreDB double: the leader is
 * killed under write load (at a moment chosen by progress, or right after it wrote an append
 * it then never answers), another is elected, the dead node comes back as a follower.
 */
describe('EventStoreDB leader killed under write load', () => {
  let directory: string;
  let cluster: EsdbTestCluster;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'parley-failover-'));
    cluster = await startEsdbTestCluster();
  });
  afterAll(async () => {
    await server?.kill('SIGKILL');
    await cluster.stop();
    rmSync(directory, { recursive: true, force: true });
  });

  it(`keeps every acknowledged event exactly once across ${KILLS} leader kills; writes and projections resume by themselves`, async () => {
    const file = join(directory, 'parley.db');
    server = await startServer(file, { env: { PARLEY_EVENT_STORE: cluster.discoverConnectionString } });
    const client = clientFor(server.baseUrl);
    const tracks: Track[] = await openTracks(client, TRACKS);
    const ledger = new Ledger();
    let stopped = false;
    const load = startRetryingWriteLoad(client, tracks, ledger, { concurrency: WRITERS, idempotentShare: 0.5, stop: () => stopped });
    const acknowledged = (count: number, what: string) =>
      waitWhileProgressing({ what, done: () => ledger.size >= count, progress: () => load.report.sent, pollMs: 1 });

    const leaders: number[] = [cluster.leader()!.index];
    for (let kill = 1; kill <= KILLS; kill++) {
      await acknowledged(ledger.size + ACKNOWLEDGED_BEFORE_KILL + Math.floor(Math.random() * MORE_AT_RANDOM), `writes before kill ${kill}`);
      // Every other kill hits the worst moment: an append written on the leader and never answered.
      const { killed, elected } = await (kill % 2 === 0 ? cluster.killLeaderAfterNextWrite() : cluster.killLeader());
      leaders.push(elected.index);
      // Writes resume by themselves on the new leader, with the old one still down.
      await acknowledged(ledger.size + ACKNOWLEDGED_BEFORE_KILL, `writes after kill ${kill}`);
      await cluster.restartNode(killed.index);
    }
    stopped = true;
    const report = await load.done;

    expect(report.unexpected).toEqual([]);
    expect(report.statuses[500]).toBeUndefined();
    expect(new Set(leaders).size).toBeGreaterThan(1);
    const all = await readAllEvents(client);
    const problems = [...ledger.missingOrMoved(all), ...logShapeProblems(all)];
    for (const { talksId } of tracks) problems.push(...historyProblems(`talks-${talksId}`, await readTrackHistory(client, talksId), all));
    expect(problems).toEqual([]);
    // Every event Parley reads is in the cluster's log once: nothing written twice by a retry.
    const ids = cluster.log.all.filter((event) => !event.streamId.startsWith('$')).map((event) => event.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(all.length).toBe(ids.length);
    const { kept, rebuilt } = await keptAndRebuiltReadModels(client, file);
    expect(kept).toEqual(rebuilt);
    // Every append of the run took BatchAppend, on whichever node led.
    expect(cluster.members.map((member) => member.served.append)).toEqual([0, 0, 0]);
    process.stdout.write(
      `\nfailover: ${ledger.size} writes acknowledged, statuses ${JSON.stringify(report.statuses)}, ${report.retried} keyed retries (${report.replayed} answered as replays), leaders ${leaders.join('→')}\n`,
    );
  });
});
