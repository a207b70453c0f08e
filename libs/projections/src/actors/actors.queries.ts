import type { ActorKind, ActorView } from '@parley/domain';
import type { ProjectionContext } from '../projection';

export const getActorProfile = (ctx: ProjectionContext, actorId: string): ActorView | undefined => {
  const doc = ctx.statement(`SELECT doc FROM ${ctx.table('actor_profiles')} WHERE actor_id = ?`).pluck().get(actorId) as string | undefined;
  return doc === undefined ? undefined : JSON.parse(doc);
};

/** Every profile, or those of one kind, by id. */
export const listActorProfiles = (ctx: ProjectionContext, filters: Readonly<{ kind?: ActorKind }> = {}): ActorView[] => {
  const rows =
    filters.kind === undefined
      ? ctx.statement(`SELECT doc FROM ${ctx.table('actor_profiles')} ORDER BY actor_id`).pluck().all()
      : ctx.statement(`SELECT doc FROM ${ctx.table('actor_profiles')} WHERE kind = ? ORDER BY actor_id`).pluck().all(filters.kind);
  return (rows as string[]).map((doc) => JSON.parse(doc));
};
