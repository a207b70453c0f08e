import { EventStore } from '@parley/event-store';
import { LRUCache } from 'lru-cache';
import { FeedEvent } from './feed-event';

export type HistoryPage = Readonly<{
  events: readonly FeedEvent[];
  /** False when the page ran into the end of the store: nothing more was recorded when it was read. */
  full: boolean;
}>;

/** Full pages kept for subscribers replaying the same stretch; a few, since they are big. */
const CACHED_PAGES = 16;

/**
 * `$all` a page at a time, for subscribers catching up. Pages are read unfiltered, so each
 * read costs a page whatever the filter (a filtered SQL read could scan the whole store in
 * one synchronous query looking for a rare match) and any subscriber at the same place can
 * share it, whatever it filters. Only full pages are kept: one that reached the head would
 * miss what is recorded after it.
 */
export class HistoryPages {
  private readonly cache = new LRUCache<bigint, readonly FeedEvent[]>({ max: CACHED_PAGES });

  constructor(
    private readonly store: Pick<EventStore, 'readAll'>,
    readonly pageSize: number,
  ) {}

  async after(position: bigint): Promise<HistoryPage> {
    const cached = this.cache.get(position);
    if (cached) return { events: cached, full: true };
    const events = (await this.store.readAll({ fromPosition: position, maxCount: this.pageSize })).map((event) => new FeedEvent(event));
    const full = events.length === this.pageSize;
    if (full) this.cache.set(position, events);
    return { events, full };
  }
}
