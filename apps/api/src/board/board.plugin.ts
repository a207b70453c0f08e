import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { join } from 'node:path';

/**
 * The board's files: apps/api/board in the source tree; nest-cli.json copies them to the same
 * place relative to this module in dist/.
 */
export const BOARD_ASSETS = join(__dirname, '..', '..', 'board');

/**
 * Nothing but the board's own files may run, style or be fetched, and nothing inline: every
 * script and style is a file of the board, and every read goes to this API.
 */
export const BOARD_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The board at /board: static files, public (they hold no data; every read the page makes
 * asks for an API key), outside the API's OpenAPI document. Its own Fastify context, so its
 * CSP header replaces the app-wide one on these routes only.
 */
export async function registerBoard(app: NestFastifyApplication): Promise<void> {
  await app.register(async (board: FastifyInstance) => {
    board.addHook('onSend', async (_request, reply) => {
      void reply.header('content-security-policy', BOARD_CONTENT_SECURITY_POLICY);
    });
    await board.register(fastifyStatic, { root: BOARD_ASSETS, prefix: '/board/', index: false, cacheControl: false });
    // The page itself, without a trailing slash; its assets are linked by absolute paths.
    board.get('/board', (_request, reply) => reply.header('cache-control', 'no-cache').sendFile('index.html'));
    board.get('/board/', (_request, reply) => reply.redirect('/board', 308));
  });
}
