/**
 * Imported first by main.ts, before anything loads Fastify or Node's http: OpenTelemetry can
 * only instrument what is loaded after it starts.
 */
import { startTracing } from './tracing';

export const tracing = startTracing();
