import { randomUUID } from 'node:crypto';
import { BenchContext } from '../support/bench-context';
import { load, LoadResult } from '../support/load';
import { startOtlpSink } from '../support/otlp-sink';
import { openTracks, startApi } from '../support/parley-api';
import { interleaved, Rounds, Row } from '../support/rows';
import { ratios, spread } from '../support/stats';
import { meetingBody, trackId } from '../support/talks-shapes';

const TRACKS = 1000;
const CONNECTIONS = 50;

type Target = 'off' | 'on';

/**
 * The append path of the append workload (POST meetings over 1,000 tracks), with tracing off
 * (no OTEL_* variable: the API's spans are no-ops) and on (every request sampled, exported as
 * OTLP/protobuf to a collector on loopback that only counts).
 */
async function measure(context: BenchContext, target: Target, databaseFile: string, endpoint: string): Promise<LoadResult> {
  const env: Record<string, string> = target === 'on' ? { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint } : {};
  const api = await startApi(databaseFile, undefined, env);
  try {
    await openTracks(api, Array.from({ length: TRACKS }, (_, i) => trackId(i)));
    let meeting = 0;
    const next = () => ({ path: `/v1/talks/${trackId(meeting % TRACKS)}/meetings`, body: meetingBody(`m-${meeting++}-${randomUUID().slice(0, 8)}`) });
    const options = { url: api.url, headers: api.headers, next, connections: CONNECTIONS };
    await load({ ...options, durationSeconds: context.warmupSeconds });
    return await load({ ...options, durationSeconds: context.durationSeconds });
  } finally {
    await api.stop();
  }
}

export async function tracingWorkload(context: BenchContext): Promise<Row[]> {
  const sink = await startOtlpSink();
  const rounds = new Rounds<Target>();
  try {
    for (let round = 0; round < context.rounds; round++) {
      for (const target of interleaved<Target>(['off', 'on'], round)) {
        const before = sink.exports();
        const result = await measure(context, target, context.freshDatabase(`tracing-${target}-${round}`), sink.endpoint);
        context.log(`tracing round ${round + 1} ${target}: ${result.okPerSecond.toFixed(0)} ok/s, p99 ${result.p99Ms} ms, ${sink.exports() - before} exports`);
        rounds.add(target, 'ok', result.okPerSecond);
        rounds.add(target, 'p99', result.p99Ms);
      }
    }
  } finally {
    await sink.stop();
  }
  const row = (target: Target, label: string, extra: Partial<Row> = {}): Row => ({
    workload: 'append, traced',
    target: label,
    metric: '2xx/s',
    value: rounds.spread(target, 'ok'),
    p99Ms: rounds.spread(target, 'p99'),
    ...extra,
  });
  return [
    row('off', 'tracing off (no OTEL_* set)'),
    row('on', 'tracing on, every request exported (OTLP/protobuf to loopback)', {
      ratio: { ...spread(ratios(rounds.get('on', 'ok'), rounds.get('off', 'ok'))), of: 'tracing off' },
    }),
  ];
}
