import fc from 'fast-check';
import { acceptedHistory, talksIntents } from '../testing/talks.histories';
import { deriveFacts } from './talks.facts';
import { talksDecider } from './talks.decider';
import { OpenedTalks, TalksFacts, TalksState, evolveAllTalks } from './talks.state';

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

  it('folding many events at once equals folding them one by one, and leaves the state it started from as it was', () => {
    const whole = (state: TalksState) =>
      state.status === 'not_opened'
        ? state
        : { ...factsOf(state), claims: state.claims.toArray(), amendments: state.amendments.toMap().sortBy((_, id) => id).toJS(), parts: state.claimsByPart.toMap().sortBy((_, k) => k).toJS() };
    fc.assert(
      fc.property(talksIntents, fc.nat(), (intents, cut) => {
        const { events } = acceptedHistory(intents, nextId);
        const at = cut % events.length;
        const before = events.slice(0, at).reduce<TalksState>(talksDecider.evolve, talksDecider.initialState());
        const snapshot = JSON.stringify(whole(before));
        const batched = evolveAllTalks(before, events.slice(at));
        expect(whole(batched)).toEqual(whole(events.slice(at).reduce<TalksState>(talksDecider.evolve, before)));
        expect(JSON.stringify(whole(before))).toBe(snapshot);
        // What it answers is persistent again: a later step leaves it as it was.
        const answered = JSON.stringify(whole(batched));
        evolveAllTalks(batched, events.slice(0, 3).map((e) => ({ ...e, id: `${e.id}-again` })));
        expect(JSON.stringify(whole(batched))).toBe(answered);
      }),
    );
  });
});
