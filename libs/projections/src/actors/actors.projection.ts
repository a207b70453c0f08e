import {
  ACTOR_EVENT_TYPES,
  ACTOR_KINDS,
  ActorEvent,
  ActorKind,
  ActorState,
  ActorView,
  actorViewOf,
  evolveActor,
  initialActorState,
  PRECISIONS,
  Precision,
  roleDatePeriod,
  rolesOfPeriods,
} from '@parley/domain';
import type { RecordedEvent } from '@parley/event-store';
import { APPLIED, ApplyOutcome, Projection, ProjectionContext, skipped } from '../projection';
import { searchNamesOf } from './actor-names';
import { ACTOR_TABLES, createActorReadIndexes, createActorTables } from './actors.tables';
import { getActorProfile } from './actors.queries';

/**
 * Actor profiles, folded by the write side's own `evolveActor` so a reader sees exactly what the
 * decider sees. The stored doc is the reader's view; the state is rebuilt from it for each event.
 * Events are read at the schema version they were recorded with, through the actor upcasters.
 */

/** The inverse of `actorViewOf`. */
const stateOf = (view: ActorView | undefined): ActorState => {
  if (!view) return initialActorState();
  const { actorId, roles, registeredAt, updatedAt, ...profile } = view;
  return { status: 'registered', actorId, profile, roles: rolesOfPeriods(roles), registeredAt, updatedAt };
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isKind = (value: unknown): value is ActorKind => ACTOR_KINDS.includes(value as ActorKind);
const isRoleDate = (value: unknown): boolean =>
  isRecord(value) && typeof value.at === 'string' && PRECISIONS.includes(value.precision as Precision) && roleDatePeriod(value as never) !== undefined;

/** Why a recorded actor event cannot be folded, if it cannot: the columns need a name and a kind. */
const malformation = (event: RecordedEvent): string | undefined => {
  const data = event.data;
  if (!isRecord(data) || typeof data.actorId !== 'string') return 'actorId is missing';
  if (data.validFrom !== undefined && !isRoleDate(data.validFrom)) return 'validFrom is not a date with a precision';
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
      `INSERT INTO ${ctx.table('actor_profiles')} (actor_id, name, kind, country, represents, doc) VALUES (@actorId, @name, @kind, @country, @represents, @doc)
       ON CONFLICT (actor_id) DO UPDATE SET name = excluded.name, kind = excluded.kind, country = excluded.country, represents = excluded.represents, doc = excluded.doc`,
    )
    .run({ actorId: view.actorId, name: view.name, kind: view.kind, country: view.country ?? null, represents: view.represents ?? null, doc: JSON.stringify(view) });
};

const writeNames = (ctx: ProjectionContext, view: ActorView): void => {
  ctx.statement(`DELETE FROM ${ctx.table('actor_names')} WHERE actor_id = ?`).run(view.actorId);
  const insert = ctx.statement(`INSERT INTO ${ctx.table('actor_names')} (actor_id, folded) VALUES (?, ?)`);
  for (const folded of searchNamesOf(view)) insert.run(view.actorId, folded);
};

/** The role periods as rows; an actor holds few, so they are written whole. */
const writeRoles = (ctx: ProjectionContext, view: ActorView): void => {
  ctx.statement(`DELETE FROM ${ctx.table('actor_roles')} WHERE actor_id = ?`).run(view.actorId);
  const insert = ctx.statement(
    `INSERT INTO ${ctx.table('actor_roles')} (actor_id, seq, title, represents, valid_from, valid_from_precision, valid_from_ms, valid_until, valid_until_precision)
     VALUES (@actorId, @seq, @title, @represents, @validFrom, @validFromPrecision, @validFromMs, @validUntil, @validUntilPrecision)`,
  );
  view.roles.forEach((role, seq) =>
    insert.run({
      actorId: view.actorId,
      seq,
      title: role.title ?? null,
      represents: role.represents ?? null,
      validFrom: role.validFrom?.at ?? null,
      validFromPrecision: role.validFrom?.precision ?? null,
      validFromMs: role.validFrom ? (roleDatePeriod(role.validFrom)?.earliest ?? null) : null,
      validUntil: role.validUntil?.at ?? null,
      validUntilPrecision: role.validUntil?.precision ?? null,
    }),
  );
};

const applyActorEvent = (ctx: ProjectionContext, event: RecordedEvent): ApplyOutcome => {
  if (!(ACTOR_EVENT_TYPES as readonly string[]).includes(event.type)) return skipped(`${event.type} is not an actor event`);
  const malformed = malformation(event);
  if (malformed) return skipped(`malformed ${event.type}: ${malformed}`);
  // Read through the upcasting store: the data is of the current version.
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
  if (view) {
    writeProfile(ctx, view);
    writeNames(ctx, view);
    if (after.status === 'registered' && before.status === 'registered' && after.roles === before.roles) return APPLIED;
    writeRoles(ctx, view);
  }
  return APPLIED;
};

export const actorsProjection: Projection = {
  name: 'actors',
  // 2: country, searchable names and role periods.
  version: 2,
  eventTypes: ACTOR_EVENT_TYPES,
  tables: ACTOR_TABLES,
  createTables: createActorTables,
  createReadIndexes: createActorReadIndexes,
  apply: applyActorEvent,
};
