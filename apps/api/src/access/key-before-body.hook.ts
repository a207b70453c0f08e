import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Clock } from '../commands/clock';
import { sendProblem } from '../problem/send-problem';
import { ApiKeyStore } from './api-key.store';
import { keyPresentedIn } from './bearer-key';

/** Every route that takes a body writes, and every write needs a key; reads and the public routes take none. */
const carriesBody = (request: FastifyRequest): boolean =>
  request.method !== 'GET' &&
  request.method !== 'HEAD' &&
  (request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0);

/**
 * A body is read and parsed only for a caller with a live key: without this, anyone could make
 * the server parse PARLEY_BODY_LIMIT bytes of JSON per request before the guard refused them.
 * Runs when the request arrives, before the body is read. The guard still decides roles.
 */
export function requireKeyBeforeBody(fastify: FastifyInstance, keys: ApiKeyStore, clock: Clock): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    if (!carriesBody(request)) return done();
    try {
      keyPresentedIn(request.headers.authorization, keys, clock());
    } catch (problem) {
      // Node discards the unread body (keeping the connection usable): read, never parsed.
      void sendProblem(request, reply, problem);
      return;
    }
    done();
  });
}
