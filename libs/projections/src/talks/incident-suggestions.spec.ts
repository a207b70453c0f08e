import { TALKS_ID, linked, opened, swapped } from '@parley/domain/testing/talks.fixtures';
import { eventRecorder, projectionHarness, withEventId } from '../testing';
import { incidentSuggestions } from './incident-suggestions';
import { talksProjection } from './talks.projection';

const ISTANBUL = 'russia-ukraine-istanbul';
const GAZA = 'gaza-hostages';

/** One exchange reported twice in one track and once in another, beside a swap of another conflict the same day and one months later. */
const setup = () => {
  const harness = projectionHarness(talksProjection);
  const recorder = eventRecorder();
  const given = (...events: Parameters<typeof recorder.talks>[0][]) => events.forEach((event) => expect(harness.apply(recorder.talks(event)).applied).toBe(true));
  given(
    opened(),
    opened({ talksId: ISTANBUL, parties: ['rus', 'ukr'], mediators: [] }),
    opened({ talksId: GAZA, parties: ['isr', 'hamas'], mediators: ['qat'] }),
    withEventId('tass', swapped()),
    withEventId('reuters', swapped({ swapId: 'reuters' })),
    withEventId('kyiv', swapped({ talksId: ISTANBUL, mediators: [] })),
    withEventId('gaza', swapped({ talksId: GAZA, releases: [{ person: 'Keith Siegel', nationality: 'ISR', releasedBy: 'hamas' }], mediators: ['qat'] })),
    withEventId('later', swapped({ talksId: ISTANBUL, occurredAt: '2025-06-01' })),
  );
  const pairs = (filters: Omit<Parameters<typeof incidentSuggestions>[1], 'limit'>) =>
    incidentSuggestions(harness.ctx, { limit: 100, ...filters }).map(({ talksId, eventId, sameAs, sameAsTalksId }) => `${talksId}/${eventId}~${sameAsTalksId}/${sameAs}`);
  return { given, pairs, suggestions: (filters: Omit<Parameters<typeof incidentSuggestions>[1], 'limit'>) => incidentSuggestions(harness.ctx, { limit: 100, ...filters }) };
};

describe('suggested pairs of claims to link', () => {
  it('pairs claims of one track only, unless asked across tracks', () => {
    const { pairs } = setup();
    expect(pairs({})).toEqual([`${TALKS_ID}/tass~${TALKS_ID}/reuters`]);
    expect(pairs({ talksId: ISTANBUL })).toEqual([]);
  });

  it('across tracks, pairs claims of one type and overlapping dates that share an actor or a country, the earlier recorded first', () => {
    const { pairs, suggestions } = setup();
    expect(pairs({ acrossTracks: true }).sort()).toEqual([`${TALKS_ID}/reuters~${ISTANBUL}/kyiv`, `${TALKS_ID}/tass~${ISTANBUL}/kyiv`, `${TALKS_ID}/tass~${TALKS_ID}/reuters`]);
    // The Gaza swap the same day shares nobody and no country: not suggested across tracks.
    const across = suggestions({ acrossTracks: true }).find((suggestion) => suggestion.eventId === 'tass' && suggestion.sameAs === 'kyiv');
    expect(across).toMatchObject({ type: 'PrisonerSwapped', sharedActors: ['rus'], sharedCountries: ['USA'] });
  });

  it('with a track, pairs across tracks those with a claim in it, whichever was recorded first', () => {
    const { pairs } = setup();
    expect(pairs({ talksId: ISTANBUL, acrossTracks: true }).sort()).toEqual([`${TALKS_ID}/reuters~${ISTANBUL}/kyiv`, `${TALKS_ID}/tass~${ISTANBUL}/kyiv`]);
    expect(pairs({ talksId: TALKS_ID, acrossTracks: true }).sort()).toEqual([`${TALKS_ID}/reuters~${ISTANBUL}/kyiv`, `${TALKS_ID}/tass~${ISTANBUL}/kyiv`, `${TALKS_ID}/tass~${TALKS_ID}/reuters`]);
  });

  it('ranks a pair across tracks by the same score as one within a track', () => {
    const { suggestions } = setup();
    const scores = new Map(suggestions({ acrossTracks: true }).map((suggestion) => [`${suggestion.eventId}~${suggestion.sameAs}`, suggestion.score]));
    // tass and reuters share every actor and a country: 1. kyiv has no mediator: rus of rus and sau, and USA.
    expect(scores).toEqual(new Map([['tass~reuters', 1], ['tass~kyiv', 0.75], ['reuters~kyiv', 0.75]]));
    expect(suggestions({ acrossTracks: true })[0]).toMatchObject({ eventId: 'tass', sameAs: 'reuters' });
  });

  it('no longer suggests a pair once one incident across tracks holds it', () => {
    const { given, pairs } = setup();
    given(linked({ talksId: ISTANBUL, eventId: 'kyiv', sameAs: 'tass', sameAsTalksId: TALKS_ID }));
    expect(pairs({ acrossTracks: true }).sort()).toEqual([`${TALKS_ID}/reuters~${ISTANBUL}/kyiv`, `${TALKS_ID}/tass~${TALKS_ID}/reuters`]);
  });
});
