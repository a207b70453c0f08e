import { specify, withId } from '../testing/given-when-then';
import { brokered, commandFor, concluded, corrected, ended, extended, opened, retracted } from '../testing/talks.fixtures';
import { talksDecider } from './talks.decider';
import { OpenedTalks } from './talks.state';

const { given } = specify(talksDecider);
const ceasefireIn = (state: unknown) => (state as OpenedTalks).ceasefires.get('energy-truce');

// The fixtures' ceasefire: brokered 2025-02-11, in effect from 2025-02-12, ending 2025-04-12.
describe('extending a ceasefire', () => {
  it('records CeasefireExtended, and keeps each extension in the state', () => {
    given([opened(), brokered()]).when(commandFor(extended())).thenEvents([extended()]);
    expect(ceasefireIn(given([opened(), brokered(), extended()]).state())?.extensions).toEqual([
      { eventId: 'e3', occurredAt: '2025-03-10', precision: 'day', endsAt: '2025-05-12' },
    ]);
  });

  it('accepts a second extension that pushes the end later again', () => {
    given([opened(), brokered(), extended()]).when(commandFor(extended({ occurredAt: '2025-03-12', endsAt: '2025-06-12' }))).thenAccepted();
  });

  it('accepts an extension without new terms', () => {
    given([opened(), brokered()]).when(commandFor(extended({ terms: undefined }))).thenAccepted();
  });

  it('refuses a ceasefire not brokered in this track, or retracted', () => {
    given([opened()]).when(commandFor(extended())).thenError('CEASEFIRE.NOT_FOUND', 'ceasefireId');
    given([opened(), withId('cf', brokered()), retracted({ eventId: 'cf' })]).when(commandFor(extended())).thenError('CEASEFIRE.NOT_FOUND');
  });

  it('refuses to extend an open-ended ceasefire', () => {
    given([opened(), brokered({ endsAt: undefined })]).when(commandFor(extended())).thenError('CEASEFIRE.NO_END_TO_EXTEND', 'ceasefireId');
  });

  it('refuses an extension dated before the ceasefire took effect, but gives a vague date the benefit of the doubt', () => {
    given([opened(), brokered()]).when(commandFor(extended({ occurredAt: '2025-02-11' }))).thenError('CEASEFIRE.EXTENSION_BEFORE_START', 'occurredAt');
    given([opened(), brokered()]).when(commandFor(extended({ occurredAt: '2025-02-01', precision: 'month' }))).thenAccepted();
  });

  it('refuses a new end that is not after the end in force', () => {
    given([opened(), brokered()]).when(commandFor(extended({ endsAt: '2025-04-12' }))).thenError('CEASEFIRE.EXTENSION_NOT_LATER', 'endsAt');
    given([opened(), brokered()]).when(commandFor(extended({ endsAt: '2025-04-01' }))).thenError('CEASEFIRE.EXTENSION_NOT_LATER', 'endsAt');
    given([opened(), brokered(), extended()]).when(commandFor(extended({ occurredAt: '2025-03-12', endsAt: '2025-05-01' }))).thenError('CEASEFIRE.EXTENSION_NOT_LATER', 'endsAt');
  });

  it('refuses an end that is not a date', () => {
    given([opened(), brokered()]).when(commandFor(extended({ endsAt: '2025-05-32' }))).thenError('DATE.INVALID', 'endsAt');
  });

  it('refuses loose counts in the terms that do not hold', () => {
    given([opened(), brokered()]).when(commandFor(extended({ terms: { summary: 's', prisonersToRelease: { best: -1 } } }))).thenError('COUNT.INVALID', 'terms.prisonersToRelease.best');
  });

  it('refuses an extension dated after the ceasefire expired: a lapsed ceasefire is brokered anew', () => {
    given([opened(), brokered({ endsAt: '2025-03-01' })]).when(commandFor(extended())).thenError('CEASEFIRE.EXTENSION_AFTER_END', 'occurredAt');
    // Agreed on the day it was due to end: still in force that day.
    given([opened(), brokered({ endsAt: '2025-03-10' })]).when(commandFor(extended())).thenAccepted();
  });

  it('refuses an extension dated after a recorded end, and accepts one agreed before it (reports come late)', () => {
    given([opened(), brokered(), ended({ occurredAt: '2025-03-01' })]).when(commandFor(extended())).thenError('CEASEFIRE.EXTENSION_AFTER_END', 'occurredAt');
    given([opened(), brokered(), ended({ occurredAt: '2025-03-12' })]).when(commandFor(extended())).thenAccepted();
  });

  it('accepts an earlier extension reported late, if the ends still rise in the order of their dates', () => {
    const history = [opened(), brokered(), extended()];
    given(history).when(commandFor(extended({ occurredAt: '2025-03-01', endsAt: '2025-04-30' }))).thenAccepted();
    given(history).when(commandFor(extended({ occurredAt: '2025-03-01', endsAt: '2025-06-01' }))).thenError('CEASEFIRE.EXTENSION_NOT_LATER');
  });

  it('counts only live extensions: after a retraction the end in force is the previous one', () => {
    given([opened(), brokered(), withId('x1', extended()), retracted({ eventId: 'x1' })]).when(commandFor(extended({ endsAt: '2025-05-01' }))).thenAccepted();
  });

  it('refuses an extension in concluded talks', () => {
    given([opened(), brokered(), concluded()]).when(commandFor(extended())).thenError('TALKS.CONCLUDED');
  });
});

describe('correcting an extension or its ceasefire re-runs the extension rules on the merged claim', () => {
  const history = [opened(), withId('cf', brokered()), withId('x1', extended())];
  const correct = (eventId: string, changes: Record<string, unknown>) => commandFor(corrected({ eventId, changes, occurredAt: '2025-03-13' }));

  it('judges a corrected extension against the others, not its own earlier version', () => {
    given(history).when(correct('x1', { terms: { summary: 'One more month, no releases' } })).thenAccepted();
    given(history).when(correct('x1', { endsAt: '2025-05-20' })).thenAccepted();
  });

  it('refuses a corrected extension that no longer extends', () => {
    given(history).when(correct('x1', { endsAt: '2025-04-01' })).thenError('CEASEFIRE.EXTENSION_NOT_LATER', 'changes.endsAt');
    given(history).when(correct('x1', { occurredAt: '2025-02-11' })).thenError('CEASEFIRE.EXTENSION_BEFORE_START', 'changes.occurredAt');
  });

  it('refuses a corrected brokering that its extensions no longer extend', () => {
    given(history).when(correct('cf', { endsAt: '2025-06-01' })).thenError('CEASEFIRE.EXTENSION_NOT_LATER', 'changes.endsAt');
    given(history).when(correct('cf', { endsAt: null })).thenError('CEASEFIRE.NO_END_TO_EXTEND', 'changes.endsAt');
    given(history).when(correct('cf', { effectiveFrom: '2025-03-11' })).thenError('CEASEFIRE.EXTENSION_BEFORE_START', 'changes.effectiveFrom');
    given(history).when(correct('cf', { occurredAt: '2025-03-11' })).thenError('CEASEFIRE.EXTENSION_BEFORE_START', 'changes.occurredAt');
    given(history).when(correct('cf', { endsAt: '2025-04-20' })).thenAccepted();
  });

  it('refuses a corrected end dated before an extension', () => {
    const withEnd = [...history, withId('end', ended({ occurredAt: '2025-03-12' }))];
    given(withEnd).when(correct('end', { occurredAt: '2025-03-01' })).thenError('CEASEFIRE.EXTENSION_AFTER_END', 'changes.occurredAt');
    given(withEnd).when(correct('end', { occurredAt: '2025-03-11' })).thenAccepted();
  });

  it('refuses a correction that changes which ceasefire was extended', () => {
    given(history).when(correct('x1', { ceasefireId: 'other' })).thenError('CLAIM.IMMUTABLE_FIELD', 'changes.ceasefireId');
  });
});
