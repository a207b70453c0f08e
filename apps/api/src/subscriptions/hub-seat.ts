import { RecordedEvent } from '@parley/event-store';
import { FanOutHub, HubMember } from './fan-out-hub';
import { FeedEvent } from './feed-event';
import { SseStream } from './sse-stream';

/** What a feed writes to: an SseStream, as far as the feed uses one. */
export type FeedSink = Pick<SseStream, 'isOpen' | 'send' | 'sendFormatted' | 'drained' | 'onClose' | 'close'>;

/** How much a seat may hold for a subscriber still catching up: the stream's own queue bounds. */
export type HoldLimits = Readonly<{ maxQueue: number; maxQueueBytes: number }>;

/**
 * One subscriber's place in the hub. Until its catch-up from the store ends, the live events
 * the hub hands it are held, in order, within the queue's bounds in messages and bytes; past
 * them it gives up its place and holds nothing (the catch-up reads those from the store
 * instead). Once live, each event goes straight to the stream, whose own bounded queue cuts
 * off a client that falls behind.
 */
export class HubSeat implements HubMember {
  private held: FeedEvent[] = [];
  private heldBytes = 0;
  private state: 'holding' | 'live' | 'gone' = 'holding';

  constructor(
    private readonly hub: FanOutHub,
    readonly wants: (event: RecordedEvent) => boolean,
    private readonly sink: FeedSink,
    private readonly limits: HoldLimits,
    /** What the subscriber has already had: a held event at or before it is not sent again. */
    private readonly after: bigint,
  ) {}

  /** Sits down in the hub: answers the position from which live events come to this seat. */
  join(): bigint {
    const at = this.hub.join(this);
    this.sink.onClose(() => this.leave());
    return at;
  }

  /** False once it overflowed while holding (or the stream or the tail went away): it is no longer in the hub. */
  get seated(): boolean {
    return this.state !== 'gone';
  }

  take(event: FeedEvent): void {
    if (event.position <= this.after) return;
    if (this.state === 'live') {
      if (!this.sink.sendFormatted(event.message)) this.leave();
      return;
    }
    if (this.state !== 'holding') return;
    const { bytes } = event.message;
    if (this.held.length >= this.limits.maxQueue || this.heldBytes + bytes > this.limits.maxQueueBytes) {
      this.leave();
      return;
    }
    this.held.push(event);
    this.heldBytes += bytes;
  }

  /** The catch-up is done: what was held goes out, in order, and from now on each event as it comes. */
  goLive(): void {
    if (this.state !== 'holding') return;
    const held = this.held;
    this.held = [];
    this.heldBytes = 0;
    this.state = 'live';
    for (const event of held) {
      if (!this.sink.sendFormatted(event.message)) {
        this.leave();
        return;
      }
    }
  }

  lost(): void {
    this.leave();
    // The client reconnects with its Last-Event-ID and gets what it missed from the store.
    this.sink.close();
  }

  leave(): void {
    this.state = 'gone';
    this.held = [];
    this.heldBytes = 0;
    this.hub.leave(this);
  }
}
