import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { startServer, TS_NODE_ARGS, ROOT, Child } from '../support/child-process';
import { load, LoadResult } from '../support/load';
import { openTracks, startApi } from '../support/parley-api';
import { interleaved, Rounds, Row } from '../support/rows';
import { ratios, spread } from '../support/stats';
import { meetingBody, trackId } from '../support/talks-shapes';
import { BenchContext } from '../support/bench-context';

const TRACKS = 1000;
const CONNECTIONS = 50;
const BARE = join(ROOT, 'bench', 'servers', 'bare-fastify.server.ts');
const PEER = join(ROOT, 'bench', 'peer', 'emmett-append.server.ts');

type Target = 'bare' | 'api' | 'store' | 'per-request' | 'peer' | 'hot';

/** Every append target runs in a fresh process on a fresh database, measured after a short warm-up. */
async function measure(context: BenchContext, target: Target, databaseFile: string): Promise<LoadResult> {
  let meeting = 0;
  const nextMeeting = () => meetingBody(`m-${meeting++}-${randomUUID().slice(0, 8)}`);
  const onTracks = (prefix: string) => () => ({ path: `${prefix}/${trackId(meeting % TRACKS)}/meetings`, body: nextMeeting() });
  let child: Child;
  let next: () => { path: string; body: unknown };
  let headers: Record<string, string> = {};
  if (target === 'api' || target === 'hot') {
    const api = await startApi(databaseFile);
    child = api;
    headers = api.headers;
    await openTracks(api, target === 'hot' ? [trackId(0)] : Array.from({ length: TRACKS }, (_, i) => trackId(i)));
    next = target === 'hot' ? () => ({ path: `/v1/talks/${trackId(0)}/meetings`, body: nextMeeting() }) : onTracks('/v1/talks');
  } else {
    const entry = target === 'peer' ? PEER : BARE;
    const mode = target === 'bare' ? 'validate' : target;
    child = await startServer(entry, { execArgv: TS_NODE_ARGS, env: { BENCH_MODE: mode, PARLEY_DB: databaseFile } });
    next = onTracks('/bare/talks');
  }
  try {
    const options = { url: child.url, headers, next, connections: CONNECTIONS };
    await load({ ...options, durationSeconds: context.warmupSeconds });
    return await load({ ...options, durationSeconds: context.durationSeconds });
  } finally {
    await child.stop();
  }
}

export async function appendWorkload(context: BenchContext): Promise<Row[]> {
  const targets: Target[] = ['bare', 'api', 'store', 'per-request', 'hot', ...(context.peerAvailable ? (['peer'] as const) : [])];
  const rounds = new Rounds<Target>();
  for (let round = 0; round < context.rounds; round++) {
    for (const target of interleaved(targets, round)) {
      const result = await measure(context, target, context.freshDatabase(`append-${target}-${round}`));
      context.log(`append round ${round + 1} ${target}: ${result.okPerSecond.toFixed(0)} ok/s, p99 ${result.p99Ms} ms ${JSON.stringify(result.statuses)}`);
      rounds.add(target, 'ok', result.okPerSecond);
      rounds.add(target, 'p99', result.p99Ms);
      rounds.add(target, 'total', result.total);
      rounds.add(target, 'conflicts', result.statuses['409'] ?? 0);
      rounds.add(target, 'failed', result.total - Object.entries(result.statuses).reduce((sum, [code, n]) => (code.startsWith('2') ? sum + n : sum), 0) + result.errors);
    }
  }
  const bare = rounds.get('bare', 'ok');
  const row = (target: Target, label: string, extra: Partial<Row> = {}): Row => ({
    workload: 'append',
    target: label,
    metric: '2xx/s',
    value: rounds.spread(target, 'ok'),
    p99Ms: rounds.spread(target, 'p99'),
    ...(target === 'bare' ? {} : { ratio: { ...spread(ratios(rounds.get(target, 'ok'), bare)), of: 'bare Fastify + validation' } }),
    extra: { failedPerRound: rounds.get(target, 'failed') },
    ...extra,
  });
  const api = row('api', 'Parley POST /v1/talks/:id/meetings (FULL, group commit)');
  const apiMet = api.ratio!.median >= 0.5 && api.p99Ms!.median <= 25;
  const hotTotal = rounds.get('hot', 'total');
  const hotConflicts = rounds.get('hot', 'conflicts');
  const rows: Row[] = [
    row('bare', 'bare Fastify + class-validator (ceiling)'),
    { ...api, goal: '≥ 0.5× and p99 ≤ 25 ms', met: apiMet },
    row('store', 'bare Fastify + SqliteEventStore append (FULL, group commit)'),
    row('per-request', 'bare Fastify + one transaction per request (FULL; the adapter before)'),
    ...(context.peerAvailable ? [row('peer', 'bare Fastify + Emmett SQLite appendToStream, one at a time (peer)')] : []),
    {
      workload: 'hot track',
      target: '50 clients on one track',
      metric: 'successful appends/s',
      value: rounds.spread('hot', 'ok'),
      p99Ms: rounds.spread('hot', 'p99'),
      ratio: { ...spread(ratios(rounds.get('hot', 'ok'), rounds.get('api', 'ok'))), of: 'the API over 1,000 tracks' },
      goal: '≥ 0.3× the API over 1,000 tracks, conflicts ≤ 1%',
      met: spread(ratios(rounds.get('hot', 'ok'), rounds.get('api', 'ok'))).median >= 0.3 && spread(hotConflicts.map((conflicts, i) => conflicts / hotTotal[i])).median <= 0.01,
      extra: { conflictRate: spread(hotConflicts.map((conflicts, i) => conflicts / hotTotal[i])), failedPerRound: rounds.get('hot', 'failed') },
    },
  ];
  return rows;
}
