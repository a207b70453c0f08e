// First: tracing must start before Fastify and Node's http are loaded.
import { tracing } from './observability/start-tracing';
import { INestApplication } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Logger } from 'nestjs-pino';
import { createApp } from './app.setup';
import { Environment } from './config/environment';

/** How long in-flight requests get to finish after SIGTERM or SIGINT before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const app = await createApp();
  const config = app.get(ConfigService<Environment, true>);
  await app.listen({ port: config.get('PORT', { infer: true }), host: config.get('HOST', { infer: true }) });
  // Not Nest's enableShutdownHooks: it re-raises the signal once closed (so the exit is never 0)
  // and waits for in-flight requests without a bound.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void shutDown(app, signal));
}

/**
 * `app.close()` stops the projections, then Fastify stops taking connections and lets in-flight
 * requests finish (answering 503 to new ones on open connections), then the stores close.
 * A second signal kills at once.
 */
async function shutDown(app: INestApplication, signal: NodeJS.Signals): Promise<void> {
  const logger = app.get(Logger);
  setTimeout(() => {
    logger.error(`Requests still running ${SHUTDOWN_GRACE_MS} ms after ${signal}: exiting anyway`);
    process.exit(1);
  }, SHUTDOWN_GRACE_MS).unref();
  try {
    await app.close();
    // The last spans are sent if the collector answers; one that does not must not fail the exit.
    await tracing?.shutdown().catch((error: unknown) => logger.warn(`Traces not exported at shutdown: ${error instanceof Error ? error.message : String(error)}`));
    process.exit(0);
  } catch (error) {
    logger.error(`Shutting down after ${signal} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Parley did not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
