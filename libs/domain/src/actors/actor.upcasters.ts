import { StoredData, Upcaster, UpcasterTable } from '../upcasting/upcaster';

const isRecord = (value: unknown): value is StoredData => typeof value === 'object' && value !== null && !Array.isArray(value);

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

/** The actor events' version steps, in order; read through the shared registry (EVENT_UPCASTERS). */
export const actorUpcasters = {
  ActorRegistered: [actorRegisteredV1ToV2],
  ActorUpdated: [actorUpdatedV1ToV2],
} as const satisfies UpcasterTable;
