import type { FastifyInstance } from 'fastify';
import { ApiProblem } from './problem';
import { sendProblem } from './send-problem';
import { hasLoneSurrogate } from './well-formed-text';

/**
 * The query string is text: every parameter must percent-decode to well-formed UTF-8. Fastify's
 * parser keeps an undecodable escape (`%ED%A0%80`, a surrogate encoded as if it were a
 * character; `%FF`) as literal text, which each route would then meet in its own way. Checked
 * once, here, before any route runs.
 */
export function refuseMalformedQueryStrings(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    const at = request.url.indexOf('?');
    if (at === -1 || isWellFormedQuery(request.url.slice(at + 1))) return done();
    const message = 'every query parameter must be percent-encoded UTF-8 text (no lone surrogates)';
    void sendProblem(request, reply, new ApiProblem(400, 'REQUEST.INVALID', `The query string is not text: ${message}`, { errors: [{ field: 'query', message }] }));
  });
}

function isWellFormedQuery(query: string): boolean {
  try {
    return !hasLoneSurrogate(decodeURIComponent(query.replace(/\+/g, ' ')));
  } catch {
    return false;
  }
}
