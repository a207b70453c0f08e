import { specify, withId } from '../testing/given-when-then';
import { commandFor, concluded, held, opened, retracted, stalled, visited } from '../testing/talks.fixtures';
import { talksDecider } from './talks.decider';

// NOW is 2025-03-14T12:00:00Z.
const { given } = specify(talksDecider);
const track = [opened()];

describe('when a claim happened', () => {
  it.each([
    ['a calendar date', '2025-03-14', 'day'],
    ['a date-time with Z', '2025-03-14T11:59:59Z', 'exact'],
    ['a date-time with an offset', '2025-03-14T14:00:00+03:00', 'exact'],
    ['a date-time meant as a day', '2025-03-14T11:00:00Z', 'day'],
  ] as const)('accepts %s', (_, occurredAt, precision) => {
    given(track).when(commandFor(visited({ occurredAt, precision }))).thenAccepted();
  });

  it.each([
    ['a reduced date', '2025-03'],
    ['a date without dashes', '20250314'],
    ['a date-time without zone', '2025-03-14T10:00:00'],
    ['an impossible date', '2025-02-29'],
    ['prose', 'last Tuesday'],
  ])('refuses %s with DATE.INVALID', (_, occurredAt) => {
    given(track).when(commandFor(visited({ occurredAt }))).thenError('DATE.INVALID', 'occurredAt');
  });

  it('needs a date-time for exact precision', () => {
    given(track).when(commandFor(visited({ occurredAt: '2025-02-11', precision: 'exact' }))).thenError('DATE.INVALID', 'occurredAt');
  });

  it('refuses a precision it does not know', () => {
    given(track).when(commandFor(visited({ precision: 'decade' as never }))).thenError('DATE.INVALID', 'precision');
  });

  it('refuses a claim dated after now', () => {
    given(track).when(commandFor(visited({ occurredAt: '2025-03-14T12:00:01Z', precision: 'exact' }))).thenError('DATE.IN_FUTURE', 'occurredAt');
    given(track).when(commandFor(visited({ occurredAt: '2025-03-15' }))).thenError('DATE.IN_FUTURE');
    given(track).when(commandFor(held({ occurredAt: '2025-03-14T14:30:00+03:00', precision: 'exact' }))).thenAccepted();
  });

  it('compares the start of the precision period: later this month is fine at month precision', () => {
    given(track).when(commandFor(visited({ occurredAt: '2025-03-28', precision: 'month' }))).thenAccepted();
    given(track).when(commandFor(visited({ occurredAt: '2025-03-28', precision: 'day' }))).thenError('DATE.IN_FUTURE');
    given(track).when(commandFor(visited({ occurredAt: '2025-11-01', precision: 'year' }))).thenAccepted();
    given(track).when(commandFor(visited({ occurredAt: '2025-04-01', precision: 'month' }))).thenError('DATE.IN_FUTURE');
    given(track).when(commandFor(visited({ occurredAt: '2026-01-01', precision: 'year' }))).thenError('DATE.IN_FUTURE');
  });

  it('applies to the opening, stalls, conclusions and retractions alike', () => {
    const future = { occurredAt: '2025-04-01' };
    given([]).when(commandFor(opened(future))).thenError('DATE.IN_FUTURE');
    given(track).when(commandFor(stalled(future))).thenError('DATE.IN_FUTURE');
    given(track).when(commandFor(concluded(future))).thenError('DATE.IN_FUTURE');
    given([...track, withId('v', visited())]).when(commandFor(retracted({ eventId: 'v', ...future }))).thenError('DATE.IN_FUTURE');
  });
});

describe('provenance', () => {
  it('needs at least one source', () => {
    given(track).when(commandFor(visited({ provenance: { sources: [], confidence: 'rumoured' } }))).thenError('PROVENANCE.NO_SOURCES', 'provenance.sources');
  });

  it('needs a publication date, when given, to be a date', () => {
    const provenance = { sources: [{ publisher: 'TASS' }, { publisher: 'Reuters', publishedAt: 'Feb 11' }], confidence: 'confirmed' as const };
    given(track).when(commandFor(visited({ provenance }))).thenError('DATE.INVALID', 'provenance.sources[1].publishedAt');
  });

  it('needs a publication date not after now: a report cannot be printed tomorrow', () => {
    const provenance = { sources: [{ publisher: 'Reuters', publishedAt: '2999-01-01' }], confidence: 'confirmed' as const };
    given(track).when(commandFor(visited({ provenance }))).thenError('DATE.IN_FUTURE', 'provenance.sources[0].publishedAt');
  });
});
