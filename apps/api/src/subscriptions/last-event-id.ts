import type { FastifyRequest } from 'fastify';
import { ApiProblem } from '../problem/problem';
import { POSITION_PATTERN } from '../read-models/query-params';

/**
 * Where a reconnecting EventSource left off. Its URL still holds the first `from`, so the
 * header wins; our ids are positions, so anything else is a bad request.
 */
export function lastEventIdOf(request: FastifyRequest): bigint | undefined {
  const header = request.headers['last-event-id'];
  if (header === undefined || header === '') return undefined;
  if (typeof header !== 'string' || !POSITION_PATTERN.test(header)) {
    throw new ApiProblem(400, 'REQUEST.INVALID', 'Last-Event-ID must be an id this API sent: a position (a decimal integer)', {
      errors: [{ field: 'Last-Event-ID', message: 'must be a decimal integer' }],
    });
  }
  return BigInt(header);
}
