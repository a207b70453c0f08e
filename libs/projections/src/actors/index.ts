export { ACTOR_TABLES, actorsProjection } from './actors.projection';
export { getActorProfile, listActorProfiles } from './actors.queries';
