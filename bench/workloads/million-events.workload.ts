import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT, runChild } from '../support/child-process';
import { BenchContext } from '../support/bench-context';
import { interleaved, Rounds, Row } from '../support/rows';
import { ratios, spread } from '../support/stats';

const child = (name: string) => join(ROOT, 'bench', 'children', `${name}.child.ts`);

type Seeded = { segmentRates: number[] };
type Scanned = { events: number; seconds: number };
type Rebuilt = { events: number; seconds: number; skipped: number };

/**
 * Growth and rebuild share the 1,000,000 events: each round seeds a fresh file (timing every
 * 100,000 appended: growth), then runs the raw scan and the rebuild on it, each in a fresh
 * process, in alternating order.
 */
export async function millionEventsWorkload(context: BenchContext): Promise<Row[]> {
  const rounds = new Rounds<'scan' | 'rebuild' | 'growth'>();
  let skipped = 0;
  for (let round = 0; round < context.rounds; round++) {
    const database = context.freshDatabase(`million-${round}`);
    const seeded = await runChild<Seeded>(child('seed-million'), { BENCH_DB: database }, 600_000);
    const { segmentRates } = seeded;
    context.log(`growth round ${round + 1}: ${segmentRates.map((rate) => rate.toFixed(0)).join(', ')} events/s`);
    segmentRates.forEach((rate, i) => rounds.add('growth', `segment-${i}`, rate));
    rounds.add('growth', 'last/first', segmentRates[segmentRates.length - 1] / segmentRates[0]);
    for (const step of interleaved(['scan', 'rebuild'] as const, round)) {
      if (step === 'scan') {
        const scanned = await runChild<Scanned>(child('raw-scan'), { BENCH_DB: database }, 600_000);
        rounds.add('scan', 'rate', scanned.events / scanned.seconds);
        context.log(`raw scan round ${round + 1}: ${(scanned.events / scanned.seconds).toFixed(0)} events/s`);
      } else {
        const readModels = join(dirname(database), 'read-models.db');
        const rebuilt = await runChild<Rebuilt>(child('rebuild'), { BENCH_DB: database, BENCH_READ_DB: readModels }, 900_000);
        rounds.add('rebuild', 'rate', rebuilt.events / rebuilt.seconds);
        skipped += rebuilt.skipped;
        context.log(`rebuild round ${round + 1}: ${(rebuilt.events / rebuilt.seconds).toFixed(0)} events/s, ${rebuilt.skipped} skipped`);
      }
    }
    rmSync(dirname(database), { recursive: true, force: true });
  }
  const growth = rounds.spread('growth', 'last/first');
  const rebuildRatio = spread(ratios(rounds.get('rebuild', 'rate'), rounds.get('scan', 'rate')));
  return [
    { workload: 'rebuild 1M', target: 'raw scan + JSON.parse, keyset pages of 500 (ceiling)', metric: 'events/s', value: rounds.spread('scan', 'rate') },
    {
      workload: 'rebuild 1M',
      target: 'talks projection rebuild (ProjectionRunner.rebuild)',
      metric: 'events/s',
      value: rounds.spread('rebuild', 'rate'),
      ratio: { ...rebuildRatio, of: 'raw scan' },
      goal: '≥ 0.5×',
      met: rebuildRatio.median >= 0.5,
      extra: { skippedEvents: skipped },
    },
    {
      workload: 'growth',
      target: 'appends, first 100k events',
      metric: 'events/s',
      value: rounds.spread('growth', 'segment-0'),
      extra: { segments: Array.from({ length: 10 }, (_, i) => rounds.spread('growth', `segment-${i}`).median) },
    },
    {
      workload: 'growth',
      target: 'appends, 900k–1M events',
      metric: 'events/s',
      value: rounds.spread('growth', 'segment-9'),
      ratio: { ...growth, of: 'the first 100k' },
      goal: 'last ÷ first ≥ 0.35',
      met: growth.median >= 0.35,
    },
  ];
}
