import { join } from 'node:path';
import { Child, ROOT, startServer, TS_NODE_ARGS } from '../support/child-process';
import { BenchContext } from '../support/bench-context';
import { load } from '../support/load';
import { startApi, waitForProjections } from '../support/parley-api';
import { interleaved, Rounds, Row } from '../support/rows';
import { ratios, spread } from '../support/stats';
import { seedTracks } from '../support/seed-store';
import { trackId } from '../support/talks-shapes';

const TRACKS = 1000;
const EVENTS_PER_TRACK = 30;
const RATE = 1000;
const BARE = join(ROOT, 'bench', 'servers', 'bare-fastify.server.ts');
const PAGE_TYPES = ['EnvoyVisited', 'MeetingHeld', 'PrisonerSwapped'];
/** After the seeding: every event is known, so both pages answer the same claims. */
const KNOWN_AT = '2100-01-01T00:00:00Z';

type Target = 'bare' | 'status' | 'timeline' | 'page' | 'known';

const PATHS: Record<Target, (i: number) => string> = {
  bare: (i) => `/bare/talks/${trackId(i % TRACKS)}`,
  status: (i) => `/v1/talks/${trackId(i % TRACKS)}`,
  timeline: (i) => `/v1/timeline?talksId=${trackId(i % TRACKS)}&type=MeetingHeld&type=EnvoyVisited&minConfidence=reported&limit=20`,
  // A one-item page of the whole store, now and as known at a moment: time travel must cost about what the present does.
  page: (i) => `/v1/timeline?limit=1&type=${PAGE_TYPES[i % PAGE_TYPES.length]}`,
  known: (i) => `/v1/timeline?limit=1&type=${PAGE_TYPES[i % PAGE_TYPES.length]}&knownAt=${KNOWN_AT}`,
};

/** Reads at a fixed 1,000 requests a second: what matters here is the tail latency, not the rate. */
export async function readsWorkload(context: BenchContext): Promise<Row[]> {
  const seeded = context.freshDatabase('reads');
  await seedTracks(
    seeded,
    Array.from({ length: TRACKS }, (_, i) => ({ talksId: trackId(i), events: EVENTS_PER_TRACK })),
  );
  const rounds = new Rounds<Target>();
  for (let round = 0; round < context.rounds; round++) {
    for (const target of interleaved<Target>(['bare', 'status', 'timeline', 'page', 'known'], round)) {
      let child: Child;
      let headers: Record<string, string> = {};
      if (target === 'bare') {
        child = await startServer(BARE, { execArgv: TS_NODE_ARGS, env: { BENCH_MODE: 'validate' } });
      } else {
        const api = await startApi(seeded);
        await waitForProjections(api);
        child = api;
        headers = api.headers;
      }
      try {
        let i = 0;
        const options = { url: child.url, method: 'GET' as const, headers, connections: 10, overallRate: RATE, next: () => ({ path: PATHS[target](i++) }) };
        await load({ ...options, durationSeconds: context.warmupSeconds });
        const result = await load({ ...options, durationSeconds: context.durationSeconds });
        context.log(`reads round ${round + 1} ${target}: ${result.okPerSecond.toFixed(0)} ok/s, p99 ${result.p99Ms} ms ${JSON.stringify(result.statuses)}`);
        rounds.add(target, 'ok', result.okPerSecond);
        rounds.add(target, 'p99', result.p99Ms);
      } finally {
        await child.stop();
      }
    }
  }
  const row = (target: Target, label: string): Row => {
    const p99 = rounds.spread(target, 'p99');
    return {
      workload: 'reads @ 1,000 req/s',
      target: label,
      metric: '2xx/s',
      value: rounds.spread(target, 'ok'),
      p99Ms: p99,
      ...(target === 'bare'
        ? {}
        : { ratio: { ...spread(ratios(rounds.get(target, 'p99'), rounds.get('bare', 'p99'))), of: 'p99 of bare Fastify GET' }, goal: 'p99 < 10 ms', met: p99.median < 10 }),
    };
  };
  const known = rounds.spread('known', 'p99');
  const knownRatio = spread(ratios(rounds.get('known', 'p99'), rounds.get('page', 'p99')));
  return [
    row('bare', 'bare Fastify GET (ceiling)'),
    row('status', 'GET /v1/talks/:id'),
    row('timeline', 'GET /v1/timeline?talksId=…&type=…&minConfidence=… (page of 20)'),
    row('page', `GET /v1/timeline?type=…&limit=1 (whole store, ${(TRACKS * EVENTS_PER_TRACK).toLocaleString('en')} events)`),
    {
      workload: 'reads @ 1,000 req/s',
      target: 'the same one-item page with knownAt',
      metric: '2xx/s',
      value: rounds.spread('known', 'ok'),
      p99Ms: known,
      ratio: { ...knownRatio, of: 'p99 of the page without knownAt' },
      goal: 'within 3× the page without knownAt',
      met: knownRatio.median <= 3,
    },
  ];
}
