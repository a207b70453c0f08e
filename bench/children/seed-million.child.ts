/**
 * Growth: appends 1,000,000 talks events through SqliteEventStore and times each 100,000.
 * 10,000 tracks; each append is 100 events to one track (a whole track), 50 appends are sent together (so
 * group commit writes 5,000 events per transaction). Only the appends are timed, not the
 * making of the events. Prints {segmentRates} as its last line; leaves the file for the
 * rebuild and the raw scan.
 */
import { SqliteEventStore } from '@parley/event-store';
import { talksClaim, talksOpened, trackId } from '../support/talks-shapes';

// BENCH_EVENTS shrinks the run for a quick check of the benchmark itself.
const TOTAL = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const SEGMENT = TOTAL / 10;
// 10,000 tracks of 100 events: the talks projection slows down as a track grows, which the
// long-tracks workload measures; here the rebuild should measure volume, not track length.
const TRACKS = 10_000;
const PER_APPEND = 100;
const APPENDS_PER_TURN = 50;

async function main(): Promise<void> {
  const store = await SqliteEventStore.open({ filename: process.env.BENCH_DB! });
  const written = new Array<number>(TRACKS).fill(0);
  const segmentRates: number[] = [];
  let total = 0;
  let segmentNs = 0n;
  let track = 0;
  while (total < TOTAL) {
    const appends = Array.from({ length: APPENDS_PER_TURN }, () => {
      const index = track++ % TRACKS;
      const talksId = trackId(index);
      const from = written[index];
      const events = Array.from({ length: PER_APPEND }, (_, i) => (from + i === 0 ? talksOpened(talksId) : talksClaim(talksId, from + i)));
      written[index] += PER_APPEND;
      return { streamId: `talks-${talksId}`, events, expectedRevision: from === 0 ? ('no_stream' as const) : from - 1 };
    });
    const started = process.hrtime.bigint();
    await Promise.all(appends.map(({ streamId, events, expectedRevision }) => store.appendToStream(streamId, events, { expectedRevision })));
    segmentNs += process.hrtime.bigint() - started;
    total += APPENDS_PER_TURN * PER_APPEND;
    if (total % SEGMENT === 0) {
      segmentRates.push(SEGMENT / (Number(segmentNs) / 1e9));
      segmentNs = 0n;
    }
  }
  await store.close();
  process.stdout.write(`${JSON.stringify({ segmentRates })}\n`);
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
