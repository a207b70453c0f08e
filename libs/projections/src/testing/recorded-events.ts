import type { EventMetadata, RecordedEvent } from '@parley/event-store';

/** An event as a test states it: its type and data, and if it matters, its id and when it was recorded. */
export type Recordable = Readonly<{ type: string; data: unknown; id?: string; metadata?: EventMetadata; recordedAt?: Date }>;

export type RecorderOptions = Readonly<{
  /** The position of the first event; later ones follow by `positionStep` (gaps are allowed in $all). */
  firstPosition?: bigint;
  positionStep?: bigint;
  /** When the first event is recorded; later ones follow `stepMs` apart unless they say otherwise. */
  start?: Date;
  stepMs?: number;
}>;

/**
 * Builds RecordedEvents as a store would: ids `ev-1`, `ev-2`… unless given, strictly increasing
 * global positions, 0-based revisions per stream, and a recording clock that moves forward.
 */
export const eventRecorder = ({ firstPosition = 1n, positionStep = 1n, start = new Date('2025-03-14T12:00:00Z'), stepMs = 60_000 }: RecorderOptions = {}) => {
  const revisions = new Map<string, number>();
  const recorded: RecordedEvent[] = [];

  const record = (streamId: string, event: Recordable): RecordedEvent => {
    const count = recorded.length;
    const revision = (revisions.get(streamId) ?? -1) + 1;
    revisions.set(streamId, revision);
    const result: RecordedEvent = {
      id: event.id ?? `ev-${count + 1}`,
      type: event.type,
      streamId,
      revision,
      position: firstPosition + BigInt(count) * positionStep,
      data: event.data,
      metadata: event.metadata ?? {},
      recordedAt: event.recordedAt ?? new Date(start.getTime() + count * stepMs),
    };
    recorded.push(result);
    return result;
  };

  const idOf = (event: Recordable): string => {
    const data = event.data as { talksId?: unknown; actorId?: unknown } | null;
    return String(data?.talksId ?? data?.actorId ?? 'unknown');
  };

  return {
    record,
    /** On the stream `talks-{data.talksId}`. */
    talks: (event: Recordable): RecordedEvent => record(`talks-${idOf(event)}`, event),
    /** On the stream `actor-{data.actorId}`. */
    actor: (event: Recordable): RecordedEvent => record(`actor-${idOf(event)}`, event),
    /** Everything recorded so far, in position order. */
    all: (): readonly RecordedEvent[] => [...recorded],
  };
};

export type EventRecorder = ReturnType<typeof eventRecorder>;

/** The event with another id: for naming the claims that corrections and retractions point at. */
export const withEventId = <E extends Recordable>(id: string, event: E): E => ({ ...event, id });
