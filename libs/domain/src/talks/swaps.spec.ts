import { specify } from '../testing/given-when-then';
import { commandFor, opened, swapped } from '../testing/talks.fixtures';
import { talksDecider } from './talks.decider';
import { Release } from './talks.events';
import { OpenedTalks } from './talks.state';

const { given } = specify(talksDecider);
const fogel: Release = { person: 'Marc Fogel', nationality: 'USA', releasedBy: 'rus', detainedSince: '2021-08' };
const vinnik: Release = { person: 'Alexander Vinnik', nationality: 'RUS', releasedBy: 'usa', detainedSince: '2017-07-25' };

describe('prisoner swaps', () => {
  it('records PrisonerSwapped', () => {
    given([opened()]).when(commandFor(swapped({ releases: [fogel, vinnik] }))).thenEvents([swapped({ releases: [fogel, vinnik] })]);
  });

  it('keeps the swap in the state', () => {
    const state = given([opened(), swapped({ releases: [fogel, vinnik] })]).state() as OpenedTalks;
    expect(state.swaps.get('fogel-vinnik')).toEqual({ swapId: 'fogel-vinnik', eventId: 'e2', occurredAt: '2025-02-11', releases: 2 });
  });

  it('refuses a swap id already recorded', () => {
    given([opened(), swapped()]).when(commandFor(swapped())).thenError('SWAP.DUPLICATE', 'swapId');
  });

  it('needs at least one release', () => {
    given([opened()]).when(commandFor(swapped({ releases: [] }))).thenError('SWAP.NO_RELEASES', 'releases');
  });

  it('refuses a release by an unregistered actor, and unregistered mediators', () => {
    given([opened()]).when(commandFor(swapped({ releases: [fogel, { ...vinnik, releasedBy: 'gbr' }] }))).thenError('ACTOR.UNKNOWN', 'releases[1].releasedBy');
    given([opened()]).when(commandFor(swapped({ mediators: ['are'] }))).thenError('ACTOR.UNKNOWN', 'mediators[0]');
  });

  it('accepts a reduced detention date (a year, a month) or none', () => {
    given([opened()]).when(commandFor(swapped({ releases: [{ ...fogel, detainedSince: '2021' }] }))).thenAccepted();
    given([opened()]).when(commandFor(swapped({ releases: [{ ...fogel, detainedSince: undefined }] }))).thenAccepted();
  });

  it('refuses a detention date that is not a date', () => {
    given([opened()]).when(commandFor(swapped({ releases: [{ ...fogel, detainedSince: '2021-13' }] }))).thenError('DATE.INVALID', 'releases[0].detainedSince');
    given([opened()]).when(commandFor(swapped({ releases: [{ ...fogel, detainedSince: 'August 2021' }] }))).thenError('DATE.INVALID');
  });

  it('refuses a detention after the release', () => {
    given([opened()]).when(commandFor(swapped({ releases: [fogel, { ...vinnik, detainedSince: '2025-02-12' }], occurredAt: '2025-02-11' })))
      .thenError('DATE.END_BEFORE_START', 'releases[1].detainedSince');
  });

  it('accepts a detention within the month of the release, the month being vague', () => {
    given([opened()]).when(commandFor(swapped({ releases: [{ ...fogel, detainedSince: '2025-02' }], occurredAt: '2025-02-01' }))).thenAccepted();
  });

  it('refuses a detention date in the future', () => {
    given([opened()]).when(commandFor(swapped({ releases: [{ ...fogel, detainedSince: '2026' }] }))).thenError('DATE.IN_FUTURE', 'releases[0].detainedSince');
  });
});
