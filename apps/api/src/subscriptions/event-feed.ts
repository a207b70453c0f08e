import { RecordedEvent } from '@parley/event-store';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { EventFeedFilter, wantedBy } from './event-feed-filter';
import { FanOutHub } from './fan-out-hub';
import { HistoryPages } from './history-pages';
import { FeedSink, HoldLimits, HubSeat } from './hub-seat';

/** The event announcing where the feed starts; its id makes a reconnect before any event resume from there. */
export const READY_EVENT = 'ready';

/** How long one subscriber's catch-up may run before it lets the event loop serve others. */
const CATCH_UP_SLICE_MS = 2;

export type FeedSources = Readonly<{ hub: FanOutHub; pages: HistoryPages; limits: HoldLimits }>;

/**
 * Every matching event after `after`, then each new one, exactly once and in order. The
 * subscriber takes a seat in the process's one live hub first, at the hub's position; then
 * what lies between `after` and that position is read from the store a page at a time, at
 * the client's pace (each event waits for the socket to drain) and yielding to the event
 * loop between pages, while the live events the hub hands over meanwhile are held; then
 * those go out and the seat is live. If too many live events came to hold, the seat is given
 * up and the catch-up goes on from the store to the hub's new position. Returns once live
 * (or closed): from then on the hub feeds the stream.
 */
export async function followEventFeed({ hub, pages, limits }: FeedSources, sink: FeedSink, after: bigint, filter: EventFeedFilter): Promise<void> {
  if (!sink.send({ event: READY_EVENT, id: after.toString(), data: { position: after.toString() } })) return;
  const wanted = wantedBy(filter);
  let caughtUpTo = after;
  while (sink.isOpen) {
    const seat = new HubSeat(hub, wanted, sink, limits, after);
    const liveAfter = seat.join();
    caughtUpTo = await catchUp(pages, sink, wanted, caughtUpTo, liveAfter);
    if (!sink.isOpen) return seat.leave();
    if (seat.seated) return seat.goLive();
  }
}

/** Sends the wanted events in (from, upTo] from the store; answers how far it got (upTo, unless the stream closed). */
async function catchUp(pages: HistoryPages, sink: FeedSink, wanted: (event: RecordedEvent) => boolean, from: bigint, upTo: bigint): Promise<bigint> {
  let cursor = from;
  let slice = performance.now();
  while (cursor < upTo) {
    const page = await pages.after(cursor);
    for (const event of page.events) {
      if (event.position > upTo) return upTo;
      if (wanted(event.event)) {
        await sink.drained();
        if (!sink.sendFormatted(event.message)) return cursor;
      }
      cursor = event.position;
      // A client that reads as fast as we write never makes us wait: without a bound, a few
      // replays from 0 would hold the event loop for whole pages and stall every request.
      if (performance.now() - slice > CATCH_UP_SLICE_MS) {
        await nextTurn();
        slice = performance.now();
      }
    }
    // A page that reached the end of the store holds everything up to the hub's position: it was recorded before the read.
    if (!page.full) return upTo;
    await nextTurn();
    slice = performance.now();
  }
  return cursor > upTo ? cursor : upTo;
}
