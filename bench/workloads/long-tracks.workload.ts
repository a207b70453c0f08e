import { randomUUID } from 'node:crypto';
import { BenchContext } from '../support/bench-context';
import { load } from '../support/load';
import { openTracks, startApi, waitForProjections } from '../support/parley-api';
import { interleaved, Rounds, Row } from '../support/rows';
import { ratios, spread } from '../support/stats';
import { seedTracks } from '../support/seed-store';
import { meetingBody } from '../support/talks-shapes';

/**
 * Per length: how many commands a round sends one after another, and how long one may take.
 * The handler reads and folds the whole stream on every command, so a long track is slow;
 * the bound keeps the run finite and a command that exceeds it is reported as "> bound".
 */
const LENGTHS = [
  { events: 100, commands: 20, timeoutSeconds: 10 },
  { events: 10_000, commands: 3, timeoutSeconds: 60 },
] as const;

/**
 * Not measured through the API: at start the talks projection catches up with every track,
 * and on one track its cost grows faster than the track (30,000 events on two tracks took
 * 80 s), so a server on a 100,000-event track does not answer within any bound worth waiting.
 */
const NOT_MEASURED = {
  events: 100_000,
  reason:
    'the server does not become ready: the talks projection catch-up on one 100,000-event track runs far beyond 5 minutes (30,000 events on two tracks: 80 s), and folding the stream per command grows faster than linearly (10,000 events: 4.4 s, 20,000: 22.6 s, in-process)',
};

type Target = `${number}`;

export async function longTracksWorkload(context: BenchContext): Promise<Row[]> {
  const databaseFile = context.freshDatabase('long-tracks');
  await seedTracks(databaseFile, LENGTHS.map(({ events }) => ({ talksId: `long-${events}`, events })));
  const rounds = new Rounds<Target>();
  const timedOut = new Map<Target, number>();
  const freshApi = async () => {
    // The projections catch up with the long tracks before the server answers its health check.
    const api = await startApi(databaseFile, 300_000);
    await openTracks(api, []);
    await waitForProjections(api).catch((error: Error) => context.log(`long tracks: ${error.message}; measuring anyway`));
    return api;
  };
  for (let round = 0; round < context.rounds; round++) {
    let api = await freshApi();
    try {
      for (const { events, commands, timeoutSeconds } of interleaved(LENGTHS, round)) {
        const target = `${events}` as Target;
        const result = await load({
          url: api.url,
          headers: api.headers,
          connections: 1,
          durationSeconds: timeoutSeconds * commands + 5,
          amount: commands,
          timeoutSeconds,
          next: () => ({ path: `/v1/talks/long-${events}/meetings`, body: meetingBody(`long-${randomUUID()}`) }),
        });
        const ok = result.statuses['201'] ?? 0;
        context.log(`long tracks round ${round + 1} ${events} events: p50 ${result.p50Ms} ms, ${ok}/${commands} answered ${JSON.stringify(result.statuses)}`);
        if (ok === 0) {
          // Not one command came back within the bound: the latency is at least the bound.
          timedOut.set(target, timeoutSeconds * 1000);
          rounds.add(target, 'p50', timeoutSeconds * 1000);
          // The server is still folding; the next length needs a fresh one.
          await api.stop();
          api = await freshApi();
          continue;
        }
        rounds.add(target, 'p50', result.p50Ms);
      }
    } finally {
      await api.stop();
    }
  }
  const base = rounds.get('100', 'p50');
  const measured = LENGTHS.map(({ events }): Row => {
    const target = `${events}` as Target;
    const bound = timedOut.get(target);
    const isShort = events === 100;
    return {
      workload: 'long tracks',
      target: `POST …/meetings on a track of ${events.toLocaleString('en')} events${bound ? ` (> ${bound / 1000} s: timed out)` : ''}`,
      metric: 'command latency p50 ms',
      value: rounds.spread(target, 'p50'),
      ...(isShort ? {} : { ratio: { ...spread(ratios(rounds.get(target, 'p50'), base)), of: 'the 100-event track' } }),
      ...(events === 10_000 ? { goal: 'flat (≤ 2× the 100-event track)', met: bound === undefined && spread(ratios(rounds.get(target, 'p50'), base)).median <= 2 } : {}),
      extra: bound ? { timedOutAfterMs: bound } : {},
    };
  });
  return [
    ...measured,
    {
      workload: 'long tracks',
      target: `POST …/meetings on a track of ${NOT_MEASURED.events.toLocaleString('en')} events: not measured`,
      metric: 'command latency p50 ms',
      value: spread([]),
      goal: 'flat (≤ 2× the 100-event track)',
      met: false,
      extra: { notMeasured: NOT_MEASURED.reason },
    },
  ];
}
