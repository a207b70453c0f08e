import type { FastifyInstance } from 'fastify';

/** How long a refused client may go on sending the body it announced before the connection is cut. */
const LINGER_MS = 10_000;

/**
 * Fastify refuses a body over the limit by its Content-Length (413) without reading it, and
 * asks for the connection to close. Closing while the client's bytes still arrive makes the
 * kernel reset the connection, and most clients (fetch among them) then report a broken pipe
 * instead of the 413 — under load, the bad-input suite saw exactly that. Without the header
 * Node reads and discards the rest and keeps the connection, as it does for the 401 sent before
 * a body (key-before-body.hook.ts); a client still sending after LINGER_MS is cut off, as
 * nginx's lingering close does.
 */
export function lingerOnUnreadBodies(fastify: FastifyInstance): void {
  fastify.addHook('onSend', (request, reply, payload, done) => {
    const raw = request.raw;
    if (reply.statusCode === 413 && !raw.complete && reply.getHeader('connection') === 'close') {
      reply.removeHeader('connection');
      const cut = setTimeout(() => raw.socket?.destroy(), LINGER_MS).unref();
      raw.once('end', () => clearTimeout(cut));
      raw.once('close', () => clearTimeout(cut));
    }
    done(null, payload);
  });
}
