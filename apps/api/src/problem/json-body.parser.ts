import { FastifyInstance } from 'fastify';
import secureJson from 'secure-json-parse';
import { ApiProblem } from './problem';

/**
 * Bodies are JSON objects and nothing else. Fastify's own parser reports a bad body with an
 * error Nest flattens into a bare 400; parsing here lets the answer say what was wrong.
 * secure-json-parse keeps Fastify's protection against `__proto__` poisoning.
 */
export function acceptJsonObjectsOnly(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(['application/json', 'application/merge-patch+json'], { parseAs: 'string' }, (_request, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(malformed('The body is empty; send a JSON object'), undefined);
    let value: unknown;
    try {
      value = secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' });
    } catch (error) {
      return done(malformed(`The body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`), undefined);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return done(new ApiProblem(400, 'REQUEST.INVALID', 'The body must be a JSON object'), undefined);
    }
    done(null, value);
  });
}

const malformed = (detail: string): ApiProblem => new ApiProblem(400, 'REQUEST.MALFORMED_JSON', detail);
