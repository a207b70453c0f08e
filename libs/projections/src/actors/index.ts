export { actorsProjection } from './actors.projection';
export { ACTOR_TABLES } from './actors.tables';
export { actorIdsIn, actorRoleOn, actorsPage, getActorProfile, MAX_ACTORS_PAGE } from './actors.queries';
export type { ActorFilters } from './actors.queries';
