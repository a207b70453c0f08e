import { actorStreamId, TALKS_STREAM_PREFIX, talksStreamId } from '@parley/domain';
import { RecordedEvent } from '@parley/event-store';
import { actorsNamedIn } from './actors-named';

export type EventFeedFilter = Readonly<{ talksId?: string; types?: readonly string[]; actor?: string }>;

/**
 * Whether a subscriber with this filter wants an event: one of its types (if it names any),
 * exactly its track (`talks-ab` is also a prefix of `talks-abc`), and for an actor, the
 * actor's own stream or a talks event naming it in its data.
 */
export const wantedBy = ({ talksId, types, actor }: EventFeedFilter): ((event: RecordedEvent) => boolean) => {
  const typeSet = types !== undefined && types.length > 0 ? new Set(types) : undefined;
  const stream = talksId === undefined ? undefined : talksStreamId(talksId);
  const actorStream = actor === undefined ? undefined : actorStreamId(actor);
  return (event) =>
    (typeSet === undefined || typeSet.has(event.type)) &&
    (stream === undefined || event.streamId === stream) &&
    (actor === undefined ||
      event.streamId === actorStream ||
      (event.streamId.startsWith(TALKS_STREAM_PREFIX) && actorsNamedIn(event.type, event.data).has(actor)));
};
