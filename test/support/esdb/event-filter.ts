import { ReadReq } from '@eventstore/db-client/generated/streams_pb';
import { StoredEvent } from './in-memory-log';

export type EventFilter = Readonly<{
  matches: (event: StoredEvent) => boolean;
  /** Checkpoint after this many events looked at (EventStoreDB: window × multiplier). */
  checkpointEvery: number;
}>;

/** EventStoreDB's default search window when the client asks for `count` rather than `max`. */
const DEFAULT_WINDOW = 32;

/**
 * A server-side filter: on the stream name or on the event type, by prefixes or a regular
 * expression (EventStoreDB uses .NET regexes; JavaScript's agree on the simple ones clients
 * send, such as `^[^$].*`). No filter passes everything, system events included, as `$all` does.
 */
export function eventFilterOf(options: ReadReq.Options): EventFilter | undefined {
  if (!options.hasFilter()) return undefined;
  const filter = options.getFilter()!;
  const onStream = filter.hasStreamIdentifier();
  const expression = onStream ? filter.getStreamIdentifier()! : filter.getEventType()!;
  const prefixes = expression.getPrefixList();
  const regex = expression.getRegex() ? new RegExp(expression.getRegex()) : undefined;
  const window = filter.hasMax() ? filter.getMax() : DEFAULT_WINDOW;
  return {
    matches: (event) => {
      const subject = onStream ? event.streamId : event.type;
      if (prefixes.length > 0 && !prefixes.some((prefix) => subject.startsWith(prefix))) return false;
      return regex ? regex.test(subject) : true;
    },
    checkpointEvery: Math.max(1, window * Math.max(1, filter.getCheckpointintervalmultiplier())),
  };
}
