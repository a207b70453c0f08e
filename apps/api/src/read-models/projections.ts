import { actorsProjection, Projection, talksProjection } from '@parley/projections';

/** Every projection the API keeps; the CLI operates on the same list. */
export const ALL_PROJECTIONS: readonly Projection[] = [talksProjection, actorsProjection];
