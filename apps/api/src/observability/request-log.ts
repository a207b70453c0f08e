import type { IncomingMessage, ServerResponse } from 'node:http';
import { SpanContext, trace } from '@opentelemetry/api';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Options } from 'pino-http';
import { principalOf } from '../access/principal';

/** What pino-http (which sees only Node's request) needs of Fastify's: the route and key, and the request's span. */
type RequestLink = Readonly<{ request: FastifyRequest; span?: SpanContext }>;
const LINK = Symbol('parley:request-link');
type LinkedMessage = IncomingMessage & { [LINK]?: RequestLink };

/** Ties each Node request to Fastify's, once the request's span (if tracing is on) is active. */
export function linkRequestForLogs(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', async (request) => {
    (request.raw as LinkedMessage)[LINK] = { request, span: trace.getActiveSpan()?.spanContext() };
  });
}

const traceFields = (span: SpanContext | undefined) => (span ? { trace_id: span.traceId, span_id: span.spanId } : {});

/** The one line each request is logged with. */
function requestLine(req: IncomingMessage, res: ServerResponse, responseTime: number) {
  const link = (req as LinkedMessage)[LINK];
  return {
    method: req.method,
    route: link?.request.routeOptions.url ?? req.url,
    status: res.statusCode,
    durationMs: responseTime,
    key: link ? principalOf(link.request)?.name : undefined,
    ...traceFields(link?.span),
  };
}

const VERBOSE_LEVELS = ['debug', 'trace'];

/**
 * pino-http's options for one concise line per request (method, route, status, duration, key,
 * correlation id, trace id) instead of every header twice; the headers come back at debug.
 * Every other log line written in a traced request carries its trace and span ids.
 */
export function requestLogOptions(level: string): Options {
  const verbose = VERBOSE_LEVELS.includes(level);
  const headers = (req: IncomingMessage, res: ServerResponse) => (verbose ? { requestHeaders: req.headers, responseHeaders: res.getHeaders() } : {});
  return {
    quietReqLogger: true,
    quietResLogger: true,
    customAttributeKeys: { reqId: 'correlationId' },
    customSuccessMessage: (req, res) => `${req.method} ${requestLine(req, res, 0).route} ${res.statusCode}`,
    customSuccessObject: (req, res, { responseTime }: { responseTime: number }) => ({ ...requestLine(req, res, responseTime), ...headers(req, res) }),
    customErrorObject: (req, res, error, { responseTime }: { responseTime: number }) => ({ ...requestLine(req, res, responseTime), ...headers(req, res), err: error }),
    redact: ['req.headers.authorization', 'requestHeaders.authorization'],
    mixin: () => traceFields(trace.getActiveSpan()?.spanContext()),
  };
}
