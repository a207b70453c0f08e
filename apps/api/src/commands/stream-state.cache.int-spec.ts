import fc from 'fast-check';
import { talksDecider } from '@parley/domain';
import { acceptedHistory, talksIntents } from '@parley/domain/testing/talks.histories';
import { EventStore, SqliteEventStore } from '@parley/event-store';
import { ConfigService } from '@nestjs/config';
import { randomUUID } from 'node:crypto';
import { Environment } from '../config/environment';
import { foldInto, emptySnapshot } from './stream-snapshot';
import { StreamStateCache } from './stream-state.cache';
import { turnsBeside } from './testing/turns-beside';

/**
 * A command decides on the cached state with the stream's tail folded in. Wherever the cache
 * last looked, and however many other writers appended since, that must be the state a cold
 * fold of the whole stream gives.
 */

const config = (entries: number) =>
  ({ get: (key: keyof Environment) => ({ PARLEY_STATE_CACHE_ENTRIES: entries, PARLEY_STATE_CACHE_MB: 64 })[key as string] }) as unknown as ConfigService<Environment, true>;

const comparable = (state: unknown) => JSON.stringify(state, (_, value) => (typeof value === 'bigint' ? value.toString() : value));

describe('the stream state cache (property, real SQLite store)', () => {
  let store: EventStore;

  beforeAll(async () => {
    store = await SqliteEventStore.open({ filename: ':memory:' });
  });

  afterAll(async () => {
    await store.close();
  });

  it('cached and tailed equals a cold fold, wherever the cache last looked', async () => {
    await fc.assert(
      fc.asyncProperty(talksIntents, fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), async (intents, cuts) => {
        const streamId = `talks-${randomUUID()}`;
        const { events } = acceptedHistory(intents, () => randomUUID());
        const cache = new StreamStateCache(store, config(10));
        // Another process appends in slices; this one looks in between some of them.
        const marks = [...new Set(cuts.map((cut) => cut % (events.length + 1)))].sort((a, b) => a - b);
        let appended = 0;
        for (const mark of [...marks, events.length]) {
          if (mark > appended) {
            const slice = events.slice(appended, mark).map(({ id, type, data }) => ({ id, type, data, metadata: {} }));
            await store.appendToStream(streamId, slice, { expectedRevision: appended === 0 ? 'no_stream' : appended - 1 });
            appended = mark;
          }
          await cache.load(streamId, talksDecider);
        }
        const cached = await cache.load(streamId, talksDecider);
        const cold = foldInto(talksDecider, emptySnapshot(talksDecider), await store.readStream(streamId));
        expect(cached.revision).toBe(events.length - 1);
        expect(comparable(cached.state)).toBe(comparable(cold.state));
      }),
      { numRuns: 60 },
    );
  });

  it('reads a long stream a page at a time, handing the event loop back between pages, to the state of a read of it all', async () => {
    const streamId = `talks-${randomUUID()}`;
    const { events } = acceptedHistory([], () => randomUUID());
    const stalls = Array.from({ length: 4500 }, () => ({ id: randomUUID(), type: 'TalksStalled', data: { talksId: 'x', reason: 'later' } }));
    await store.appendToStream(streamId, [...events.map(({ id, type, data }) => ({ id, type, data })), ...stalls]);
    let loaded: Awaited<ReturnType<StreamStateCache['load']>> | undefined;
    const otherTurns = await turnsBeside(async () => {
      loaded = await new StreamStateCache(store, config(0)).load(streamId, talksDecider);
    });
    const cold = foldInto(talksDecider, emptySnapshot(talksDecider), await store.readStream(streamId));
    expect(loaded?.revision).toBe(events.length + 4499);
    expect(comparable(loaded?.state)).toBe(comparable(cold.state));
    // Three pages, and the fold of 4,500 events in steps: other work ran in between.
    expect(otherTurns).toBeGreaterThanOrEqual(2);
  });

  it('keeps no state when told to keep none, and still folds the whole stream', async () => {
    const streamId = `talks-${randomUUID()}`;
    const { events } = acceptedHistory([], () => randomUUID());
    await store.appendToStream(streamId, events.map(({ id, type, data }) => ({ id, type, data })));
    const cache = new StreamStateCache(store, config(0));
    expect((await cache.load(streamId, talksDecider)).revision).toBe(0);
    expect((await cache.load(streamId, talksDecider)).revision).toBe(0);
  });
});
