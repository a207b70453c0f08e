/** Analyst-chosen slugs, e.g. `talks-us-russia-ukraine` is stream `talks-` + `us-russia-ukraine`. */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}$/;

export const isSlug = (value: string): boolean => SLUG_PATTERN.test(value);

export const talksStreamId = (talksId: string): string => `talks-${talksId}`;
export const actorStreamId = (actorId: string): string => `actor-${actorId}`;

export const TALKS_STREAM_PREFIX = 'talks-';
export const ACTOR_STREAM_PREFIX = 'actor-';
