import type { ProjectionStatus } from '@parley/projections';
import { readiness } from './readiness';

const status = (overrides: Partial<ProjectionStatus> = {}): ProjectionStatus => ({
  name: 'talks',
  version: 1,
  state: 'live',
  checkpoint: '90',
  head: '100',
  lag: '10',
  generation: 1,
  skipped: 0,
  ...overrides,
});

describe('readiness', () => {
  it('is ready when the store answers and every projection is within the allowed lag', () => {
    expect(readiness(true, [status({ lag: '10' }), status({ name: 'actors', lag: '0' })], 10)).toEqual({
      ready: true,
      eventStore: 'up',
      projections: [
        { name: 'talks', state: 'live', lag: '10', ready: true },
        { name: 'actors', state: 'live', lag: '0', ready: true },
      ],
    });
  });

  it('is not ready when a projection is further behind than allowed, and says which', () => {
    const answer = readiness(true, [status({ lag: '11' }), status({ name: 'actors', lag: '0' })], 10);
    expect(answer.ready).toBe(false);
    expect(answer.projections[0]).toEqual({ name: 'talks', state: 'live', lag: '11', ready: false, reason: 'more than 10 events behind' });
  });

  it('is not ready while a projection rebuilds from position 0, however small its lag', () => {
    const answer = readiness(true, [status({ lag: '0', state: 'rebuilding', rebuild: { position: '5', startedAt: '2026-01-01T00:00:00.000Z' } })], 10);
    expect(answer).toMatchObject({ ready: false, projections: [{ ready: false, reason: 'rebuilding from position 0' }] });
  });

  it('is not ready when the store does not answer', () => {
    expect(readiness(false, [status({ lag: '0' })], 10)).toMatchObject({ ready: false, eventStore: 'down' });
  });
});
