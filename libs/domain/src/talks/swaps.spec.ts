import { specify, withId } from '../testing/given-when-then';
import { commandFor, corrected, opened, swapped } from '../testing/talks.fixtures';
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

  describe('a total beside the named releases', () => {
    const named = [fogel, vinnik];

    it('records a swap of 26 that names 2', () => {
      const claim = swapped({ releases: named, total: { best: 26 } });
      given([opened()]).when(commandFor(claim)).thenEvents([claim]);
    });

    it('accepts a total equal to the number named, and a low bound below it', () => {
      given([opened()]).when(commandFor(swapped({ releases: named, total: { best: 2 } }))).thenAccepted();
      given([opened()]).when(commandFor(swapped({ releases: named, total: { best: 26, low: 1, high: 30 } }))).thenAccepted();
    });

    it('refuses a best guess below the number named (SWAP.TOTAL_BELOW_NAMED)', () => {
      given([opened()]).when(commandFor(swapped({ releases: named, total: { best: 1 } }))).thenError('SWAP.TOTAL_BELOW_NAMED', 'total.best');
    });

    it('refuses an upper bound below the number named', () => {
      given([opened()]).when(commandFor(swapped({ releases: [fogel, vinnik, fogel], total: { best: 1, high: 2 } }))).thenError('SWAP.TOTAL_BELOW_NAMED', 'total.high');
    });

    it('refuses a total that is no count', () => {
      given([opened()]).when(commandFor(swapped({ releases: named, total: { best: 26, high: 20 } }))).thenError('COUNT.INVALID', 'total.high');
      given([opened()]).when(commandFor(swapped({ releases: named, total: { best: 2.5 } }))).thenError('COUNT.INVALID', 'total.best');
    });

    it('re-runs the rule on a corrected swap: a total, or fewer names than the total covers', () => {
      const history = [opened(), withId('swap', swapped({ releases: named, total: { best: 2 } }))];
      const correct = (changes: Record<string, unknown>) => commandFor(corrected({ eventId: 'swap', changes }));
      given(history).when(correct({ total: { best: 1 } })).thenError('SWAP.TOTAL_BELOW_NAMED', 'changes.total.best');
      given(history).when(correct({ releases: [fogel, vinnik, fogel] })).thenError('SWAP.TOTAL_BELOW_NAMED', 'total.best');
      given(history).when(correct({ total: null, releases: [fogel, vinnik, fogel] })).thenAccepted();
    });
  });

  describe('who each person was released to', () => {
    it('records releasedTo, a registered actor', () => {
      const claim = swapped({ releases: [{ ...fogel, releasedTo: 'usa' }, { ...vinnik, releasedTo: 'rus' }] });
      given([opened()]).when(commandFor(claim)).thenEvents([claim]);
    });

    it('refuses an unregistered recipient', () => {
      given([opened()]).when(commandFor(swapped({ releases: [fogel, { ...vinnik, releasedTo: 'gbr' }] }))).thenError('ACTOR.UNKNOWN', 'releases[1].releasedTo');
    });

    it('refuses a person released to the actor that released them (SWAP.RELEASED_TO_RELEASER)', () => {
      given([opened()]).when(commandFor(swapped({ releases: [{ ...fogel, releasedTo: 'rus' }] }))).thenError('SWAP.RELEASED_TO_RELEASER', 'releases[0].releasedTo');
    });

    it('checks the recipients a correction names', () => {
      const history = [opened(), withId('swap', swapped())];
      given(history).when(commandFor(corrected({ eventId: 'swap', changes: { releases: [{ ...fogel, releasedTo: 'gbr' }] } }))).thenError('ACTOR.UNKNOWN', 'changes.releases[0].releasedTo');
      given(history).when(commandFor(corrected({ eventId: 'swap', changes: { releases: [{ ...fogel, releasedTo: 'usa' }] } }))).thenAccepted();
    });
  });
});
