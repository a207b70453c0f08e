import { Attributes, SpanStatusCode, trace } from '@opentelemetry/api';

/**
 * The API's tracer. Until tracing.ts has started the SDK (it does only when OTEL_* asks for an
 * exporter), this is OpenTelemetry's no-op: a span costs an object and no export.
 */
export const tracer = trace.getTracer('parley-api');

/** Runs `work` in a child span of whatever span is active; an error marks the span and is rethrown. */
export function inSpan<T>(name: string, attributes: Attributes, work: () => Promise<T>): Promise<T> {
  return tracer.startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await work();
    } catch (error) {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** As `inSpan`, for synchronous work. */
export function inSpanSync<T>(name: string, attributes: Attributes, work: () => T): T {
  return tracer.startActiveSpan(name, { attributes }, (span) => {
    try {
      return work();
    } catch (error) {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}
