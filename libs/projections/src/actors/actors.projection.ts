import { ACTOR_EVENT_TYPES, ACTOR_KINDS, ActorEvent, ActorKind, ActorState, ActorView, actorViewOf, evolveActor, initialActorState } from '@parley/domain';
import type { RecordedEvent } from '@parley/event-store';
import { APPLIED, ApplyOutcome, Projection, ProjectionContext, skipped } from '../projection';
import { getActorProfile } from './actors.queries';

/**
 * Actor profiles, folded by the write side's own `evolveActor` so a reader sees exactly what the
 * decider sees. The stored doc is the reader's view; the state is rebuilt from it for each event.
 */

export const ACTOR_TABLES = ['actor_profiles'] as const;

const createActorTables = (ctx: ProjectionContext): void => {
  ctx.db.exec(`
    CREATE TABLE IF NOT EXISTS ${ctx.table('actor_profiles')} (
      actor_id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      kind TEXT NOT NULL,
      represents TEXT,
      doc TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS ${ctx.index('actor_profiles_by_kind')} ON ${ctx.table('actor_profiles')} (kind);
  `);
};

/** The inverse of `actorViewOf`. */
const stateOf = (view: ActorView | undefined): ActorState => {
  if (!view) return initialActorState();
  const { actorId, registeredAt, updatedAt, ...profile } = view;
  return { status: 'registered', actorId, profile, registeredAt, updatedAt };
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isKind = (value: unknown): value is ActorKind => ACTOR_KINDS.includes(value as ActorKind);

/** Why a recorded actor event cannot be folded, if it cannot: the columns need a name and a kind. */
const malformation = (event: RecordedEvent): string | undefined => {
  const data = event.data;
  if (!isRecord(data) || typeof data.actorId !== 'string') return 'actorId is missing';
  if (event.type === 'ActorRegistered') {
    if (typeof data.name !== 'string') return 'name is missing';
    if (!isKind(data.kind)) return 'kind is not one of person, state, organisation';
    return Array.isArray(data.aliases) ? undefined : 'aliases is not a list';
  }
  if (!isRecord(data.changes)) return 'changes is not an object';
  const { name, kind, aliases } = data.changes;
  if (name !== undefined && typeof name !== 'string') return 'changes.name is not text';
  if (kind !== undefined && !isKind(kind)) return 'changes.kind is not one of person, state, organisation';
  return aliases === undefined || Array.isArray(aliases) ? undefined : 'changes.aliases is not a list';
};

const writeProfile = (ctx: ProjectionContext, view: ActorView): void => {
  ctx
    .statement(
      `INSERT INTO ${ctx.table('actor_profiles')} (actor_id, name, kind, represents, doc) VALUES (@actorId, @name, @kind, @represents, @doc)
       ON CONFLICT (actor_id) DO UPDATE SET name = excluded.name, kind = excluded.kind, represents = excluded.represents, doc = excluded.doc`,
    )
    .run({ actorId: view.actorId, name: view.name, kind: view.kind, represents: view.represents ?? null, doc: JSON.stringify(view) });
};

const applyActorEvent = (ctx: ProjectionContext, event: RecordedEvent): ApplyOutcome => {
  if (!(ACTOR_EVENT_TYPES as readonly string[]).includes(event.type)) return skipped(`${event.type} is not an actor event`);
  const malformed = malformation(event);
  if (malformed) return skipped(`malformed ${event.type}: ${malformed}`);
  const actorEvent = { id: event.id, type: event.type, data: event.data } as ActorEvent & { id: string };
  const before = stateOf(getActorProfile(ctx, actorEvent.data.actorId));
  const after = evolveActor(before, actorEvent);
  // evolveActor returns the same state for what it ignores: a second registration, an update before any.
  if (after === before) {
    return skipped(
      event.type === 'ActorRegistered' ? `actor ${actorEvent.data.actorId} is already registered` : `actor ${actorEvent.data.actorId} is not registered`,
    );
  }
  const view = actorViewOf(after);
  if (view) writeProfile(ctx, view);
  return APPLIED;
};

export const actorsProjection: Projection = {
  name: 'actors',
  version: 1,
  eventTypes: ACTOR_EVENT_TYPES,
  tables: ACTOR_TABLES,
  createTables: createActorTables,
  apply: applyActorEvent,
};
