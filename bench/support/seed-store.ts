import { SqliteEventStore } from '@parley/event-store';
import { talksClaim, talksOpened } from './talks-shapes';

/**
 * Writes tracks straight through the store, in big appends: seeding is not what these
 * benchmarks measure, and through HTTP a 100,000-event track would take minutes.
 */
export async function seedTracks(filename: string, tracks: ReadonlyArray<{ talksId: string; events: number }>, batch = 1000): Promise<void> {
  const store = await SqliteEventStore.open({ filename });
  try {
    for (const { talksId, events } of tracks) {
      const streamId = `talks-${talksId}`;
      let written = 0;
      while (written < events) {
        const count = Math.min(batch, events - written);
        const appended = Array.from({ length: count }, (_, i) => (written + i === 0 ? talksOpened(talksId) : talksClaim(talksId, written + i)));
        await store.appendToStream(streamId, appended, { expectedRevision: written === 0 ? 'no_stream' : written - 1 });
        written += count;
      }
    }
  } finally {
    await store.close();
  }
}
