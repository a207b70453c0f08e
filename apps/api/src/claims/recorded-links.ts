import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { LinkedPair, TALKS_STREAM_PREFIX } from '@parley/domain';
import { EVENT_STORE, EventStore, RecordedEvent } from '@parley/event-store';

const LINK_EVENTS = { eventTypes: ['ClaimsLinked', 'ClaimsUnlinked'], streamPrefixes: [TALKS_STREAM_PREFIX] };

/**
 * Every live link in the store and the tracks that recorded it, from the store's own link events:
 * what a link needs beyond its track's state, which holds only the links recorded in that track,
 * to see an incident that runs through other tracks. Each ask first reads the link events
 * recorded since the last one, so it sees every link committed before it: the embedded store
 * finds them through its index of types; EventStoreDB's client pages through `$all` since then
 * (the whole log on the first read after a start, which therefore begins at boot, in the
 * background, so the first link command rarely waits for it). Links are few, so all live ones are kept.
 */
@Injectable()
export class RecordedLinks implements OnApplicationBootstrap {
  /** Claim → claim it is linked to → the tracks that recorded a live link between them. */
  private readonly live = new Map<string, Map<string, Set<string>>>();
  /** Every event at or before this position has been read. */
  private readPast: bigint | undefined;
  private reading: Promise<void> = Promise.resolve();
  private linking: Promise<unknown> = Promise.resolve();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  onApplicationBootstrap(): void {
    // A store not reachable yet leaves the position where it was: the first ask reads again.
    this.caughtUp().catch(() => undefined);
  }

  /** The live links tracks other than `talksId` recorded among the claims of the incidents of `eventIds`, each once. */
  async elsewhere(talksId: string, eventIds: readonly string[]): Promise<LinkedPair[]> {
    await this.caughtUp();
    const reached = new Set(eventIds);
    const waiting = [...eventIds];
    const pairs: LinkedPair[] = [];
    for (let next = waiting.pop(); next !== undefined; next = waiting.pop()) {
      for (const [other, tracks] of this.live.get(next) ?? []) {
        // Both ends are walked: the pair is taken from one of them only.
        if (next < other && [...tracks].some((track) => track !== talksId)) pairs.push([next, other]);
        if (!reached.has(other)) {
          reached.add(other);
          waiting.push(other);
        }
      }
    }
    return pairs;
  }

  /**
   * Runs one link command at a time in this process, from its look at the links recorded
   * elsewhere to its append: two tracks' links checked side by side would each miss the other's
   * and together could close a cycle. The next one's look then reads the link just appended.
   * Two replicas can still race each other (EventStoreDB 23.10 appends to one stream at a time,
   * so no check spans two tracks' appends); links are rare editor acts, the window milliseconds.
   */
  oneAtATime<T>(link: () => Promise<T>): Promise<T> {
    const run = this.linking.then(link);
    this.linking = run.catch(() => undefined);
    return run;
  }

  /** One read at a time; a failed read leaves the position where it was, for the next ask to read again. */
  private caughtUp(): Promise<void> {
    const read = () => this.readNew();
    this.reading = this.reading.then(read, read);
    return this.reading;
  }

  private async readNew(): Promise<void> {
    // Everything at or before the head read first is committed, so the read below holds all of it.
    const head = await this.store.headPosition();
    const events = await this.store.readAll({ ...(this.readPast === undefined ? {} : { fromPosition: this.readPast }), filter: LINK_EVENTS });
    for (const event of events) this.apply(event);
    const last = events.at(-1)?.position ?? 0n;
    this.readPast = last > head ? last : head;
  }

  private apply(event: RecordedEvent): void {
    const { eventId, sameAs } = (event.data ?? {}) as Record<string, unknown>;
    if (typeof eventId !== 'string' || typeof sameAs !== 'string' || eventId === sameAs) return;
    const track = event.streamId.slice(TALKS_STREAM_PREFIX.length);
    for (const [from, to] of [[eventId, sameAs], [sameAs, eventId]]) {
      const others = this.live.get(from) ?? new Map<string, Set<string>>();
      const tracks = others.get(to) ?? new Set<string>();
      if (event.type === 'ClaimsLinked') tracks.add(track);
      else tracks.delete(track);
      if (tracks.size > 0) others.set(to, tracks);
      else others.delete(to);
      if (others.size > 0) this.live.set(from, others);
      else this.live.delete(from);
    }
  }
}
