import { context, propagation, ProxyTracerProvider, trace } from '@opentelemetry/api';

/** A started SDK: flush exports what is buffered (tests, shutdown); shutdown also detaches it from the process. */
export type Tracing = Readonly<{ flush(): Promise<void>; shutdown(): Promise<void> }>;

type Env = Readonly<Record<string, string | undefined>>;

/** Health checks and scrapes come every few seconds and say nothing about a request's path: no trace. */
const UNTRACED = /^\/(metrics|health)(\/|$|\?)/;

/**
 * Whether the standard OpenTelemetry variables ask for traces to be exported: an OTLP endpoint,
 * or an exporter named in OTEL_TRACES_EXPORTER (`none` is no exporter), and not OTEL_SDK_DISABLED.
 */
export function tracingRequested(env: Env): boolean {
  if (env.OTEL_SDK_DISABLED === 'true') return false;
  const exporters = (env.OTEL_TRACES_EXPORTER ?? '').split(',').map((name) => name.trim()).filter((name) => name !== '' && name !== 'none');
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || exporters.length > 0);
}

/**
 * Starts OpenTelemetry's Node SDK for traces only, configured by the OTEL_* variables (exporter,
 * protocol, endpoint, headers, sampler, service name, all read from process.env): a span per HTTP request (Node's http
 * server, and Fastify's routes inside it) and the child spans the API draws itself. Must run
 * before Fastify is loaded. When not requested, nothing is loaded: the API's spans stay
 * OpenTelemetry's no-ops.
 */
export function startTracing(): Tracing | undefined {
  // The SDK reads its own settings from process.env, so the decision must read the same place.
  const env = process.env;
  if (!tracingRequested(env)) return undefined;
  // Required here, not imported: an API without tracing never loads the SDK.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { NodeSDK } = require('@opentelemetry/sdk-node') as typeof import('@opentelemetry/sdk-node');
  const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http') as typeof import('@opentelemetry/instrumentation-http');
  const { FastifyOtelInstrumentation } = require('@fastify/otel') as typeof import('@fastify/otel');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const instrumentations = [
    new HttpInstrumentation({ ignoreIncomingRequestHook: (request) => UNTRACED.test(request.url ?? '') }),
    new FastifyOtelInstrumentation({
      registerOnInitialization: true,
      ignorePaths: ({ url }) => UNTRACED.test(url),
      // Fastify's request id is the correlation id (X-Correlation-Id, or one made up): the trace's link to logs and events.
      requestHook: (span, request) => span.setAttribute('parley.correlation_id', request.id),
    }),
  ];
  const sdk = new NodeSDK({
    ...(env.OTEL_SERVICE_NAME ? {} : { serviceName: 'parley-api' }),
    instrumentations,
    // Traces only: metrics are Prometheus's (GET /metrics), logs are pino's.
    metricReaders: [],
    logRecordProcessors: [],
  });
  sdk.start();
  const provider = () => {
    const global = trace.getTracerProvider();
    return (global instanceof ProxyTracerProvider ? global.getDelegate() : global) as { forceFlush?: () => Promise<void> };
  };
  return {
    flush: async () => {
      await provider().forceFlush?.();
    },
    shutdown: async () => {
      await sdk.shutdown();
      for (const instrumentation of instrumentations) instrumentation.disable();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}
