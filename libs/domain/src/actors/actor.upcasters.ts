import { Identified } from '../shared/event';
import { ACTOR_EVENT_SCHEMA_VERSIONS, ActorEvent } from './actor.events';

type EventData = Readonly<Record<string, unknown>>;

/** Reads an event's data recorded at one schema version as the next version's. Pure. */
export type Upcaster = (data: EventData) => EventData;

/** By event type, by the version an upcaster reads from: `{ ActorUpdated: { 1: v1 → v2 } }`. */
export type UpcasterTable = Readonly<Record<string, Readonly<Record<number, Upcaster>>>>;

const isRecord = (value: unknown): value is EventData => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * v1 overwrote a title or principal with no date: the new role is dated by when it was recorded,
 * the latest it can have begun (the default v2 gives a change made without a date). Data that
 * already has a `validFrom`, or changes no role, passes unchanged.
 */
const actorUpdatedV1ToV2: Upcaster = (data) => {
  if ('validFrom' in data || !isRecord(data.changes) || typeof data.updatedAt !== 'string') return data;
  const { title, represents } = data.changes;
  if (title === undefined && represents === undefined) return data;
  return { ...data, validFrom: { at: data.updatedAt, precision: 'exact' } };
};

/** v2 only added the optional `validFrom`; a v1 registration is held since before any record, as before. */
const actorRegisteredV1ToV2: Upcaster = (data) => data;

export const actorUpcasters = {
  ActorRegistered: { 1: actorRegisteredV1ToV2 },
  ActorUpdated: { 1: actorUpdatedV1ToV2 },
} as const satisfies UpcasterTable;

/** The data of an actor event recorded at `fromVersion`, read as the current version's; other types pass unchanged. */
export const upcastActorData = (type: string, data: unknown, fromVersion: number): unknown => {
  const steps: Readonly<Record<number, Upcaster>> | undefined = (actorUpcasters as UpcasterTable)[type];
  const current: number | undefined = (ACTOR_EVENT_SCHEMA_VERSIONS as Readonly<Record<string, number>>)[type];
  if (!steps || current === undefined || !isRecord(data)) return data;
  let upcast: EventData = data;
  for (let version = fromVersion; version < current; version++) upcast = steps[version]?.(upcast) ?? upcast;
  return upcast;
};

/**
 * A stand-in until the shared upcasting registry reads each event at its recorded schemaVersion:
 * the fold sees no metadata, so it reads every actor event as v1. That is safe because the v1→v2
 * upcasters leave v2 data as it is.
 */
export const upcastActorEvent = <E extends Identified<ActorEvent>>(event: E): E => {
  const data = upcastActorData(event.type, event.data, 1);
  return data === event.data ? event : { ...event, data: data as E['data'] };
};
