import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EVENT_STORE, EventStore } from '@parley/event-store';
import { Environment } from '../config/environment';
import { EventFeedFilter } from './event-feed-filter';
import { followEventFeed } from './event-feed';
import { HistoryPages } from './history-pages';
import { HoldLimits } from './hub-seat';
import { LiveTail } from './live-tail';
import { SseStream } from './sse-stream';

/**
 * The events feed of this process: one live tail of the store fanned out to every subscriber,
 * and history pages shared between those catching up. Subscribers cost memory and CPU, not
 * store reads, once they are live.
 */
@Injectable()
export class EventFeed implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Subscriptions');
  private readonly tail: LiveTail;
  private readonly pages: HistoryPages;
  private readonly limits: HoldLimits;

  constructor(@Inject(EVENT_STORE) store: EventStore, config: ConfigService<Environment, true>) {
    this.tail = new LiveTail(store, (error) =>
      this.logger.error({ msg: 'The live tail of the store failed; its subscribers are told to reconnect', error: error instanceof Error ? error.message : String(error) }),
    );
    this.pages = new HistoryPages(store, config.get('PARLEY_SSE_PAGE_SIZE', { infer: true }));
    this.limits = { maxQueue: config.get('PARLEY_SSE_MAX_QUEUE', { infer: true }), maxQueueBytes: config.get('PARLEY_SSE_MAX_QUEUE_BYTES', { infer: true }) };
  }

  /** The position of the last event this process has seen live: where a feed with no start begins. */
  async present(): Promise<bigint> {
    return (await this.tail.hub()).position;
  }

  /** Returns once the stream is live (or closed); the hub feeds it from then on. */
  async follow(stream: SseStream, after: bigint, filter: EventFeedFilter): Promise<void> {
    const hub = await this.tail.hub();
    await followEventFeed({ hub, pages: this.pages, limits: this.limits }, stream, after, filter);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.tail.stop();
  }
}
