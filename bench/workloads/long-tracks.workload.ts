import { randomUUID } from 'node:crypto';
import { BenchContext } from '../support/bench-context';
import { load } from '../support/load';
import { Api, openTracks, scrapeMetrics, startApi, waitForProjections } from '../support/parley-api';
import { sleep } from '../support/child-process';
import { interleaved, Rounds, Row } from '../support/rows';
import { ratios, spread } from '../support/stats';
import { withHealthProbe } from '../support/health-probe';
import { seedTracks } from '../support/seed-store';
import { meetingBody } from '../support/talks-shapes';

/**
 * One command after another on tracks of 100, 10,000 and 100,000 events, seeded through the
 * store. The first command on each track after a start is cold: the handler restores the
 * track's persisted snapshot and folds the events after it (or, with none, the whole stream);
 * the ones after it read only the tail. A first start before the measured ones folds each track
 * from its events and writes its snapshot, as a server that has been running would have; its
 * first commands are reported apart. A bound keeps the run finite: a command that exceeds it is
 * reported as "> bound".
 */
const LENGTHS = [
  { events: 100, commands: 30, timeoutSeconds: 10 },
  { events: 10_000, commands: 30, timeoutSeconds: 30 },
  { events: 100_000, commands: 30, timeoutSeconds: 60 },
] as const;

type Target = `${number}`;

const SNAPSHOT_EVERY = 1000;

const sender = (api: Api, events: number, timeoutSeconds: number) => (amount: number) =>
  load({
    url: api.url,
    headers: api.headers,
    connections: 1,
    durationSeconds: timeoutSeconds * amount + 5,
    amount,
    timeoutSeconds,
    next: () => ({ path: `/v1/talks/long-${events}/meetings`, body: meetingBody(`long-${randomUUID()}`) }),
  });

/** Until the server has written `count` snapshots (it writes them after the answers), within a bound. */
async function snapshotsWritten(api: Api, count: number, boundMs: number): Promise<number> {
  const deadline = Date.now() + boundMs;
  for (;;) {
    const written = Number(/parley_state_snapshots_total\{outcome="written"\} (\d+)/.exec(await scrapeMetrics(api))?.[1] ?? 0);
    if (written >= count || Date.now() > deadline) return written;
    await sleep(250);
  }
}

export async function longTracksWorkload(context: BenchContext): Promise<Row[]> {
  const databaseFile = context.freshDatabase('long-tracks');
  await seedTracks(databaseFile, LENGTHS.map(({ events }) => ({ talksId: `long-${events}`, events })));
  const rounds = new Rounds<Target>();
  const timedOut = new Map<Target, number>();
  const priming = await startApi(databaseFile, 300_000);
  try {
    await openTracks(priming, []);
    await waitForProjections(priming).catch((error: Error) => context.log(`long tracks: ${error.message}; measuring anyway`));
    for (const { events, timeoutSeconds } of LENGTHS) {
      const { result: first, longestHealthMs } = await withHealthProbe(priming, () => sender(priming, events, timeoutSeconds)(1));
      context.log(`long tracks: first command ever on ${events} events (no snapshot yet) ${first.p50Ms} ms ${JSON.stringify(first.statuses)} (/health at most ${longestHealthMs.toFixed(0)} ms meanwhile)`);
      rounds.add(`${events}`, 'unsnapshottedHealth', longestHealthMs);
      rounds.add(`${events}`, 'unsnapshotted', (first.statuses['201'] ?? 0) === 0 ? timeoutSeconds * 1000 : first.p50Ms);
    }
    const due = LENGTHS.filter(({ events }) => events >= SNAPSHOT_EVERY).length;
    context.log(`long tracks: ${await snapshotsWritten(priming, due, 120_000)} of ${due} snapshots written`);
  } finally {
    await priming.stop();
  }
  for (let round = 0; round < context.rounds; round++) {
    // A fresh server each round: the first command on every track is cold again.
    const api = await startApi(databaseFile, 300_000);
    try {
      await openTracks(api, []);
      await waitForProjections(api).catch((error: Error) => context.log(`long tracks: ${error.message}; measuring anyway`));
      for (const { events, commands, timeoutSeconds } of interleaved(LENGTHS, round)) {
        const target = `${events}` as Target;
        const send = sender(api, events, timeoutSeconds);
        const { result: cold, longestHealthMs } = await withHealthProbe(api, () => send(1));
        rounds.add(target, 'health', longestHealthMs);
        const restored = /parley_state_snapshots_total\{outcome="restored"\} (\d+)/.exec(await scrapeMetrics(api))?.[1] ?? '0';
        context.log(`long tracks round ${round + 1}: ${restored} snapshots restored so far`);
        const warm = await send(commands);
        const ok = warm.statuses['201'] ?? 0;
        context.log(
          `long tracks round ${round + 1} ${events} events: cold ${cold.p50Ms} ms ${JSON.stringify(cold.statuses)} (/health at most ${longestHealthMs.toFixed(0)} ms meanwhile), then p50 ${warm.p50Ms} ms, ${ok}/${commands} answered ${JSON.stringify(warm.statuses)}`,
        );
        if ((cold.statuses['201'] ?? 0) === 0) timedOut.set(target, timeoutSeconds * 1000);
        rounds.add(target, 'cold', (cold.statuses['201'] ?? 0) === 0 ? timeoutSeconds * 1000 : cold.p50Ms);
        if (ok === 0) timedOut.set(target, timeoutSeconds * 1000);
        rounds.add(target, 'p50', ok === 0 ? timeoutSeconds * 1000 : warm.p50Ms);
      }
    } finally {
      await api.stop();
    }
  }
  const base = rounds.get('100', 'p50');
  return LENGTHS.flatMap(({ events }): Row[] => {
    const target = `${events}` as Target;
    const bound = timedOut.get(target);
    const label = `${events.toLocaleString('en')} events${bound ? ` (> ${bound / 1000} s: timed out)` : ''}`;
    const ratio = spread(ratios(rounds.get(target, 'p50'), base));
    const cold = rounds.spread(target, 'cold');
    return [
      {
        workload: 'long tracks',
        target: `POST …/meetings on a track of ${label}`,
        metric: 'command latency p50 ms',
        value: rounds.spread(target, 'p50'),
        ...(events === 100 ? {} : { ratio: { ...ratio, of: 'the 100-event track' } }),
        ...(events === 100 ? {} : { goal: 'flat (≤ 2× the 100-event track)', met: bound === undefined && ratio.median <= 2 }),
      },
      {
        workload: 'long tracks',
        target: `first (cold) command after a start on a track of ${label}`,
        metric: 'latency ms',
        value: cold,
        ...(events === 100_000 ? { goal: '< 1,000 ms', met: bound === undefined && cold.median < 1000 } : {}),
      },
      {
        workload: 'long tracks',
        target: `/health during that cold command (asked every 20 ms): how long it held up other requests`,
        metric: 'longest answer ms',
        value: rounds.spread(target, 'health'),
        ...(events === 100_000 ? { goal: '< 100 ms', met: rounds.spread(target, 'health').median < 100 } : {}),
      },
      {
        workload: 'long tracks',
        target: `first command ever on a track of ${events.toLocaleString('en')} events (no snapshot yet: it folds every event${events >= SNAPSHOT_EVERY ? ' and writes one' : ''})`,
        metric: 'latency ms',
        value: rounds.spread(target, 'unsnapshotted'),
      },
      {
        workload: 'long tracks',
        target: `/health during that first command (asked every 20 ms)`,
        metric: 'longest answer ms',
        value: rounds.spread(target, 'unsnapshottedHealth'),
      },
    ];
  });
}
