import { ValidationPipe, VersioningType } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import helmet from '@fastify/helmet';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AppModule, AppOptions } from './app.module';
import { registerBoard } from './board/board.plugin';
import { correlationIdFor } from './commands/correlation-id';
import { validateEnvironment } from './config/environment';
import { setUpOpenApi } from './openapi/openapi';
import { answerFrameworkError } from './problem/framework-errors';
import { acceptJsonObjectsOnly } from './problem/json-body.parser';
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
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(options), adapter, { bufferLogs: true, bodyParser: false });
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
  await app.register(helmet, {
    // Swagger UI at /docs runs inline scripts and styles; the API itself answers only JSON.
    contentSecurityPolicy: {
      directives: { defaultSrc: [`'self'`], styleSrc: [`'self'`, `'unsafe-inline'`], imgSrc: [`'self'`, 'data:'], scriptSrc: [`'self'`, `'unsafe-inline'`] },
    },
  });
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
  fastify.addHook('onSend', async (request, reply) => {
    void reply.header('x-correlation-id', request.id);
  });
  setUpOpenApi(app);
  await registerBoard(app);
  return app;
}
