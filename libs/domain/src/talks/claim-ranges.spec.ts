import { specify, withId } from '../testing/given-when-then';
import { brokered, commandFor, corrected, ended, opened, released, retracted, swapped, visited } from '../testing/talks.fixtures';
import { talksDecider } from './talks.decider';

// NOW is Friday 2025-03-14T12:00:00Z; its ISO week runs from Monday 10 March to Sunday 16 March.
const { given } = specify(talksDecider);
const track = [opened()];

describe('a claim dated as a range: occurredAt the earliest, occurredUntil the latest', () => {
  it('accepts a range at the same precision, and a range of one day', () => {
    given(track).when(commandFor(visited({ occurredAt: '2025-02-25', occurredUntil: '2025-02-28' }))).thenAccepted();
    given(track).when(commandFor(visited({ occurredAt: '2025-02-25', occurredUntil: '2025-02-25' }))).thenAccepted();
    given(track).when(commandFor(visited({ occurredAt: '2025-02-25T10:00:00Z', occurredUntil: '2025-02-25T16:00:00+01:00', precision: 'exact' }))).thenAccepted();
    given(track).when(commandFor(visited({ occurredAt: '2024-11-01', occurredUntil: '2025-01-01', precision: 'month' }))).thenAccepted();
  });

  it('refuses an occurredUntil before occurredAt with DATE.RANGE_REVERSED', () => {
    given(track).when(commandFor(visited({ occurredAt: '2025-02-25', occurredUntil: '2025-02-24' }))).thenError('DATE.RANGE_REVERSED', 'occurredUntil');
    given(track)
      .when(commandFor(visited({ occurredAt: '2025-02-25T10:00:00Z', occurredUntil: '2025-02-25T09:59:59Z', precision: 'exact' })))
      .thenError('DATE.RANGE_REVERSED', 'occurredUntil');
  });

  it('compares the ends at the stated precision: two days of one month are the same month', () => {
    given(track).when(commandFor(visited({ occurredAt: '2025-02-25', occurredUntil: '2025-02-03', precision: 'month' }))).thenAccepted();
    given(track).when(commandFor(visited({ occurredAt: '2025-02-25', occurredUntil: '2025-01-31', precision: 'month' }))).thenError('DATE.RANGE_REVERSED');
  });

  it('refuses an occurredUntil that is not a date, or cannot carry the precision, with DATE.INVALID', () => {
    given(track).when(commandFor(visited({ occurredUntil: 'end of February' }))).thenError('DATE.INVALID', 'occurredUntil');
    given(track).when(commandFor(visited({ occurredUntil: '2025-02' }))).thenError('DATE.INVALID', 'occurredUntil');
    given(track)
      .when(commandFor(visited({ occurredAt: '2025-02-25T10:00:00Z', occurredUntil: '2025-02-26', precision: 'exact' })))
      .thenError('DATE.INVALID', 'occurredUntil');
  });

  it('refuses an occurredUntil after now with DATE.IN_FUTURE: a range that has not begun to end is not yet a fact', () => {
    given(track).when(commandFor(visited({ occurredAt: '2025-03-10', occurredUntil: '2025-03-15' }))).thenError('DATE.IN_FUTURE', 'occurredUntil');
    given(track).when(commandFor(visited({ occurredAt: '2025-03-10', occurredUntil: '2025-03-14' }))).thenAccepted();
  });

  it('holds for every claim, the correction or retraction itself included', () => {
    const reversed = { occurredAt: '2025-02-25', occurredUntil: '2025-02-20' };
    given(track).when(commandFor(released(reversed))).thenError('DATE.RANGE_REVERSED');
    given([...track, withId('v', visited())]).when(commandFor(retracted({ eventId: 'v', ...reversed }))).thenError('DATE.RANGE_REVERSED');
  });

  it('lets a correction set or clear occurredUntil, re-judging the merged claim', () => {
    const history = [...track, withId('r', visited({ occurredAt: '2025-02-25' }))];
    given(history).when(commandFor(corrected({ eventId: 'r', changes: { occurredUntil: '2025-02-28' } }))).thenAccepted();
    given(history).when(commandFor(corrected({ eventId: 'r', changes: { occurredUntil: '2025-02-20' } }))).thenError('DATE.RANGE_REVERSED', 'changes.occurredUntil');
    const ranged = [...track, withId('r', visited({ occurredAt: '2025-02-25', occurredUntil: '2025-02-28' }))];
    given(ranged).when(commandFor(corrected({ eventId: 'r', changes: { occurredUntil: null } }))).thenAccepted();
    given(ranged).when(commandFor(corrected({ eventId: 'r', changes: { occurredUntil: 28 } }))).thenError('CLAIM.INVALID_VALUE', 'changes.occurredUntil');
  });

  it('gives a range the benefit of the doubt where dates are compared: it may have ended as late as occurredUntil', () => {
    // Detained on 1 February, freed "between 31 January and 3 February": possible.
    const swap = swapped({ occurredAt: '2025-01-31', occurredUntil: '2025-02-03' });
    const detained = { ...swap.data.releases[0], detainedSince: '2025-02-01' };
    given(track).when(commandFor(swapped({ ...swap.data, releases: [detained] }))).thenAccepted();
    given(track).when(commandFor(swapped({ occurredAt: '2025-01-31', releases: [detained] }))).thenError('DATE.END_BEFORE_START');

    const truce = [...track, brokered({ occurredAt: '2025-02-12' })];
    given(truce).when(commandFor(ended({ occurredAt: '2025-02-10', occurredUntil: '2025-02-13' }))).thenAccepted();
    given(truce).when(commandFor(ended({ occurredAt: '2025-02-10', occurredUntil: '2025-02-11' }))).thenError('DATE.END_BEFORE_START');
  });
});

describe('week precision: a date meant as the ISO week that holds it', () => {
  it('accepts any day of a week at week precision, the current week included', () => {
    given(track).when(commandFor(visited({ occurredAt: '2025-02-19', precision: 'week' }))).thenAccepted();
    given(track).when(commandFor(visited({ occurredAt: '2025-03-16', precision: 'week' }))).thenAccepted();
    given(track).when(commandFor(visited({ occurredAt: '2025-02-19T10:00:00Z', precision: 'week' }))).thenAccepted();
  });

  it('refuses a week that begins after now with DATE.IN_FUTURE', () => {
    given(track).when(commandFor(visited({ occurredAt: '2025-03-17', precision: 'week' }))).thenError('DATE.IN_FUTURE', 'occurredAt');
  });

  it('refuses a reduced date or an ISO week-date (2025-W08) with DATE.INVALID: the week is named by a day of it', () => {
    given(track).when(commandFor(visited({ occurredAt: '2025-02', precision: 'week' }))).thenError('DATE.INVALID', 'occurredAt');
    given(track).when(commandFor(visited({ occurredAt: '2025-W08', precision: 'week' }))).thenError('DATE.INVALID', 'occurredAt');
  });

  it('ranges over weeks: from the Monday of the first to the Sunday of the last', () => {
    given(track).when(commandFor(visited({ occurredAt: '2025-02-19', occurredUntil: '2025-02-17', precision: 'week' }))).thenAccepted();
    given(track).when(commandFor(visited({ occurredAt: '2025-02-19', occurredUntil: '2025-02-16', precision: 'week' }))).thenError('DATE.RANGE_REVERSED');
  });
});
