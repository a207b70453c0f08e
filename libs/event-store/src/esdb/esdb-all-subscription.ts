import { AllStreamSubscription, EventStoreDBClient, START } from '@eventstore/db-client';
import { AllFilter, AllSubscription, RecordedEvent } from '../event-store.port';
import { passes, serverFilter, toRecordedEvent } from './esdb.mapping';

export type ResumeOptions = Readonly<{
  /** First wait before resubscribing after a drop; doubles up to `maxBackoffMs`. */
  minBackoffMs: number;
  maxBackoffMs: number;
  /** Told about each drop, with the position it resumes after. */
  onDrop?: (error: unknown, resumeAfter: bigint | undefined) => void;
}>;

/** Buffered events above which the server stream is paused until the consumer catches up. */
const HIGH_WATER = 256;

/**
 * A catch-up subscription to `$all` that survives drops: whenever the server stream ends or
 * fails, it resubscribes after a backoff from the last position it received, so the consumer
 * sees one gapless, duplicate-free sequence. Events at or before that position are dropped
 * on arrival, which also makes the start exclusive whichever way the server counts it.
 */
export class EsdbAllSubscription implements AllSubscription {
  private readonly buffer: RecordedEvent[] = [];
  private source?: AllStreamSubscription;
  /** Bumped on every (re)subscription: late callbacks of an old source are ignored. */
  private generation = 0;
  private backoffMs: number;
  private retryTimer?: NodeJS.Timeout;
  private wake?: () => void;
  private ended = false;
  private readonly events: AsyncGenerator<RecordedEvent, void, undefined>;

  constructor(
    private readonly client: EventStoreDBClient,
    /** The last position received (exclusive start); undefined = from the very start. */
    private cursor: bigint | undefined,
    private readonly filter: AllFilter | undefined,
    private readonly options: ResumeOptions,
    private readonly onEnd: (subscription: EsdbAllSubscription) => void,
  ) {
    this.backoffMs = options.minBackoffMs;
    this.events = this.run();
    this.subscribe();
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    return this.events;
  }

  async unsubscribe(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    clearTimeout(this.retryTimer);
    this.wake?.();
    this.onEnd(this);
    await this.detach();
  }

  private async *run(): AsyncGenerator<RecordedEvent, void, undefined> {
    try {
      while (!this.ended) {
        const event = this.buffer.shift();
        if (event) {
          if (this.buffer.length < HIGH_WATER / 2) this.source?.resume();
          yield event;
          continue;
        }
        await new Promise<void>((resolve) => (this.wake = resolve));
        this.wake = undefined;
      }
    } finally {
      await this.unsubscribe();
    }
  }

  private subscribe(): void {
    if (this.ended) return;
    const generation = ++this.generation;
    const source = this.client.subscribeToAll({
      // 0n means nothing seen yet, like an omitted position: a real log never has our events at 0.
      fromPosition: this.cursor === undefined || this.cursor === 0n ? START : { commit: this.cursor, prepare: this.cursor },
      filter: serverFilter(this.filter),
    });
    this.source = source;
    const current = () => generation === this.generation && !this.ended;
    source.on('data', (resolved) => {
      if (!current()) return;
      this.backoffMs = this.options.minBackoffMs;
      const event = toRecordedEvent(resolved);
      if (!event || (this.cursor !== undefined && event.position <= this.cursor)) return;
      this.cursor = event.position;
      if (!passes(this.filter, event.streamId, event.type)) return;
      this.buffer.push(event);
      if (this.buffer.length >= HIGH_WATER) source.pause();
      this.wake?.();
    });
    source.on('confirmation', () => {
      if (current()) this.backoffMs = this.options.minBackoffMs;
    });
    const dropped = (error?: unknown) => {
      if (!current()) return;
      this.generation++;
      this.source = undefined;
      void source.unsubscribe().catch(() => undefined);
      this.options.onDrop?.(error ?? new Error('The subscription ended'), this.cursor);
      const wait = this.backoffMs;
      this.backoffMs = Math.min(this.backoffMs * 2, this.options.maxBackoffMs);
      this.retryTimer = setTimeout(() => this.subscribe(), wait);
    };
    source.on('error', dropped);
    source.on('end', () => dropped());
    source.on('close', () => dropped());
  }

  private async detach(): Promise<void> {
    const source = this.source;
    this.source = undefined;
    this.generation++;
    if (source) await source.unsubscribe().catch(() => undefined);
  }
}
