import { NOTE_MAX_LENGTH } from '../shared/claim';
import { specify, withId } from '../testing/given-when-then';
import { basis, commandFor, corrected, held, opened, retracted, swapped, visited } from '../testing/talks.fixtures';
import { talksDecider } from './talks.decider';
import { OpenedTalks } from './talks.state';

const { given } = specify(talksDecider);
const track = [withId('open', opened()), withId('meet', held())];
const correct = (changes: Record<string, unknown>) => commandFor(corrected({ eventId: 'meet', changes }));
/** 2,000 characters that are each two UTF-16 units: a note is counted as a reader counts it. */
const longestNote = '𝄞'.repeat(NOTE_MAX_LENGTH);
const denial = { sources: [{ publisher: 'TASS', originator: 'Dmitry Peskov', stance: 'denies' as const }], confidence: 'reported' as const };

describe('a note on a claim', () => {
  it('is recorded on any claim, up to 2,000 characters', () => {
    given([opened()]).when(commandFor(visited({ note: 'Seen arriving at Vnukovo; purpose per Axios only' }))).thenAccepted();
    given([opened()]).when(commandFor(swapped({ note: longestNote }))).thenAccepted();
    given([]).when(commandFor(opened({ note: 'Followed from the Istanbul round' }))).thenAccepted();
  });

  it('is refused when longer', () => {
    given([opened()]).when(commandFor(visited({ note: `${longestNote}!` }))).thenError('NOTE.TOO_LONG', 'note');
    given([]).when(commandFor(opened({ note: 'x'.repeat(NOTE_MAX_LENGTH + 1) }))).thenError('NOTE.TOO_LONG', 'note');
  });

  it('is set, replaced and cleared by a correction, which re-checks its length', () => {
    given(track).when(correct({ note: 'Date from the Saudi press agency' })).thenAccepted();
    const noted = [...track, corrected({ eventId: 'meet', changes: { note: 'First note' } })];
    expect((given(noted).state() as OpenedTalks).claims.get('meet')?.claim.data).toMatchObject({ note: 'First note' });
    given(noted).when(correct({ note: null })).thenAccepted();
    const cleared = [...noted, corrected({ eventId: 'meet', changes: { note: null } })];
    expect((given(cleared).state() as OpenedTalks).claims.get('meet')?.claim.data).not.toHaveProperty('note');
    given(track).when(correct({ note: `${longestNote}!` })).thenError('NOTE.TOO_LONG', 'changes.note');
    given(track).when(correct({ note: 42 })).thenError('CLAIM.INVALID_VALUE', 'changes.note');
  });

  it('may explain a correction or a retraction too, under the same limit', () => {
    given(track).when(commandFor(retracted({ eventId: 'meet', note: 'Both delegations deny it' }))).thenAccepted();
    given(track).when(commandFor(retracted({ eventId: 'meet', note: `${longestNote}!` }))).thenError('NOTE.TOO_LONG', 'note');
  });
});

describe('the stance of a source', () => {
  it('is recorded: a claim all of whose sources deny it is still a claim of the track', () => {
    given([opened()]).when(commandFor(visited({ provenance: denial }))).thenAccepted();
    const disputed = { sources: [{ publisher: 'Axios' }, ...denial.sources], confidence: 'rumoured' as const };
    given([opened()]).when(commandFor(held({ provenance: disputed }))).thenAccepted();
  });

  it('is corrected with the provenance, and must be asserts or denies', () => {
    given(track).when(correct({ provenance: denial })).thenAccepted();
    given(track).when(correct({ provenance: { sources: [{ publisher: 'TASS', stance: 'doubts' }], confidence: 'reported' } })).thenError('CLAIM.INVALID_VALUE', 'changes.provenance');
  });

  it('is not a confidence: `denied` is no longer one', () => {
    given(track).when(correct({ provenance: { ...basis.provenance, confidence: 'denied' } })).thenError('CLAIM.INVALID_VALUE', 'changes.provenance');
  });
});
