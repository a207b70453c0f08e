import { specify, withId } from '../testing/given-when-then';
import { brokered, commandFor, ended, opened, released, retracted, violated } from '../testing/talks.fixtures';
import { talksDecider } from './talks.decider';
import { OpenedTalks } from './talks.state';

const { given } = specify(talksDecider);
const ceasefireIn = (state: unknown) => (state as OpenedTalks).ceasefires.get('energy-truce');

describe('brokering a ceasefire', () => {
  it('records CeasefireBrokered, in effect and ending in the future', () => {
    given([opened()]).when(commandFor(brokered({ effectiveFrom: '2025-03-20', endsAt: '2025-05-20' }))).thenAccepted();
    given([opened()]).when(commandFor(brokered())).thenEvents([brokered()]);
  });

  it('keeps its dates in the state', () => {
    expect(ceasefireIn(given([opened(), brokered()]).state())).toEqual({
      ceasefireId: 'energy-truce', eventId: 'e2', occurredAt: '2025-02-11', precision: 'day',
      effectiveFrom: '2025-02-12', endsAt: '2025-04-12', violations: [],
    });
  });

  it('needs two distinct parties', () => {
    given([opened()]).when(commandFor(brokered({ parties: ['rus', 'rus'] }))).thenError('CEASEFIRE.TOO_FEW_PARTIES', 'parties');
  });

  it('refuses an id already brokered in the track', () => {
    given([opened(), brokered()]).when(commandFor(brokered())).thenError('CEASEFIRE.DUPLICATE', 'ceasefireId');
  });

  it('refuses an end before or at its start', () => {
    given([opened()]).when(commandFor(brokered({ endsAt: '2025-02-01' }))).thenError('DATE.END_BEFORE_START', 'endsAt');
    given([opened()]).when(commandFor(brokered({ effectiveFrom: '2025-02-12T06:00:00Z', endsAt: '2025-02-12T06:00:00Z' }))).thenError('DATE.END_BEFORE_START');
  });

  it('accepts an open-ended ceasefire', () => {
    given([opened()]).when(commandFor(brokered({ endsAt: undefined }))).thenAccepted();
  });

  it('refuses dates that are not dates', () => {
    given([opened()]).when(commandFor(brokered({ effectiveFrom: '2025-02-30' }))).thenError('DATE.INVALID', 'effectiveFrom');
    given([opened()]).when(commandFor(brokered({ endsAt: '2025-04-12T25:00:00Z' }))).thenError('DATE.INVALID', 'endsAt');
  });

  it('refuses loose counts in the terms that do not hold', () => {
    const terms = (prisonersToRelease: object) => brokered({ terms: { summary: 's', prisonersToRelease: prisonersToRelease as never } });
    given([opened()]).when(commandFor(terms({ best: -1 }))).thenError('COUNT.INVALID', 'terms.prisonersToRelease.best');
    given([opened()]).when(commandFor(terms({ best: 1.5 }))).thenError('COUNT.INVALID');
    given([opened()]).when(commandFor(terms({ best: 10, low: 11 }))).thenError('COUNT.INVALID', 'terms.prisonersToRelease.low');
    given([opened()]).when(commandFor(terms({ best: 10, high: 9 }))).thenError('COUNT.INVALID', 'terms.prisonersToRelease.high');
    given([opened()]).when(commandFor(terms({ best: 10, low: 10, high: 2000 }))).thenAccepted();
  });

  it('refuses unregistered parties and mediators', () => {
    given([opened()]).when(commandFor(brokered({ mediators: ['usa', 'nobody'] }))).thenError('ACTOR.UNKNOWN', 'mediators[1]');
  });
});

describe('hostage releases', () => {
  it('records HostagesReleased under a brokered ceasefire, or none', () => {
    given([opened(), brokered()]).when(commandFor(released())).thenEvents([released()]);
    given([opened()]).when(commandFor(released({ ceasefireId: undefined }))).thenAccepted();
  });

  it('refuses a ceasefire not brokered in this track', () => {
    given([opened()]).when(commandFor(released())).thenError('CEASEFIRE.UNKNOWN', 'ceasefireId');
  });

  it('accepts a release under an ended ceasefire (reports come late)', () => {
    given([opened(), brokered(), ended()]).when(commandFor(released())).thenAccepted();
  });

  it('refuses counts that do not hold', () => {
    given([opened(), brokered()]).when(commandFor(released({ count: { best: 3, low: 5 } }))).thenError('COUNT.INVALID', 'count.low');
    given([opened(), brokered()]).when(commandFor(released({ prisonersReleasedInExchange: { best: -2 } }))).thenError('COUNT.INVALID', 'prisonersReleasedInExchange.best');
  });

  it('refuses an unregistered releaser', () => {
    given([opened(), brokered()]).when(commandFor(released({ releasedBy: 'pij' }))).thenError('ACTOR.UNKNOWN', 'releasedBy');
  });
});

describe('violations', () => {
  it('records CeasefireViolated of a brokered ceasefire', () => {
    given([opened(), brokered()]).when(commandFor(violated())).thenEvents([violated()]);
    expect(ceasefireIn(given([opened(), brokered(), violated()]).state())?.violations).toEqual(['e3']);
  });

  it('refuses a ceasefire not brokered in this track', () => {
    given([opened()]).when(commandFor(violated())).thenError('CEASEFIRE.NOT_FOUND', 'ceasefireId');
  });

  it('refuses a violation of an ended ceasefire', () => {
    given([opened(), brokered(), ended()]).when(commandFor(violated())).thenError('CEASEFIRE.ALREADY_ENDED');
  });

  it('refuses an unregistered accuser or accused', () => {
    given([opened(), brokered()]).when(commandFor(violated({ against: 'wagner' }))).thenError('ACTOR.UNKNOWN', 'against');
    given([opened(), brokered()]).when(commandFor(violated({ allegedBy: 'wagner' }))).thenError('ACTOR.UNKNOWN', 'allegedBy');
  });
});

describe('ending a ceasefire', () => {
  it('records CeasefireEnded', () => {
    given([opened(), brokered()]).when(commandFor(ended())).thenEvents([ended()]);
    expect(ceasefireIn(given([opened(), brokered(), ended()]).state())?.ended).toEqual({
      eventId: 'e3', occurredAt: '2025-02-11', precision: 'day', reason: 'collapsed',
    });
  });

  it('refuses a ceasefire not brokered in this track', () => {
    given([opened()]).when(commandFor(ended())).thenError('CEASEFIRE.NOT_FOUND', 'ceasefireId');
  });

  it('refuses to end a ceasefire twice', () => {
    given([opened(), brokered(), ended()]).when(commandFor(ended({ reason: 'expired' }))).thenError('CEASEFIRE.ALREADY_ENDED', 'ceasefireId');
  });

  it('refuses an end dated before the brokering', () => {
    given([opened(), brokered({ occurredAt: '2025-02-11' })]).when(commandFor(ended({ occurredAt: '2025-02-10' }))).thenError('DATE.END_BEFORE_START', 'occurredAt');
  });

  it('gives a vague end the benefit of the doubt', () => {
    given([opened(), brokered({ occurredAt: '2025-02-11' })]).when(commandFor(ended({ occurredAt: '2025-02-01', precision: 'month' }))).thenAccepted();
  });

  it('treats a retracted brokering as no ceasefire at all', () => {
    const history = [opened(), withId('cf', brokered()), retracted({ eventId: 'cf' })];
    given(history).when(commandFor(ended())).thenError('CEASEFIRE.NOT_FOUND');
    given(history).when(commandFor(violated())).thenError('CEASEFIRE.NOT_FOUND');
    given(history).when(commandFor(released())).thenError('CEASEFIRE.UNKNOWN');
    given(history).when(commandFor(brokered())).thenAccepted();
  });
});
