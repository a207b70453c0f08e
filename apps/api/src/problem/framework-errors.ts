import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ApiProblem } from './problem';
import { sendProblem } from './send-problem';

/**
 * Fastify's router refuses some URLs before any route (and so before Nest's exception filter)
 * runs, with a JSON body of its own: a path parameter over its length limit (414), a URL it
 * cannot decode. No id of this API is that long or that broken, so both are invalid requests.
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const refusedUrl = error.code === 'FST_ERR_MAX_PARAM_LENGTH' || error.code === 'FST_ERR_BAD_URL';
  const exception = refusedUrl
    ? new ApiProblem(400, 'REQUEST.INVALID', 'A path parameter is too long or not a valid URL segment', { errors: [{ field: 'path', message: error.message }] })
    : error;
  void sendProblem(request, reply, exception);
}
