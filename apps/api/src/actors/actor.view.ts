import { Inject, Injectable } from '@nestjs/common';
import { actorDecider, actorStreamId, ActorView, actorViewOf } from '@parley/domain';
import { EVENT_STORE, EventStore } from '@parley/event-store';
import { ApiProblem } from '../problem/problem';

export type ActorWithRevision = Readonly<{ actor: ActorView; revision: number }>;

/** An actor as of now, folded from its own stream: the stream is small and always current. */
@Injectable()
export class ActorReader {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async get(actorId: string): Promise<ActorWithRevision> {
    const events = await this.store.readStream(actorStreamId(actorId));
    const state = events.reduce(
      (current, { id, type, data }) => actorDecider.evolve(current, { id, type, data } as Parameters<typeof actorDecider.evolve>[1]),
      actorDecider.initialState(),
    );
    const actor = actorViewOf(state);
    if (!actor) throw new ApiProblem(404, 'ACTOR.NOT_FOUND', `No actor ${actorId} is registered`);
    return { actor, revision: events[events.length - 1].revision };
  }
}
