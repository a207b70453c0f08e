import { EventStore, SqliteEventStore } from '@parley/event-store';
import { randomUUID } from 'node:crypto';
import { followEventFeed } from './event-feed';
import { EventFeedFilter } from './event-feed-filter';
import { FanOutHub } from './fan-out-hub';
import { HistoryPages } from './history-pages';
import { LiveTail } from './live-tail';
import { openFakeStream, sentEvents } from './testing/fake-response';

/**
 * A subscriber catching up from the store while new events are recorded is handed over to
 * the live tail with nothing missed and nothing twice, on a real (in-memory SQLite) store.
 */

/** Lets the store's subscription and the feed run until `check` holds; gives up after many turns of the event loop. */
async function eventually(check: () => boolean, what: string): Promise<void> {
  for (let turn = 0; !check(); turn++) {
    if (turn > 2000) throw new Error(`Never: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

describe('an events feed catching up, then live (real SQLite store)', () => {
  let store: EventStore;
  let tail: LiveTail;
  let hub: FanOutHub;

  const append = async (streamId: string, count: number): Promise<void> => {
    for (let i = 0; i < count; i++) await store.appendToStream(streamId, [{ id: randomUUID(), type: 'Noted', data: { i } }]);
  };
  /** Every event of the store after `after` that the filter wants, as the feed sends them. */
  const expected = async (after: bigint, streamId?: string): Promise<string[]> =>
    (await store.readAll({ fromPosition: after }))
      .filter((event) => streamId === undefined || event.streamId === streamId)
      .map((event) => `${event.position} ${event.type} ${event.streamId}`);
  const published = async () => {
    const head = await store.headPosition();
    await eventually(() => hub.position === head, 'the tail to publish the head');
  };

  beforeEach(async () => {
    store = await SqliteEventStore.open({ filename: ':memory:' });
    await append('talks-a', 5);
    await append('talks-b', 5);
    tail = new LiveTail(store, (error) => {
      throw error;
    });
    hub = await tail.hub();
  });

  afterEach(async () => {
    await tail.stop();
    await store.close();
  });

  const follow = (filter: EventFeedFilter, limits = { maxQueue: 1000, maxQueueBytes: 1 << 20 }) => {
    const { response, stream } = openFakeStream({ maxQueue: 1000 });
    // The client reads nothing until told: the catch-up waits for it at its first event.
    response.full = true;
    const following = followEventFeed({ hub, pages: new HistoryPages(store, 3), limits }, stream, 0n, filter);
    return { response, stream, following };
  };

  const readAll = async ({ response, following }: ReturnType<typeof follow>) => {
    response.drain();
    await following;
  };

  it('sends the history, the events recorded while it was read, then the live ones: each once, in order', async () => {
    const client = follow({});
    await append('talks-a', 4); // recorded while the client is still reading history
    await published();
    expect(hub.size).toBe(1);
    await readAll(client);
    await append('talks-b', 3); // live
    const all = await expected(0n);
    await eventually(() => sentEvents(client.response).length === all.length, 'every event');
    expect(sentEvents(client.response)).toEqual(all);
  });

  it('gives up holding live events past its bound and reads them from the store instead, still each once, in order', async () => {
    const client = follow({ talksId: 'a' }, { maxQueue: 2, maxQueueBytes: 1 << 20 });
    await append('talks-a', 6);
    await append('talks-b', 2);
    await published();
    expect(hub.size).toBe(0); // it held too many and left
    await readAll(client);
    expect(hub.size).toBe(1); // seated again once caught up
    await append('talks-a', 2);
    const wanted = await expected(0n, 'talks-a');
    await eventually(() => sentEvents(client.response).length === wanted.length, 'every event of talks-a');
    expect(sentEvents(client.response)).toEqual(wanted);
  });

  it('starts after its position: a resume ahead of the history reads nothing twice', async () => {
    const head = await store.headPosition();
    const { response, stream } = openFakeStream();
    await followEventFeed({ hub, pages: new HistoryPages(store, 3), limits: { maxQueue: 10, maxQueueBytes: 1 << 20 } }, stream, head - 2n, {});
    await append('talks-a', 1);
    const wanted = await expected(head - 2n);
    await eventually(() => sentEvents(response).length === wanted.length, 'the last two and the new one');
    expect(sentEvents(response)).toEqual(wanted);
  });

  it('shares full history pages between subscribers, and reads a page that reached the head again', async () => {
    const pages = new HistoryPages(store, 4);
    const [one, two] = [await pages.after(0n), await pages.after(0n)];
    expect(one.full).toBe(true);
    expect(two.events).toBe(one.events);
    const head = await store.headPosition();
    const atHead = await pages.after(head - 2n);
    expect(atHead.full).toBe(false);
    expect(atHead.events).toHaveLength(2);
    await append('talks-a', 1);
    expect((await pages.after(head - 2n)).events).toHaveLength(3);
  });
});
