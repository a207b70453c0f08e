import { specify, withId } from '../testing/given-when-then';
import { commandFor, corrected, held, opened } from '../testing/talks.fixtures';
import { TalksOpened } from './talks.events';
import { talksDecider } from './talks.decider';

const { given } = specify(talksDecider);

/** An opening with the given basis fields left out. */
const openedWithout = (...fields: readonly ('occurredAt' | 'precision' | 'provenance')[]): TalksOpened => {
  const { data } = opened();
  return { type: 'TalksOpened', data: Object.fromEntries(Object.entries(data).filter(([key]) => !fields.includes(key as never))) as TalksOpened['data'] };
};

describe('opening a track we start following while talks are under way', () => {
  it('accepts an opening with no date and no sources, and records it as stated', () => {
    const [event] = given([]).when(commandFor(openedWithout('occurredAt', 'precision', 'provenance'))).thenAccepted();
    expect(event.data).not.toHaveProperty('occurredAt');
    expect(event.data).not.toHaveProperty('provenance');
  });

  it('accepts an undated opening with sources, and a dated one without', () => {
    given([]).when(commandFor(openedWithout('occurredAt', 'precision'))).thenAccepted();
    given([]).when(commandFor(openedWithout('provenance'))).thenAccepted();
  });

  it('refuses half a date with DATE.INCOMPLETE: occurredAt and precision come together', () => {
    given([]).when(commandFor(openedWithout('precision'))).thenError('DATE.INCOMPLETE', 'precision');
    given([]).when(commandFor(openedWithout('occurredAt'))).thenError('DATE.INCOMPLETE', 'occurredAt');
    given([])
      .when(commandFor({ ...openedWithout('occurredAt', 'precision'), data: { ...openedWithout('occurredAt', 'precision').data, occurredUntil: '2025-02-01' } }))
      .thenError('DATE.INCOMPLETE', 'occurredAt');
  });

  it('holds what it does say to the usual rules', () => {
    given([]).when(commandFor(opened({ occurredAt: '2025-04-01' }))).thenError('DATE.IN_FUTURE', 'occurredAt');
    given([]).when(commandFor(opened({ provenance: { sources: [], confidence: 'reported' } }))).thenError('PROVENANCE.NO_SOURCES');
    given([]).when(commandFor(opened({ occurredAt: '2025-02-11', occurredUntil: '2025-02-10' }))).thenError('DATE.RANGE_REVERSED');
  });

  it('lets only the opening go undated or unsourced: every other claim still needs both', () => {
    const { occurredAt: _at, precision: _p, provenance: _s, ...undated } = held().data;
    given([opened()]).when(commandFor({ type: 'MeetingHeld', data: undated as never })).thenError('DATE.INVALID');
    const { provenance: _sources, ...unsourced } = held().data;
    given([opened()]).when(commandFor({ type: 'MeetingHeld', data: unsourced as never })).thenError('PROVENANCE.NO_SOURCES');
  });
});

describe('dating and sourcing an opening later, by correction', () => {
  const undated = [withId('o', openedWithout('occurredAt', 'precision', 'provenance'))];

  it('adds the date and the sources', () => {
    const changes = { occurredAt: '2025-02-18', precision: 'day', provenance: { sources: [{ publisher: 'AP' }], confidence: 'confirmed' } };
    given(undated).when(commandFor(corrected({ eventId: 'o', changes }))).thenAccepted();
  });

  it('refuses a correction that leaves half a date, or a date in the future', () => {
    given(undated).when(commandFor(corrected({ eventId: 'o', changes: { occurredAt: '2025-02-18' } }))).thenError('DATE.INCOMPLETE', 'precision');
    given(undated).when(commandFor(corrected({ eventId: 'o', changes: { occurredAt: '2025-04-18', precision: 'day' } }))).thenError('DATE.IN_FUTURE', 'changes.occurredAt');
  });

  it('can take the date away again, whole: the opening may be undated', () => {
    const dated = [withId('o', opened())];
    given(dated).when(commandFor(corrected({ eventId: 'o', changes: { occurredAt: null, precision: null } }))).thenAccepted();
    given(dated).when(commandFor(corrected({ eventId: 'o', changes: { occurredAt: null } }))).thenError('DATE.INCOMPLETE', 'changes.occurredAt');
  });

  it('keeps other claims dated: a correction cannot clear their date or sources', () => {
    const history = [withId('o', opened()), withId('m', held())];
    given(history).when(commandFor(corrected({ eventId: 'm', changes: { occurredAt: null } }))).thenError('CLAIM.INVALID_VALUE', 'changes.occurredAt');
    given(history).when(commandFor(corrected({ eventId: 'm', changes: { provenance: null } }))).thenError('CLAIM.INVALID_VALUE', 'changes.provenance');
  });
});
