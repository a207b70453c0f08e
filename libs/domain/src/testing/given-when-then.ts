import { Decider } from '../shared/decider';
import { DomainError, isDomainError } from '../shared/domain-error';
import { Command, Event, Identified } from '../shared/event';

/** An event as a test states it: with the id it was recorded under, or `e1`, `e2`… by position. */
export type Given<E extends Event> = E | Identified<E>;

const identify = <E extends Event>(event: Given<E>, index: number): Identified<E> =>
  'id' in event && typeof event.id === 'string' ? (event as Identified<E>) : { ...event, id: `e${index + 1}` };

export const foldEvents = <C extends Command, E extends Event, S>(decider: Decider<C, E, S>, events: readonly Given<E>[]): S =>
  events.reduce((state, event, index) => decider.evolve(state, identify(event, index)), decider.initialState());

/** Specifications read as: given these recorded events, when this command, then these events or this error. */
export const specify = <C extends Command, E extends Event, S>(decider: Decider<C, E, S>) => ({
  given: (events: readonly Given<E>[] = []) => ({
    state: (): S => foldEvents(decider, events),
    when: (command: C) => {
      const result = decider.decide(command, foldEvents(decider, events));
      return {
        result,
        thenEvents: (expected: readonly E[]): void => {
          expect(result).toEqual(expected);
        },
        thenAccepted: (): readonly E[] => {
          expect(isDomainError(result) ? result : 'accepted').toBe('accepted');
          return result as readonly E[];
        },
        thenError: (code: string, field?: string): DomainError => {
          expect(result).toMatchObject(field === undefined ? { code } : { code, field });
          return result as DomainError;
        },
      };
    },
  }),
});

export const withId = <E extends Event>(id: string, event: E): Identified<E> => ({ ...event, id });
