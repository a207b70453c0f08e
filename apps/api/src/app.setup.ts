import { ValidationPipe, VersioningType } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import helmet from '@fastify/helmet';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AppModule, AppOptions } from './app.module';
import { ApiKeyStore } from './access/api-key.store';
import { requireKeyBeforeBody } from './access/key-before-body.hook';
import { CLOCK, Clock } from './commands/clock';
import { registerBoard } from './board/board.plugin';
import { correlationIdFor } from './commands/correlation-id';
import { validateEnvironment } from './config/environment';
import { Metrics } from './observability/metrics';
import { linkRequestForLogs } from './observability/request-log';
import { recordRequestDurations } from './observability/request-durations';
import { allowInlineOnDocs, API_CONTENT_SECURITY } from './openapi/docs-content-security';
import { setUpOpenApi } from './openapi/openapi';
import { answerFrameworkError } from './problem/framework-errors';
import { acceptJsonObjectsOnly } from './problem/json-body.parser';
import { lingerOnUnreadBodies } from './problem/linger-on-unread-body.hook';
import { refuseMalformedQueryStrings } from './problem/well-formed-query.hook';
import { validationProblem } from './problem/validation-problem';

/** The whole API, configured the same way for `npm start` and for the end-to-end tests. */
export async function createApp(options: AppOptions = {}): Promise<NestFastifyApplication> {
  const { PARLEY_BODY_LIMIT, PARLEY_CORS_ORIGINS } = validateEnvironment({ ...process.env, ...options.env });
  const adapter = new FastifyAdapter({
    bodyLimit: PARLEY_BODY_LIMIT,
    genReqId: correlationIdFor,
    // Fastify's default ('idle') still destroys every open connection on close, in-flight
    // requests included (fastify.js, onClose: closeAllConnections), so a command could commit
    // and lose its answer. Node's own server.close() ends only idle connections.
    forceCloseConnections: false,
    frameworkErrors: answerFrameworkError,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(options), adapter, {
    bufferLogs: true,
    bodyParser: false,
    // A start refused (a store the database does not follow, say) is an error with its message, not a process.abort().
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      transform: true,
      stopAtFirstError: true,
      validationError: { target: false, value: true },
      exceptionFactory: validationProblem,
    }),
  );
  // Strict everywhere; Swagger UI at /docs, which runs inline scripts and styles, gets its own (allowInlineOnDocs).
  await app.register(helmet, { contentSecurityPolicy: { useDefaults: false, directives: API_CONTENT_SECURITY } });
  const origins = PARLEY_CORS_ORIGINS.split(',').map((origin) => origin.trim()).filter(Boolean);
  if (origins.length > 0) {
    app.enableCors({
      origin: origins,
      allowedHeaders: ['Authorization', 'Content-Type', 'If-Match', 'Idempotency-Key', 'X-Correlation-Id', 'X-Min-Position', 'Last-Event-ID'],
      exposedHeaders: ['ETag', 'Location', 'Retry-After', 'X-Correlation-Id', 'Idempotent-Replayed'],
      maxAge: 600,
    });
  }
  const fastify = app.getHttpAdapter().getInstance();
  acceptJsonObjectsOnly(fastify);
  lingerOnUnreadBodies(fastify);
  recordRequestDurations(fastify, app.get(Metrics));
  linkRequestForLogs(fastify);
  refuseMalformedQueryStrings(fastify);
  requireKeyBeforeBody(fastify, app.get(ApiKeyStore), app.get<Clock>(CLOCK));
  allowInlineOnDocs(fastify);
  fastify.addHook('onSend', async (request, reply) => {
    void reply.header('x-correlation-id', request.id);
  });
  setUpOpenApi(app);
  await registerBoard(app);
  return app;
}
