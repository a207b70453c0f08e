import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { FastifyRequest } from 'fastify';
import stableStringify from 'safe-stable-stringify';
import { principalOf } from '../access/principal';
import { ApiProblem } from '../problem/problem';
import { parseIfMatch, RevisionCondition } from './entity-tag';

/** What a write request says about itself besides its body. */
export type CommandRequest = Readonly<{
  ifMatch?: RevisionCondition;
  idempotencyKey?: string;
  /** Hash of method, path and body: the same key with another request is refused. */
  fingerprint: string;
  correlationId: string;
  recordedBy: string;
}>;

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

export function commandRequestFrom(request: FastifyRequest): CommandRequest {
  const idempotencyKey = header(request, 'idempotency-key');
  if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
    throw new ApiProblem(400, 'REQUEST.INVALID', 'Idempotency-Key must be 1 to 255 visible ASCII characters', {
      errors: [{ field: 'Idempotency-Key', message: 'must be 1 to 255 visible ASCII characters' }],
    });
  }
  return {
    ifMatch: parseIfMatch(header(request, 'if-match')),
    idempotencyKey,
    fingerprint: fingerprintOf(request),
    correlationId: String(request.id),
    // Writes always need a key (the guard ran first), so there is always a name to record.
    recordedBy: principalOf(request)?.name ?? 'anonymous',
  };
}

/** The parameter decorator a write route takes its `CommandRequest` from. */
export const FromCommandRequest = createParamDecorator((_: unknown, context: ExecutionContext) =>
  commandRequestFrom(context.switchToHttp().getRequest<FastifyRequest>()),
);

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

function fingerprintOf(request: FastifyRequest): string {
  const path = request.url.split('?')[0];
  return createHash('sha256')
    .update(stableStringify({ method: request.method, path, body: request.body ?? null }) ?? '')
    .digest('base64url');
}
