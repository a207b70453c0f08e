import {
  ANY,
  AppendExpectedRevision,
  eventTypeFilter,
  excludeSystemEvents,
  Filter,
  NO_STREAM,
  ResolvedEvent,
  STREAM_EXISTS,
  streamNameFilter,
} from '@eventstore/db-client';
import { AllFilter, ExpectedRevision, RecordedEvent } from '../event-store.port';

export function toClientExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      return BigInt(expected);
  }
}

/** The client's current revision: a bigint, or `no_stream`. */
export function fromClientRevision(revision: bigint | string | undefined): number | 'no_stream' {
  return typeof revision === 'bigint' ? Number(revision) : 'no_stream';
}

/**
 * EventStoreDB's own events: `$`-prefixed types (`$metadata`, `$>` links, `$statsCollected`)
 * and `$`-prefixed streams (`$settings`, `$$stream` metadata, `$ce-…` projections). The port's
 * `$all` holds only what the application wrote.
 */
export function isSystemEvent(streamId: string, type: string): boolean {
  return streamId.startsWith('$') || type.startsWith('$');
}

export function passes(filter: AllFilter | undefined, streamId: string, type: string): boolean {
  if (isSystemEvent(streamId, type)) return false;
  const types = filter?.eventTypes ?? [];
  const prefixes = filter?.streamPrefixes ?? [];
  if (types.length > 0 && !types.includes(type)) return false;
  return prefixes.length === 0 || prefixes.some((prefix) => streamId.startsWith(prefix));
}

/**
 * The server-side filter for a subscription. EventStoreDB filters on the stream name *or* on
 * the event type, never both: with both, the server filters by stream prefix and the adapter
 * checks the type (`passes`). Stream prefixes that do not start with `$` already exclude
 * system streams; types are matched exactly by an anchored regex, which excludes `$` types
 * unless asked for one; with no filter, the client's `excludeSystemEvents()`.
 */
export function serverFilter(filter: AllFilter | undefined): Filter {
  const prefixes = filter?.streamPrefixes ?? [];
  const types = filter?.eventTypes ?? [];
  if (prefixes.length > 0) return streamNameFilter({ prefixes: [...prefixes] });
  if (types.length > 0) return eventTypeFilter({ regex: `^(?:${types.map(escapeRegex).join('|')})$` });
  return excludeSystemEvents();
}

function escapeRegex(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A recorded event as the port gives it. Positions are commit positions: on EventStoreDB an
 * event written by an ordinary append has commit = prepare, strictly increasing in `$all`.
 */
export function toRecordedEvent(resolved: ResolvedEvent): RecordedEvent | undefined {
  const event = resolved.event;
  if (!event || !event.position) return undefined;
  const metadata = event.metadata;
  return {
    id: event.id,
    type: event.type,
    streamId: event.streamId,
    revision: Number(event.revision),
    position: event.position.commit,
    data: event.data as unknown,
    metadata: isPlainObject(metadata) ? metadata : {},
    recordedAt: event.created,
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}
