import fc from 'fast-check';
import { acceptedHistory, talksIntents } from '../testing/talks.histories';
import { deriveFacts } from './talks.facts';
import { talksDecider } from './talks.decider';
import { OpenedTalks, TalksFacts, TalksState } from './talks.state';

/**
 * Evolving event by event recomputes, for an amendment, only the parts of the facts its claim
 * touches. Whatever the history, that must equal refolding every live claim from scratch.
 */

const factsOf = (facts: TalksFacts) => ({
  status: facts.status,
  engaged: facts.engaged,
  parties: facts.parties,
  mediators: facts.mediators,
  meetings: facts.meetings.toMap().sortBy((_, id) => id).toJS(),
  swaps: facts.swaps.toMap().sortBy((_, id) => id).toJS(),
  ceasefires: facts.ceasefires.toMap().sortBy((_, id) => id).toJS(),
});

let counter = 0;
const nextId = (): string => `e${++counter}`;

describe('the talks fold (property)', () => {
  it('event by event equals a refold of the live claims', () => {
    fc.assert(
      fc.property(talksIntents, (intents) => {
        const { state } = acceptedHistory(intents, nextId);
        const opened = state as OpenedTalks;
        expect(factsOf(opened)).toEqual(factsOf(deriveFacts(opened.claims.values())));
      }),
    );
  });

  it('leaves every earlier state as it was', () => {
    fc.assert(
      fc.property(talksIntents, fc.nat(), (intents, cut) => {
        const { events } = acceptedHistory(intents, nextId);
        const at = cut % events.length;
        const before = events.slice(0, at).reduce<TalksState>(talksDecider.evolve, talksDecider.initialState());
        const snapshot = JSON.stringify(before.status === 'not_opened' ? before : factsOf(before));
        events.slice(at).reduce<TalksState>(talksDecider.evolve, before);
        expect(JSON.stringify(before.status === 'not_opened' ? before : factsOf(before))).toBe(snapshot);
      }),
    );
  });
});
