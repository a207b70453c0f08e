import { FastifyInstance } from 'fastify';
import secureJson from 'secure-json-parse';
import { MAX_BODY_DEPTH, nestingExceeds } from './json-nesting';
import { ApiProblem } from './problem';
import { holdsLoneSurrogate } from './well-formed-text';

/**
 * Bodies are JSON objects and nothing else. Fastify's own parser reports a bad body with an
 * error Nest flattens into a bare 400; parsing here lets the answer say what was wrong.
 * secure-json-parse keeps Fastify's protection against `__proto__` poisoning. Nesting is
 * bounded before the text is parsed and lone surrogates refused once it is, so nothing after
 * (validation, the request fingerprint, the store) meets either.
 */
export function acceptJsonObjectsOnly(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(['application/json', 'application/merge-patch+json'], { parseAs: 'string' }, (_request, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(malformed('The body is empty; send a JSON object'), undefined);
    if (nestingExceeds(text, MAX_BODY_DEPTH)) return done(invalidBody(`The body nests objects and arrays deeper than ${MAX_BODY_DEPTH} levels`), undefined);
    let value: unknown;
    try {
      value = secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' });
    } catch (error) {
      return done(malformed(`The body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`), undefined);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return done(new ApiProblem(400, 'REQUEST.INVALID', 'The body must be a JSON object'), undefined);
    }
    if (holdsLoneSurrogate(value)) return done(invalidBody('The body holds a lone UTF-16 surrogate (\\ud800 to \\udfff without its pair): not text'), undefined);
    done(null, value);
  });
}

const invalidBody = (message: string): ApiProblem => new ApiProblem(400, 'REQUEST.INVALID', message, { errors: [{ field: 'body', message }] });

const malformed = (detail: string): ApiProblem => new ApiProblem(400, 'REQUEST.MALFORMED_JSON', detail);
