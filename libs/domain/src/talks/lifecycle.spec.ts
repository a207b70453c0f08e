import { specify, withId } from '../testing/given-when-then';
import {
  brokered,
  commandFor,
  concluded,
  corrected,
  ended,
  held,
  opened,
  released,
  resumed,
  retracted,
  scheduled,
  stalled,
  swapped,
  violated,
  visited,
} from '../testing/talks.fixtures';
import { talksDecider } from './talks.decider';
import { TalksEvent } from './talks.events';
import { TalksState } from './talks.state';

const { given } = specify(talksDecider);
const statusOf = (state: TalksState): string => state.status;

describe('opening a track', () => {
  it('records TalksOpened', () => {
    given([]).when(commandFor(opened())).thenEvents([opened()]);
  });

  it('is refused a second time', () => {
    given([opened()]).when(commandFor(opened())).thenError('TALKS.ALREADY_OPENED');
  });

  it('needs two distinct parties; a repeated party counts once', () => {
    given([]).when(commandFor(opened({ parties: ['usa', 'usa'] }))).thenError('TALKS.TOO_FEW_PARTIES', 'parties');
    given([]).when(commandFor(opened({ parties: ['usa'] }))).thenError('TALKS.TOO_FEW_PARTIES');
  });

  it('refuses an actor who is both a party and a mediator', () => {
    given([]).when(commandFor(opened({ mediators: ['sau', 'rus'] }))).thenError('TALKS.PARTY_IS_MEDIATOR', 'mediators[1]');
  });

  it('accepts talks with no mediator', () => {
    given([]).when(commandFor(opened({ mediators: [] }))).thenAccepted();
  });

  it('refuses an unregistered party or mediator, naming the field', () => {
    given([]).when(commandFor(opened({ parties: ['usa', 'chn'] }))).thenError('ACTOR.UNKNOWN', 'parties[1]');
    given([]).when(commandFor(opened({ mediators: ['tur'] }))).thenError('ACTOR.UNKNOWN', 'mediators[0]');
  });

  it('starts the track open, with its parties and mediators', () => {
    expect(given([opened()]).state()).toMatchObject({ status: 'open', talksId: 'us-russia-ukraine', parties: ['usa', 'rus'], mediators: ['sau'] });
  });
});

describe('a track that is not opened', () => {
  const others: readonly TalksEvent[] = [
    visited(), scheduled(), held(), swapped(), brokered(), released(), violated(), ended(), stalled(), resumed(), concluded(),
    corrected({ changes: { summary: 'x' } }), retracted(),
  ];

  it.each(others.map((event) => [event.type, event] as const))('refuses the command for %s with TALKS.NOT_OPENED', (_, event) => {
    given([]).when(commandFor(event)).thenError('TALKS.NOT_OPENED');
  });
});

describe('a concluded track', () => {
  const history = [withId('open', opened()), withId('cf', brokered()), withId('end', concluded())];
  const refused: readonly TalksEvent[] = [
    visited(), scheduled(), held(), swapped(), brokered({ ceasefireId: 'other' }), released(), violated(), ended(), stalled(), resumed(), concluded(),
  ];

  it.each(refused.map((event) => [event.type, event] as const))('refuses %s with TALKS.CONCLUDED', (_, event) => {
    given(history).when(commandFor(event)).thenError('TALKS.CONCLUDED');
  });

  it('still takes corrections and retractions', () => {
    given(history).when(commandFor(corrected({ eventId: 'end', changes: { summary: 'Framework deal' } }))).thenAccepted();
    given(history).when(commandFor(retracted({ eventId: 'end' }))).thenAccepted();
  });

  it('is concluded, and retracting the conclusion reopens it where it was', () => {
    expect(statusOf(given(history).state())).toBe('concluded');
    expect(statusOf(given([opened(), withId('end', concluded()), retracted({ eventId: 'end' })]).state())).toBe('open');
    expect(statusOf(given([...history, retracted({ eventId: 'end' })]).state())).toBe('active');
    expect(statusOf(given([opened(), visited(), withId('end', concluded()), retracted({ eventId: 'end' })]).state())).toBe('active');
  });
});

describe('activity', () => {
  it('turns open talks active on the first envoy visit', () => {
    expect(statusOf(given([opened(), visited()]).state())).toBe('active');
  });

  it('turns open talks active on the first meeting held, not on a scheduled one', () => {
    expect(statusOf(given([opened(), scheduled()]).state())).toBe('open');
    expect(statusOf(given([opened(), held()]).state())).toBe('active');
  });

  it.each([
    ['a prisoner swap', swapped()],
    ['a ceasefire brokered', brokered()],
    ['a hostage release', released({ ceasefireId: undefined })],
  ] as const)('turns open talks active on %s: something substantive happened', (_, claim) => {
    expect(statusOf(given([opened(), claim]).state())).toBe('active');
  });

  it('leaves them open on a scheduled meeting, a violation or an end alone', () => {
    expect(statusOf(given([opened(), scheduled()]).state())).toBe('open');
  });

  it('returns them to open when the only substantive claim is retracted, and keeps them active when another remains', () => {
    expect(statusOf(given([opened(), withId('swap', swapped()), retracted({ eventId: 'swap' })]).state())).toBe('open');
    expect(statusOf(given([opened(), withId('swap', swapped()), brokered(), retracted({ eventId: 'swap' })]).state())).toBe('active');
  });

  it('resumes talks active when a swap or ceasefire came before the stall', () => {
    expect(statusOf(given([opened(), brokered(), stalled(), resumed()]).state())).toBe('active');
    expect(statusOf(given([opened(), stalled(), swapped(), resumed()]).state())).toBe('active');
  });
});

describe('stalling and resuming', () => {
  it('stalls open or active talks', () => {
    given([opened()]).when(commandFor(stalled())).thenEvents([stalled()]);
    expect(statusOf(given([opened(), visited(), stalled()]).state())).toBe('stalled');
  });

  it('refuses to stall stalled talks', () => {
    given([opened(), stalled()]).when(commandFor(stalled())).thenError('TALKS.ALREADY_STALLED');
  });

  it('resumes stalled talks', () => {
    given([opened(), stalled()]).when(commandFor(resumed())).thenEvents([resumed()]);
  });

  it('refuses to resume talks that are not stalled', () => {
    given([opened()]).when(commandFor(resumed())).thenError('TALKS.NOT_STALLED');
    given([opened(), visited()]).when(commandFor(resumed())).thenError('TALKS.NOT_STALLED');
    given([opened(), stalled(), resumed()]).when(commandFor(resumed())).thenError('TALKS.NOT_STALLED');
  });

  it('returns to the status before the stall: open, or active', () => {
    expect(statusOf(given([opened(), stalled(), resumed()]).state())).toBe('open');
    expect(statusOf(given([opened(), visited(), stalled(), resumed()]).state())).toBe('active');
  });

  it('keeps talks stalled through a visit, and resumes them active', () => {
    expect(statusOf(given([opened(), stalled(), visited()]).state())).toBe('stalled');
    expect(statusOf(given([opened(), stalled(), held(), resumed()]).state())).toBe('active');
  });

  it('concludes talks whatever their status', () => {
    given([opened(), stalled()]).when(commandFor(concluded())).thenEvents([concluded()]);
  });
});

describe('envoy visits', () => {
  it('records a visit with a departure after the arrival', () => {
    given([opened()]).when(commandFor(visited({ departedAt: '2025-02-12' }))).thenEvents([visited({ departedAt: '2025-02-12' })]);
  });

  it('accepts a departure on the day of arrival', () => {
    given([opened()]).when(commandFor(visited({ occurredAt: '2025-02-11T09:00:00Z', precision: 'exact', departedAt: '2025-02-11' }))).thenAccepted();
  });

  it('refuses a departure before the arrival', () => {
    given([opened()]).when(commandFor(visited({ departedAt: '2025-02-10' }))).thenError('DATE.END_BEFORE_START', 'departedAt');
  });

  it('refuses a departure in the future or not a date', () => {
    given([opened()]).when(commandFor(visited({ departedAt: '2025-03-15' }))).thenError('DATE.IN_FUTURE', 'departedAt');
    given([opened()]).when(commandFor(visited({ departedAt: '12/02/2025' }))).thenError('DATE.INVALID', 'departedAt');
  });

  it('refuses an unregistered envoy', () => {
    given([opened()]).when(commandFor(visited({ envoyId: 'nobody' }))).thenError('ACTOR.UNKNOWN', 'envoyId');
    given([opened()]).when(commandFor(visited(), { registeredActors: new Set(['usa']) })).thenError('ACTOR.UNKNOWN', 'envoyId');
  });
});
