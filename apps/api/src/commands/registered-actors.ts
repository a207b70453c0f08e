import { Inject, Injectable } from '@nestjs/common';
import { actorStreamId } from '@parley/domain';
import { EVENT_STORE, EventStore } from '@parley/event-store';
import { LRUCache } from 'lru-cache';

// Ids only, a few dozen bytes each: far more actors than any deployment registers.
const KNOWN_ACTORS = 100_000;

/**
 * Which of the actors a command names are registered. Registration is permanent (an actor's
 * stream is never deleted), so a yes is kept for good; a no is asked again next time.
 */
@Injectable()
export class RegisteredActors {
  private readonly known = new LRUCache<string, true>({ max: KNOWN_ACTORS });

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async among(actorIds: readonly string[]): Promise<ReadonlySet<string>> {
    const found = await Promise.all(
      [...new Set(actorIds)].map(async (id) => {
        if (this.known.get(id)) return id;
        const last = await this.store.readStream(actorStreamId(id), { direction: 'backwards', maxCount: 1 });
        if (last.length === 0) return undefined;
        this.known.set(id, true);
        return id;
      }),
    );
    return new Set(found.filter((id): id is string => id !== undefined));
  }
}
