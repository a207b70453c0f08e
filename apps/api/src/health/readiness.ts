import type { ProjectionStatus } from '@parley/projections';

export type ProjectionReadiness = Readonly<{ name: string; state: string; lag: string; ready: boolean; reason?: string }>;

export type Readiness = Readonly<{ ready: boolean; eventStore: 'up' | 'down'; projections: readonly ProjectionReadiness[] }>;

/**
 * Whether this process should be sent traffic: the store answers, and every projection is within
 * `maxLag` events of the head and not rebuilding from position 0 (its answers would be about to
 * change wholesale, or be those of an old version).
 */
export function readiness(storeUp: boolean, statuses: readonly ProjectionStatus[], maxLag: number): Readiness {
  const projections = statuses.map(({ name, state, lag, rebuild }): ProjectionReadiness => {
    const reason = rebuild ? 'rebuilding from position 0' : BigInt(lag) > BigInt(maxLag) ? `more than ${maxLag} events behind` : undefined;
    return { name, state, lag, ready: reason === undefined, ...(reason === undefined ? {} : { reason }) };
  });
  return { ready: storeUp && projections.every((projection) => projection.ready), eventStore: storeUp ? 'up' : 'down', projections };
}
