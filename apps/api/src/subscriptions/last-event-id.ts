import type { FastifyRequest } from 'fastify';
import { ApiProblem } from '../problem/problem';
import { isPosition, positionMessage } from '../read-models/query-params';

/**
 * Where a reconnecting EventSource left off. Its URL still holds the first `from`, so the
 * header wins; our ids are positions, so anything else is a bad request.
 */
export function lastEventIdOf(request: FastifyRequest): bigint | undefined {
  const header = request.headers['last-event-id'];
  if (header === undefined || header === '') return undefined;
  if (!isPosition(header)) {
    throw new ApiProblem(400, 'REQUEST.INVALID', `Last-Event-ID must be an id this API sent: ${positionMessage('it')}`, {
      errors: [{ field: 'Last-Event-ID', message: positionMessage('Last-Event-ID') }],
    });
  }
  return BigInt(header);
}
