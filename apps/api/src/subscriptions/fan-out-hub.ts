import { RecordedEvent } from '@parley/event-store';
import { FeedEvent } from './feed-event';

/** A subscriber as the hub sees it. */
export interface HubMember {
  wants(event: RecordedEvent): boolean;
  /** Called in position order, synchronously, for each event after the position it joined at that it wants. */
  take(event: FeedEvent): void;
  /** The live tail stopped: no more events will come through this hub. */
  lost(): void;
}

/**
 * The live events of one process, fanned out in memory to every member that wants them.
 * `join` answers the position the member joins at: it is handed every event after it and
 * none before, since publishing and joining are both synchronous.
 */
export class FanOutHub {
  private readonly members = new Set<HubMember>();
  private closed = false;

  constructor(private last: bigint) {}

  /** The last event published (or where the hub started): the present, as this process knows it. */
  get position(): bigint {
    return this.last;
  }

  get size(): number {
    return this.members.size;
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  join(member: HubMember): bigint {
    if (this.closed) member.lost();
    else this.members.add(member);
    return this.last;
  }

  leave(member: HubMember): void {
    this.members.delete(member);
  }

  publish(event: RecordedEvent): void {
    // The store's subscription never repeats itself; a stale event must still not reach a member twice.
    if (this.closed || event.position <= this.last) return;
    this.last = event.position;
    let shared: FeedEvent | undefined;
    // A member may leave while taking (cut off): a Set skips what is deleted during iteration.
    for (const member of this.members) if (member.wants(event)) member.take((shared ??= new FeedEvent(event)));
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    const members = [...this.members];
    this.members.clear();
    for (const member of members) member.lost();
  }
}
