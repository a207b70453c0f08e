import type { FastifyInstance } from 'fastify';

/** The API answers JSON and event streams only: nothing it sends may run inline script or style. */
export const API_CONTENT_SECURITY = {
  defaultSrc: [`'self'`],
  scriptSrc: [`'self'`],
  styleSrc: [`'self'`],
  imgSrc: [`'self'`, 'data:'],
  objectSrc: [`'none'`],
  frameAncestors: [`'none'`],
  baseUri: [`'self'`],
  formAction: [`'self'`],
};

// Swagger UI's page starts itself with inline script and styles: the one place that needs them.
const DOCS_POLICY =
  "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'self'";

const isDocs = (url: string): boolean => url === '/docs' || url.startsWith('/docs/') || url.startsWith('/docs?');

/** Loosens the policy helmet set for Swagger UI's pages only; every other route keeps the strict one (or sets its own). */
export function allowInlineOnDocs(fastify: FastifyInstance): void {
  fastify.addHook('onSend', async (request, reply) => {
    if (isDocs(request.url)) void reply.header('content-security-policy', DOCS_POLICY);
  });
}
