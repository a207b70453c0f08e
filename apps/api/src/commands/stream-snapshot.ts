import { finished } from '@parley/domain';
import type { RecordedEvent } from '@parley/event-store';
import { Map as PersistentMap } from 'immutable';
import type { AnyDecider } from './aggregates';

/** What an earlier command sent with an Idempotency-Key recorded: enough to repeat its answer. */
export type KeyedCommand = Readonly<{
  fingerprint: string;
  revision: number;
  position: bigint;
  events: ReadonlyArray<Readonly<{ id: string; type: string }>>;
}>;

/**
 * A stream folded up to a revision: the decider's state, where the stream stood, and the
 * commands sent with an Idempotency-Key, by command id (a retry after a crash between commit and
 * answer finds its events here, without a scan). Immutable: a newer snapshot shares the old one's parts.
 */
export type StreamSnapshot = Readonly<{
  state: unknown;
  /** The last revision folded in; -1 for a stream with no events. */
  revision: number;
  /** The global position of that event; 0n for none. */
  position: bigint;
  /** That event's id; '' for none. A persisted snapshot is checked against it on restore. */
  eventId: string;
  keyedCommands: PersistentMap<string, KeyedCommand>;
  /** A rough size of the event data folded in, for the cache's memory bound. */
  bytes: number;
}>;

export const emptySnapshot = (decider: AnyDecider): StreamSnapshot => ({
  state: decider.initialState(),
  revision: -1,
  position: 0n,
  eventId: '',
  keyedCommands: PersistentMap(),
  bytes: 0,
});

// Sizing every event would cost a JSON.stringify per event on a cold read of a long stream; a
// spread-out sample is close enough for a memory bound.
const SIZE_SAMPLE = 64;

const estimateBytes = (events: readonly RecordedEvent[]): number => {
  if (events.length === 0) return 0;
  const step = Math.max(1, Math.floor(events.length / SIZE_SAMPLE));
  let sampled = 0;
  let bytes = 0;
  for (let i = 0; i < events.length; i += step, sampled++) bytes += JSON.stringify(events[i].data ?? null).length + 200;
  return Math.ceil((bytes / sampled) * events.length);
};

const rememberKeyed = (keyed: StreamSnapshot['keyedCommands'], events: readonly RecordedEvent[]): StreamSnapshot['keyedCommands'] =>
  keyed.withMutations((commands) => {
    for (const event of events) {
      // Events written before keys were scoped per caller carry `idempotencyKey`: their command
      // ids were derived without a scope, so no retry can name them any more.
      const { commandId, idempotencyKeyHash, requestFingerprint } = event.metadata;
      if (idempotencyKeyHash === undefined || typeof commandId !== 'string') continue;
      const earlier = commands.get(commandId);
      const summary = { id: event.id, type: event.type };
      commands.set(commandId, {
        fingerprint: earlier?.fingerprint ?? String(requestFingerprint),
        revision: event.revision,
        position: event.position,
        events: [...(earlier?.events ?? []), summary],
      });
    }
  });

/** The snapshot moved past events whose fold into its state is already `state`. */
export const advance = (snapshot: StreamSnapshot, state: unknown, events: readonly RecordedEvent[]): StreamSnapshot => {
  if (events.length === 0) return snapshot;
  const last = events[events.length - 1];
  return {
    state,
    revision: last.revision,
    position: last.position,
    eventId: last.id,
    keyedCommands: rememberKeyed(snapshot.keyedCommands, events),
    bytes: snapshot.bytes + estimateBytes(events),
  };
};

// Events folded per step: a few milliseconds of work.
const EVENTS_PER_STEP = 500;

/**
 * The snapshot with events after its revision folded in, in stream order, EVENTS_PER_STEP at a
 * time (a fold of a stream's events in parts is the fold of them all).
 */
export function* foldSteps(decider: AnyDecider, snapshot: StreamSnapshot, events: readonly RecordedEvent[]): Generator<void, StreamSnapshot, void> {
  let state = snapshot.state;
  for (let from = 0; from < events.length; from += EVENTS_PER_STEP) {
    if (from > 0) yield;
    const identified = events.slice(from, from + EVENTS_PER_STEP).map(({ id, type, data }) => ({ id, type, data }));
    state = decider.evolveAll ? decider.evolveAll(state, identified) : identified.reduce((folded, event) => decider.evolve(folded, event), state);
  }
  return advance(snapshot, state, events);
}

export const foldInto = (decider: AnyDecider, snapshot: StreamSnapshot, events: readonly RecordedEvent[]): StreamSnapshot => finished(foldSteps(decider, snapshot, events));
