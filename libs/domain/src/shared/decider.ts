import { DomainError } from './domain-error';
import { Command, Event, Identified } from './event';
import type { StateCodec } from './state-snapshot';

/** An aggregate as three pure functions. */
export type Decider<C extends Command, E extends Event, S> = Readonly<{
  initialState: () => S;
  evolve: (state: S, event: Identified<E>) => S;
  /**
   * Folds many events, with the same result as `evolve` one at a time; an aggregate whose state
   * is made of persistent collections can build it in place, unseen, and spare the allocations.
   */
  evolveAll?: (state: S, events: Iterable<Identified<E>>) => S;
  decide: (command: C, state: S) => readonly E[] | DomainError;
  /**
   * Actor ids a command names (for a correction: those its changes name), so the handler
   * can look them up and tell `decide` which exist.
   */
  referencedActors: (command: Omit<C, 'metadata'>, state: S) => readonly string[];
  /** How the state is persisted as a snapshot; without one, a stream is always folded from its events. */
  snapshot?: StateCodec<S>;
}>;
