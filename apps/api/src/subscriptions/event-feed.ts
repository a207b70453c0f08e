import { ACTOR_STREAM_PREFIX, actorStreamId, TALKS_STREAM_PREFIX, talksStreamId } from '@parley/domain';
import { AllFilter, EventStore, RecordedEvent } from '@parley/event-store';
import { historyEventOf } from '../history/stream-history';
import { actorsNamedIn } from './actors-named';
import { SseMessage, SseStream } from './sse-stream';

export type EventFeedFilter = Readonly<{ talksId?: string; types?: readonly string[]; actor?: string }>;

/** The event announcing where the feed starts; its id makes a reconnect before any event resume from there. */
export const READY_EVENT = 'ready';

/** What the store can filter itself: types, and stream prefixes (a prefix only narrows; `matches` decides). */
export const storeFilterOf = ({ talksId, types, actor }: EventFeedFilter): AllFilter => ({
  eventTypes: types,
  streamPrefixes: talksId !== undefined ? [talksStreamId(talksId)] : actor !== undefined ? [TALKS_STREAM_PREFIX, ACTOR_STREAM_PREFIX] : undefined,
});

/** `talks-ab` is also a prefix of `talks-abc`; and actors named in an event's data only we can see. */
export const matches =
  ({ talksId, actor }: EventFeedFilter) =>
  (event: RecordedEvent): boolean =>
    (talksId === undefined || event.streamId === talksStreamId(talksId)) &&
    (actor === undefined ||
      event.streamId === actorStreamId(actor) ||
      (event.streamId.startsWith(TALKS_STREAM_PREFIX) && actorsNamedIn(event.type, event.data).has(actor)));

/** The same JSON as the history endpoint's events, with the stream. */
export const feedMessageOf = (event: RecordedEvent): SseMessage => ({
  id: event.position.toString(),
  event: event.type,
  data: { streamId: event.streamId, ...historyEventOf(event) },
});

/**
 * Every matching event after `after`, then each new one, through one catch-up subscription
 * to `$all` (which has no gap and no duplicate at the seam). What was recorded before the
 * client came (up to `historyEnd`) is paced by its reading, since the store can wait; what is
 * recorded later goes through the stream's bounded queue, so a client slower than the writers
 * is cut off rather than held up.
 */
export async function followEventFeed(
  store: EventStore,
  stream: SseStream,
  { after, historyEnd }: Readonly<{ after: bigint; historyEnd: bigint }>,
  filter: EventFeedFilter,
): Promise<void> {
  const subscription = store.subscribeToAll({ fromPosition: after, filter: storeFilterOf(filter) });
  stream.onClose(() => void subscription.unsubscribe());
  const wanted = matches(filter);
  try {
    if (!stream.send({ event: READY_EVENT, id: after.toString(), data: { position: after.toString() } })) return;
    for await (const event of subscription) {
      if (!wanted(event)) continue;
      if (event.position <= historyEnd) await stream.drained();
      if (!stream.send(feedMessageOf(event))) break;
    }
  } finally {
    await subscription.unsubscribe();
  }
}
