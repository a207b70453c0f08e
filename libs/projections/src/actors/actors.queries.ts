import type { ActorKind, ActorView } from '@parley/domain';
import type { ProjectionContext } from '../projection';
import { WORK_TICK, withinReadBudget } from '../read-budget';
import type { Page } from '../talks/talks.queries';
import { decodeCursor, encodeCursor } from '../talks/timeline-cursor';
import { foldName } from './actor-names';

export const MAX_ACTORS_PAGE = 200;

export const getActorProfile = (ctx: ProjectionContext, actorId: string): ActorView | undefined => {
  const doc = ctx.statement(`SELECT doc FROM ${ctx.table('actor_profiles')} WHERE actor_id = ?`).pluck().get(actorId) as string | undefined;
  return doc === undefined ? undefined : JSON.parse(doc);
};

export type ActorFilters = Readonly<{
  /** Actors whose name or one of whose aliases contains this, ignoring case and accents. */
  search?: string;
  kind?: ActorKind;
  /** ISO 3166-1 alpha-3. */
  country?: string;
  /** The previous page's `nextCursor`. */
  after?: string;
  limit?: number;
}>;

/** Actors by id, filtered, a page at a time; a cursor is the last id returned. */
export const actorsPage = (ctx: ProjectionContext, filters: ActorFilters): Page<ActorView> =>
  withinReadBudget(ctx.db, () => {
    const where = [WORK_TICK];
    const params: unknown[] = [];
    const add = (condition: string, param: unknown) => {
      where.push(condition);
      params.push(param);
    };
    const search = filters.search === undefined ? '' : foldName(filters.search.trim());
    if (search !== '') add(`EXISTS (SELECT 1 FROM ${ctx.table('actor_names')} n WHERE n.actor_id = p.actor_id AND instr(n.folded, ?) > 0)`, search);
    if (filters.kind !== undefined) add('p.kind = ?', filters.kind);
    if (filters.country !== undefined) add('p.country = ?', filters.country);
    if (filters.after !== undefined) add('p.actor_id > ?', decodeCursor(filters.after, ['string'])[0]);
    const limit = Math.min(Math.max(1, filters.limit ?? 50), MAX_ACTORS_PAGE);
    const docs = ctx
      .statement(`SELECT p.doc FROM ${ctx.table('actor_profiles')} p WHERE ${where.join(' AND ')} ORDER BY p.actor_id LIMIT ?`)
      .pluck()
      .all(...params, limit + 1) as string[];
    const items = docs.slice(0, limit).map((doc) => JSON.parse(doc) as ActorView);
    const last = items[items.length - 1];
    return { items, nextCursor: docs.length > limit && last ? encodeCursor([last.actorId]) : null };
  });

/** The actors registered in a country (ISO 3166-1 alpha-3), by id: what a claim filter by country joins on. */
export const actorIdsIn = (ctx: ProjectionContext, country: string): string[] =>
  ctx.statement(`SELECT actor_id FROM ${ctx.table('actor_profiles')} WHERE country = ? ORDER BY actor_id`).pluck().all(country) as string[];

/** The title and principal an actor held at an instant, from its role rows; undefined before its first dated role. */
export const actorRoleOn = (
  ctx: ProjectionContext,
  actorId: string,
  instant: number,
): Readonly<{ title: string | null; represents: string | null }> | undefined =>
  ctx
    .statement(
      `SELECT title, represents FROM ${ctx.table('actor_roles')}
       WHERE actor_id = ? AND (valid_from_ms IS NULL OR valid_from_ms <= ?) ORDER BY seq DESC LIMIT 1`,
    )
    .get(actorId, instant) as { title: string | null; represents: string | null } | undefined;
