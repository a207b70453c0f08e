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
  /**
   * Whose Idempotency-Key it is, and where it was sent: the caller's key name, the method and
   * the path. Keys are the caller's own, per route: another caller's (or another route's) same
   * key is another command, and never answered from this one's record.
   */
  idempotencyScope: string;
  /**
   * Hash of the scope, the Idempotency-Key, and the body: the same key with another request is
   * refused. With the key in it, the hash kept in event metadata tells a reader nothing.
   */
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
  // Writes always need a key (the guard ran first), so there is always a name to record.
  const recordedBy = principalOf(request)?.name ?? 'anonymous';
  const idempotencyScope = `${recordedBy} ${request.method} ${request.url.split('?', 1)[0]}`;
  return {
    ifMatch: parseIfMatch(header(request, 'if-match')),
    idempotencyKey,
    idempotencyScope,
    fingerprint: fingerprintOf(idempotencyScope, idempotencyKey, request.body),
    correlationId: String(request.id),
    recordedBy,
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

function fingerprintOf(scope: string, idempotencyKey: string | undefined, body: unknown): string {
  return createHash('sha256')
    .update(stableStringify({ scope, idempotencyKey: idempotencyKey ?? null, body: body ?? null }) ?? '')
    .digest('base64url');
}
