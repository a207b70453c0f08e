import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EsdbTestServer, startEsdbTestServer } from '../support/esdb/esdb-test-server';
import { waitWhileProgressing } from '../support/progress/wait-while-progressing';
import { readAllEvents } from './support/event-log';
import { clientFor } from './support/http-client';
import { Ledger, logShapeProblems } from './support/ledger';
import { keptAndRebuiltReadModels } from './support/read-models';
import { startRetryingWriteLoad } from './support/retrying-write-load';
import { openTracks } from './support/seed';
import { ServerProcess, startServer } from './support/server-process';

const WRITERS = 8;
// The scenario's length, not a bound on any wait: the node stays down at least this long.
const DOWN_FOR_MS = 10_000;

describe('the only EventStoreDB node down for 10 s under write load', () => {
  let directory: string;
  let node: EsdbTestServer;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'parley-node-down-'));
    node = await startEsdbTestServer();
  });
  afterAll(async () => {
    await server?.kill('SIGKILL');
    await node.stop();
    rmSync(directory, { recursive: true, force: true });
  });

  it('answers 503 STORE.UNAVAILABLE with Retry-After while it is down (never a 500), /health says so, and recovers by itself', async () => {
    const file = join(directory, 'parley.db');
    server = await startServer(file, { env: { PARLEY_EVENT_STORE: node.connectionString } });
    const client = clientFor(server.baseUrl);
    const tracks = await openTracks(client, 4);
    const ledger = new Ledger();
    let stopped = false;
    const load = startRetryingWriteLoad(client, tracks, ledger, { concurrency: WRITERS, idempotentShare: 0.5, stop: () => stopped });
    const progress = () => load.report.sent;
    await waitWhileProgressing({ what: 'writes before the node goes down', done: () => ledger.size >= 20, progress, pollMs: 1 });

    await node.stop();
    const downAt = Date.now();
    const unavailable = () => load.report.statuses[503] ?? 0;
    let health: number | undefined;
    await waitWhileProgressing({
      what: 'the outage seen by writers and by /health',
      done: async () => {
        health = (await client.get('/health')).status;
        return health === 503 && unavailable() >= WRITERS && Date.now() - downAt >= DOWN_FOR_MS;
      },
      progress: () => [load.report.sent, unavailable(), Date.now() - downAt < DOWN_FOR_MS ? Date.now() : 0],
      pollMs: 200,
    });
    const acknowledgedWhileDown = ledger.size;

    await node.restart();
    await waitWhileProgressing({ what: 'writes after the node is back', done: () => ledger.size >= acknowledgedWhileDown + 20, progress, pollMs: 1 });
    await waitWhileProgressing({ what: '/health up again', done: async () => (await client.get('/health')).status === 200, progress: () => Date.now(), pollMs: 100 });
    stopped = true;
    const report = await load.done;

    expect(report.unexpected).toEqual([]);
    expect(report.statuses[500]).toBeUndefined();
    const all = await readAllEvents(client);
    expect([...ledger.missingOrMoved(all), ...logShapeProblems(all)]).toEqual([]);
    const { kept, rebuilt } = await keptAndRebuiltReadModels(client, file);
    expect(kept).toEqual(rebuilt);
    expect(node.served.append).toBe(0);
    process.stdout.write(`\nnode down: statuses ${JSON.stringify(report.statuses)}, ${report.retried} keyed retries, ${report.replayed} replays\n`);
  });
});
