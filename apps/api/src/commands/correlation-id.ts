import { randomUUID } from 'node:crypto';
import { IncomingMessage } from 'node:http';

const CORRELATION_ID = /^[\w.:-]{1,128}$/;

/**
 * Fastify's request id: the caller's `X-Correlation-Id` when it is sane, else a new UUID.
 * It is also set on the raw request, where pino-http picks it up, so logs and events share it.
 */
export function correlationIdFor(raw: IncomingMessage): string {
  const given = raw.headers['x-correlation-id'];
  const id = typeof given === 'string' && CORRELATION_ID.test(given) ? given : randomUUID();
  (raw as IncomingMessage & { id?: string }).id = id;
  return id;
}
