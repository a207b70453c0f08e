import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { OutgoingHttpHeaders } from 'node:http';
import { Environment } from '../config/environment';
import { Metrics } from '../observability/metrics';
import { SseStream, SseStreamOptions } from './sse-stream';

/** What feeds one stream; a promise it returns settles once it stops using the store (awaited at shutdown). */
export type Feed = (stream: SseStream) => Promise<void> | void;

/**
 * Every open live subscription. Why not Nest's `@Sse()`: its Observable gives no view of the
 * socket's backpressure and no access to `Last-Event-ID` handling of our own, and the bounded
 * queue needs both; so after the guard, pipes and DTO validation have run as for any route,
 * the response is taken over from Fastify (`reply.hijack()`) and written by `SseStream`.
 */
@Injectable()
export class SseConnections implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Subscriptions');
  private readonly streams = new Map<SseStream, Promise<void>>();
  private readonly options: SseStreamOptions;

  constructor(
    config: ConfigService<Environment, true>,
    private readonly metrics: Metrics,
  ) {
    const heartbeatMs = config.get('PARLEY_SSE_HEARTBEAT_MS', { infer: true });
    this.options = {
      heartbeatMs,
      maxQueue: config.get('PARLEY_SSE_MAX_QUEUE', { infer: true }),
      maxQueueBytes: config.get('PARLEY_SSE_MAX_QUEUE_BYTES', { infer: true }),
      retryMs: config.get('PARLEY_SSE_RETRY_MS', { infer: true }),
      lingerMs: Math.max(heartbeatMs, 5000),
    };
  }

  get count(): number {
    return this.streams.size;
  }

  /** What the open streams hold for sockets that do not drain. */
  get queuedBytes(): number {
    let bytes = 0;
    for (const stream of this.streams.keys()) bytes += stream.queuedByteCount;
    return bytes;
  }

  /** Takes the response over and runs `feed` on it until the client leaves, the feed ends, or shutdown. */
  start(request: FastifyRequest, reply: FastifyReply, feed: Feed): void {
    reply.hijack();
    // Fastify's onSend hooks do not run for a hijacked reply: keep the headers already set (helmet, CORS).
    const headers: OutgoingHttpHeaders = { ...withoutUndefined(reply.getHeaders()), 'x-correlation-id': request.id };
    const stream = new SseStream(reply.raw, headers, this.options);
    const running = (async () => {
      try {
        await feed(stream);
      } catch (error) {
        this.logger.error({ msg: 'A live subscription failed', url: request.url, error: error instanceof Error ? error.message : String(error) });
        stream.close();
      }
    })();
    this.streams.set(stream, running);
    stream.onClose(() => {
      this.streams.delete(stream);
      this.metrics.sseDisconnects.inc({ reason: stream.wasCutOff ? 'cut_off' : 'closed' });
    });
  }

  /** Before the HTTP server closes (it would wait for open streams) and before the store closes under a feed. */
  async beforeApplicationShutdown(): Promise<void> {
    const running = [...this.streams.entries()];
    for (const [stream] of running) stream.close();
    await Promise.allSettled(running.map(([, feed]) => feed));
  }
}

const withoutUndefined = (headers: Record<string, string | number | string[] | undefined>): OutgoingHttpHeaders =>
  Object.fromEntries(Object.entries(headers).filter(([, value]) => value !== undefined)) as OutgoingHttpHeaders;
