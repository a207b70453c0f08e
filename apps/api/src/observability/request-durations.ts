import type { FastifyInstance } from 'fastify';
import { Metrics } from './metrics';

/** Every answered request into the duration histogram, by its route template (never the raw path: that would be a label per id). */
export function recordRequestDurations(fastify: FastifyInstance, metrics: Metrics): void {
  fastify.addHook('onResponse', async (request, reply) => {
    metrics.httpDuration.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
}
