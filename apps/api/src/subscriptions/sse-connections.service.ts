import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { OutgoingHttpHeaders } from 'node:http';
import { ApiKeyStore } from '../access/api-key.store';
import { Principal, principalOf } from '../access/principal';
import { Environment } from '../config/environment';
import { Metrics } from '../observability/metrics';
import { ApiProblem } from '../problem/problem';
import { SseStream, SseStreamOptions } from './sse-stream';

/**
 * How often the keys behind open streams are looked up again: a key revoked by the CLI or by
 * another API process (no event reaches this one) loses its streams within this long.
 */
const RECHECK_KEYS_MS = 500;

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
  /** Open streams by who opened them: a key's name (and the role it had then), or an address for public reads. */
  private readonly owned = new Map<string, { principal?: Principal; streams: Set<SseStream> }>();
  private readonly options: SseStreamOptions;
  private readonly maxPerOwner: number;
  private readonly stopWatchingKeys: () => void;
  private readonly recheck: NodeJS.Timeout;

  constructor(
    config: ConfigService<Environment, true>,
    private readonly metrics: Metrics,
    private readonly keys: ApiKeyStore,
  ) {
    this.maxPerOwner = config.get('PARLEY_SSE_MAX_STREAMS_PER_KEY', { infer: true });
    this.stopWatchingKeys = keys.onChange((name) => this.recheckOwner(name));
    this.recheck = setInterval(() => this.recheckKeys(), RECHECK_KEYS_MS).unref();
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
    const principal = principalOf(request);
    const owner = principal?.name ?? `address ${request.ip}`;
    const ownedNow = this.owned.get(owner)?.streams.size ?? 0;
    if (ownedNow >= this.maxPerOwner) {
      throw new ApiProblem(429, 'RATE.LIMITED', `This key holds ${ownedNow} live subscriptions open, the most it may (PARLEY_SSE_MAX_STREAMS_PER_KEY); close one first`, {
        headers: { 'retry-after': '5' },
      });
    }
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
    this.own(owner, principal, stream);
    stream.onClose(() => {
      this.streams.delete(stream);
      this.disown(owner, stream);
      this.metrics.sseDisconnects.inc({ reason: stream.wasCutOff ? 'cut_off' : 'closed' });
    });
  }

  /** How many live subscriptions the key of that name holds open here. */
  openBy(name: string): number {
    return this.owned.get(name)?.streams.size ?? 0;
  }

  /** Before the HTTP server closes (it would wait for open streams) and before the store closes under a feed. */
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.recheck);
    this.stopWatchingKeys();
    const running = [...this.streams.entries()];
    for (const [stream] of running) stream.close();
    await Promise.allSettled(running.map(([, feed]) => feed));
  }

  private own(owner: string, principal: Principal | undefined, stream: SseStream): void {
    const entry = this.owned.get(owner) ?? { principal, streams: new Set<SseStream>() };
    entry.streams.add(stream);
    this.owned.set(owner, entry);
  }

  private disown(owner: string, stream: SseStream): void {
    const entry = this.owned.get(owner);
    if (!entry) return;
    entry.streams.delete(stream);
    if (entry.streams.size === 0) this.owned.delete(owner);
  }

  /**
   * The README promises a revoked key is refused at once; a stream opened with it must not go
   * on delivering. A key whose role changed loses its streams too: they were opened under the old one.
   */
  private recheckOwner(owner: string): void {
    const entry = this.owned.get(owner);
    if (!entry?.principal) return;
    if (this.keys.liveRole(entry.principal.name) === entry.principal.role) return;
    this.logger.log({ msg: 'Closing the live subscriptions of a revoked or changed key', key: owner, streams: entry.streams.size });
    for (const stream of [...entry.streams]) stream.close();
  }

  private recheckKeys(): void {
    try {
      for (const owner of [...this.owned.keys()]) this.recheckOwner(owner);
    } catch (error) {
      // The database may be closing under a late tick; the next one looks again.
      this.logger.warn({ msg: 'Could not look up the keys of open subscriptions', error: error instanceof Error ? error.message : String(error) });
    }
  }
}

const withoutUndefined = (headers: Record<string, string | number | string[] | undefined>): OutgoingHttpHeaders =>
  Object.fromEntries(Object.entries(headers).filter(([, value]) => value !== undefined)) as OutgoingHttpHeaders;
