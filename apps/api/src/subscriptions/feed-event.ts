import { RecordedEvent } from '@parley/event-store';
import { historyEventOf } from '../history/stream-history';
import { formatted, FormattedMessage, SseMessage } from './sse-stream';

/** The same JSON as the history endpoint's events, with the stream. */
export const feedMessageOf = (event: RecordedEvent): SseMessage => ({
  id: event.position.toString(),
  event: event.type,
  data: { streamId: event.streamId, ...historyEventOf(event) },
});

/**
 * A recorded event on its way to subscribers. Its wire form is made the first time a
 * subscriber wants it and then shared: a thousand subscribers cost one JSON.stringify.
 */
export class FeedEvent {
  private wire?: FormattedMessage;

  constructor(readonly event: RecordedEvent) {}

  get position(): bigint {
    return this.event.position;
  }

  get message(): FormattedMessage {
    return (this.wire ??= formatted(feedMessageOf(this.event)));
  }
}
