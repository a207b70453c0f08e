import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT, runChild, sleep } from '../support/child-process';
import { BenchContext } from '../support/bench-context';
import { load } from '../support/load';
import { Api, startApi, waitForProjections } from '../support/parley-api';
import { Rounds, Row } from '../support/rows';
import { openSubscriber, Subscriber } from '../support/subscriptions-clients';
import { rssMbOf } from '../support/subscriptions-server';

const child = (name: string) => join(ROOT, 'bench', 'children', `${name}.child.ts`);

const PAGE_TYPES = ['EnvoyVisited', 'MeetingHeld', 'PrisonerSwapped'];
const PAGE_RATE = 50;
const HEAVY_READERS = 4;
const REPLAYS = 5;
const HEALTH_EVERY_MS = 50;

type Target = 'page' | 'known' | 'asOf' | 'health';

/**
 * Time travel on a store of 1,000,000 events (issue 11): a one-item timeline page of the whole
 * store now, with `knownAt` and with `asOf`, at a steady rate; then `/health` sampled while
 * four such reads run back to back and five SSE subscribers replay the store from position 0
 * at once — a reader must not be able to stall the server — with the server's resident memory
 * before and at its peak. The store is seeded and its read models rebuilt once (minutes);
 * each round starts a fresh server on it.
 */
export async function millionReadsWorkload(context: BenchContext): Promise<Row[]> {
  const database = context.freshDatabase('million-reads');
  try {
    await runChild(child('seed-million'), { BENCH_DB: database }, 1_800_000);
    // Every event is known after the seeding; the middle of the claims' valid time is 2025.
    const knownAt = new Date().toISOString();
    context.log('million reads: seeded; rebuilding the read models …');
    await runChild(child('rebuild'), { BENCH_DB: database, BENCH_READ_DB: database }, 3_600_000);
    const paths: Record<Exclude<Target, 'health'>, (i: number) => string> = {
      page: (i) => `/v1/timeline?limit=1&type=${PAGE_TYPES[i % PAGE_TYPES.length]}`,
      known: (i) => `/v1/timeline?limit=1&type=${PAGE_TYPES[i % PAGE_TYPES.length]}&knownAt=${knownAt}`,
      asOf: (i) => `/v1/timeline?limit=1&type=${PAGE_TYPES[i % PAGE_TYPES.length]}&asOf=2025-06-01`,
    };
    const rounds = new Rounds<Target>();
    for (let round = 0; round < context.rounds; round++) {
      const api = await startApi(database, 600_000);
      try {
        await waitForProjections(api, 1_800_000);
        for (const target of ['page', 'known', 'asOf'] as const) {
          let i = 0;
          const options = { url: api.url, method: 'GET' as const, headers: api.headers, connections: 4, overallRate: PAGE_RATE, next: () => ({ path: paths[target](i++) }) };
          await load({ ...options, durationSeconds: context.warmupSeconds });
          const result = await load({ ...options, durationSeconds: context.durationSeconds });
          context.log(`million reads round ${round + 1} ${target}: p99 ${result.p99Ms} ms ${JSON.stringify(result.statuses)}`);
          rounds.add(target, 'p99', result.p99Ms);
          rounds.add(target, 'ok', result.okPerSecond);
        }
        const stalled = await healthUnderHeavyReads(api, paths.known, context.durationSeconds);
        context.log(`million reads round ${round + 1} /health: p99 ${stalled.p99Ms.toFixed(1)} ms, max ${stalled.maxMs.toFixed(1)} ms, RSS +${stalled.rssGrowthMb.toFixed(0)} MB, ${stalled.replayed} events replayed, ${stalled.heavyReads} heavy reads`);
        rounds.add('health', 'p99', stalled.p99Ms);
        rounds.add('health', 'max', stalled.maxMs);
        rounds.add('health', 'rss', stalled.rssGrowthMb);
        rounds.add('health', 'replayed', stalled.replayed);
        rounds.add('health', 'heavy', stalled.heavyReads);
      } finally {
        await api.stop();
      }
    }
    const pageRow = (target: 'page' | 'known' | 'asOf', label: string, goal?: string): Row => {
      const p99 = rounds.spread(target, 'p99');
      return {
        workload: 'time travel on 1M events',
        target: label,
        metric: '2xx/s',
        value: rounds.spread(target, 'ok'),
        p99Ms: p99,
        ...(goal === undefined ? {} : { goal, met: p99.median < 50 }),
      };
    };
    const health = rounds.spread('health', 'p99');
    const rss = rounds.spread('health', 'rss');
    return [
      pageRow('page', `GET /v1/timeline?type=…&limit=1 at ${PAGE_RATE}/s (now)`),
      pageRow('known', `the same page with knownAt at ${PAGE_RATE}/s`, 'p99 < 50 ms'),
      pageRow('asOf', `the same page with asOf at ${PAGE_RATE}/s`, 'p99 < 50 ms'),
      {
        workload: 'time travel on 1M events',
        target: `/health every ${HEALTH_EVERY_MS} ms while ${HEAVY_READERS} knownAt pages run back to back and ${REPLAYS} SSE clients replay from 0`,
        metric: '/health p99 ms',
        value: health,
        goal: '/health p99 < 20 ms, RSS growth < 100 MB',
        met: health.median < 20 && rss.median < 100,
        extra: {
          healthMaxMs: rounds.spread('health', 'max'),
          serverRssGrowthMb: rss,
          eventsReplayed: rounds.spread('health', 'replayed'),
          heavyReadsAnswered: rounds.spread('health', 'heavy'),
        },
      },
    ];
  } finally {
    rmSync(dirname(database), { recursive: true, force: true });
  }
}

type Stall = Readonly<{ p99Ms: number; maxMs: number; rssGrowthMb: number; replayed: number; heavyReads: number }>;

async function healthUnderHeavyReads(api: Api, heavyPath: (i: number) => string, seconds: number): Promise<Stall> {
  const pid = api.process.pid!;
  const rssBefore = rssMbOf(pid);
  let rssPeak = rssBefore;
  let running = true;
  let heavyReads = 0;
  const readers = Array.from({ length: HEAVY_READERS }, async (_, reader) => {
    for (let i = reader; running; i += HEAVY_READERS) {
      const response = await fetch(`${api.url}${heavyPath(i)}`, { headers: api.headers });
      await response.arrayBuffer();
      if (response.ok) heavyReads++;
    }
  });
  const replays: Subscriber[] = [];
  let replayed = 0;
  for (let i = 0; i < REPLAYS; i++) {
    replays.push(await openSubscriber(`${api.url}/v1/subscriptions/events?from=0`, api.analystKey, /^id: (\d+)/m, () => replayed++));
  }
  const latencies: number[] = [];
  const until = performance.now() + seconds * 1000;
  while (performance.now() < until) {
    const started = performance.now();
    const response = await fetch(`${api.url}/health`);
    await response.arrayBuffer();
    latencies.push(performance.now() - started);
    rssPeak = Math.max(rssPeak, rssMbOf(pid));
    await sleep(Math.max(0, HEALTH_EVERY_MS - (performance.now() - started)));
  }
  running = false;
  for (const replay of replays) replay.close();
  await Promise.all(readers);
  const sorted = latencies.sort((a, b) => a - b);
  return {
    p99Ms: sorted[Math.min(sorted.length - 1, Math.floor(0.99 * sorted.length))],
    maxMs: sorted[sorted.length - 1],
    rssGrowthMb: rssPeak - rssBefore,
    replayed,
    heavyReads,
  };
}
