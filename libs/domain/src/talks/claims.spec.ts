import { specify, withId } from '../testing/given-when-then';
import {
  brokered,
  commandFor,
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
import { OpenedTalks } from './talks.state';

const { given } = specify(talksDecider);
const correct = (eventId: string, changes: Record<string, unknown>) => commandFor(corrected({ eventId, changes }));
const retract = (eventId: string) => commandFor(retracted({ eventId }));
const track = [withId('open', opened()), withId('meet', held()), withId('cf', brokered()), withId('swap', swapped())];

describe('correcting a claim', () => {
  it('records ClaimCorrected', () => {
    given(track).when(correct('meet', { summary: 'Second round' })).thenEvents([corrected({ eventId: 'meet', changes: { summary: 'Second round' } })]);
  });

  it('merges the changes into the claim, top-level fields replaced whole', () => {
    const state = given([...track, corrected({ eventId: 'meet', changes: { location: { country: 'TUR' } } })]).state() as OpenedTalks;
    expect(state.claims.get('meet')?.claim.data).toMatchObject({ location: { country: 'TUR' }, summary: 'First round' });
    expect(state.claims.get('meet')?.claim.data).not.toHaveProperty('location.city');
  });

  it('recomputes the facts from the corrected claims', () => {
    const state = given([...track, corrected({ eventId: 'open', changes: { parties: ['usa', 'ukr'] } }), corrected({ eventId: 'cf', changes: { endsAt: '2025-05-01' } })]).state() as OpenedTalks;
    expect(state.parties).toEqual(['usa', 'ukr']);
    expect(state.ceasefires.get('energy-truce')?.endsAt).toBe('2025-05-01');
  });

  it('clears an optional field with null, but not a required one', () => {
    given(track).when(correct('cf', { endsAt: null })).thenAccepted();
    const state = given([...track, corrected({ eventId: 'cf', changes: { endsAt: null } })]).state() as OpenedTalks;
    expect(state.ceasefires.get('energy-truce')).not.toHaveProperty('endsAt');
    given(track).when(correct('meet', { summary: null })).thenError('CLAIM.INVALID_VALUE', 'changes.summary');
  });

  it('refuses an event id that is not a claim of the track', () => {
    given(track).when(correct('elsewhere', { summary: 'x' })).thenError('CLAIM.NOT_FOUND', 'eventId');
  });

  it('refuses a retracted claim', () => {
    given([...track, retracted({ eventId: 'meet' })]).when(correct('meet', { summary: 'x' })).thenError('CLAIM.ALREADY_RETRACTED');
  });

  it('refuses to correct a correction or a retraction', () => {
    const history = [...track, withId('fix', corrected({ eventId: 'meet', changes: { summary: 'x' } })), withId('gone', retracted({ eventId: 'swap' }))];
    given(history).when(correct('fix', { reason: 'y' })).thenError('CLAIM.NOT_CORRECTABLE', 'eventId');
    given(history).when(correct('gone', { reason: 'y' })).thenError('CLAIM.NOT_CORRECTABLE');
  });

  it('refuses an empty correction', () => {
    given(track).when(correct('meet', {})).thenError('CLAIM.EMPTY_CORRECTION', 'changes');
  });

  it("refuses a field the claim's type does not have", () => {
    given(track).when(correct('meet', { expectedAt: '2025-03-01' })).thenError('CLAIM.UNKNOWN_FIELD', 'changes.expectedAt');
    given(track).when(correct('open', { envoyId: 'usa' })).thenError('CLAIM.UNKNOWN_FIELD');
  });

  it('refuses changes to talksId or the claim’s own id', () => {
    given(track).when(correct('meet', { talksId: 'other' })).thenError('CLAIM.IMMUTABLE_FIELD', 'changes.talksId');
    given(track).when(correct('meet', { meetingId: 'other' })).thenError('CLAIM.IMMUTABLE_FIELD', 'changes.meetingId');
    given(track).when(correct('swap', { swapId: 'other' })).thenError('CLAIM.IMMUTABLE_FIELD');
    given(track).when(correct('cf', { ceasefireId: 'other' })).thenError('CLAIM.IMMUTABLE_FIELD');
  });

  it('refuses values of the wrong shape', () => {
    given(track).when(correct('meet', { participants: 'usa' })).thenError('CLAIM.INVALID_VALUE', 'changes.participants');
    given(track).when(correct('meet', { format: 'telepathy' })).thenError('CLAIM.INVALID_VALUE', 'changes.format');
    given(track).when(correct('meet', { precision: 'decade' })).thenError('CLAIM.INVALID_VALUE', 'changes.precision');
  });

  it('re-validates the merged claim with the rules of its own command', () => {
    given(track).when(correct('meet', { participants: ['usa', 'usa'] })).thenError('MEETING.TOO_FEW_PARTICIPANTS', 'changes.participants');
    given(track).when(correct('open', { parties: ['usa'] })).thenError('TALKS.TOO_FEW_PARTIES', 'changes.parties');
    given(track).when(correct('open', { mediators: ['rus'] })).thenError('TALKS.PARTY_IS_MEDIATOR', 'changes.mediators[0]');
    given(track).when(correct('cf', { parties: ['rus'] })).thenError('CEASEFIRE.TOO_FEW_PARTIES');
    given(track).when(correct('swap', { releases: [] })).thenError('SWAP.NO_RELEASES', 'changes.releases');
    given(track).when(correct('cf', { terms: { summary: 's', hostagesToRelease: { best: 5, high: 3 } } })).thenError('COUNT.INVALID', 'changes.terms.hostagesToRelease.high');
  });

  it('re-validates dates of the merged claim: invalid, future, ends before starts', () => {
    given(track).when(correct('meet', { occurredAt: '2025-02-31' })).thenError('DATE.INVALID', 'changes.occurredAt');
    given(track).when(correct('meet', { occurredAt: '2025-04-01' })).thenError('DATE.IN_FUTURE', 'changes.occurredAt');
    given(track).when(correct('meet', { precision: 'exact' })).thenError('DATE.INVALID', 'occurredAt');
    given(track).when(correct('cf', { endsAt: '2025-02-01' })).thenError('DATE.END_BEFORE_START', 'changes.endsAt');
    // The change to effectiveFrom pushes it past the unchanged end: the rule names the end.
    given(track).when(correct('cf', { effectiveFrom: '2025-06-01' })).thenError('DATE.END_BEFORE_START', 'endsAt');
  });

  it('keeps a ceasefire’s brokering before its recorded end', () => {
    const history = [...track, withId('end', ended({ occurredAt: '2025-02-20' }))];
    given(history).when(correct('cf', { occurredAt: '2025-02-25' })).thenError('DATE.END_BEFORE_START', 'changes.occurredAt');
    given(history).when(correct('end', { occurredAt: '2025-02-05' })).thenError('DATE.END_BEFORE_START', 'changes.occurredAt');
    given(history).when(correct('end', { occurredAt: '2025-02-21', reason: 'expired' })).thenAccepted();
  });

  it('re-checks the ceasefire a hostage release is attributed to', () => {
    const history = [...track, withId('rel', released())];
    given(history).when(correct('rel', { ceasefireId: 'nowhere' })).thenError('CEASEFIRE.UNKNOWN', 'changes.ceasefireId');
    given(history).when(correct('rel', { ceasefireId: null })).thenAccepted();
    given(history).when(correct('rel', { count: { best: 4, low: 3, high: 5 } })).thenAccepted();
  });

  it('does not replay the transition rules: a violation of a since-ended ceasefire can still be corrected', () => {
    const history = [...track, withId('v', violated()), ended()];
    given(history).when(correct('v', { description: 'Drone strike' })).thenAccepted();
  });

  it('checks registration only for the actors the changes name', () => {
    const onlyUkr = { registeredActors: new Set(['ukr']) };
    given(track).when(commandFor(corrected({ eventId: 'open', changes: { parties: ['usa', 'ukr'] } }), onlyUkr)).thenError('ACTOR.UNKNOWN', 'changes.parties[0]');
    given(track).when(commandFor(corrected({ eventId: 'open', changes: { title: 'Renamed' } }), { registeredActors: new Set() })).thenAccepted();
    given(track).when(commandFor(corrected({ eventId: 'meet', changes: { participants: ['ukr', 'ukr', 'nobody'] } }), onlyUkr)).thenError('ACTOR.UNKNOWN', 'changes.participants[2]');
  });

  it("validates the correction's own date and sources", () => {
    given(track).when(commandFor(corrected({ eventId: 'meet', changes: { summary: 'x' }, occurredAt: '2025-03-15' }))).thenError('DATE.IN_FUTURE', 'occurredAt');
    given(track).when(commandFor(corrected({ eventId: 'meet', changes: { summary: 'x' }, provenance: { sources: [], confidence: 'reported' } }))).thenError('PROVENANCE.NO_SOURCES');
  });
});

describe('retracting a claim', () => {
  it('records ClaimRetracted', () => {
    given(track).when(retract('meet')).thenEvents([retracted({ eventId: 'meet' })]);
  });

  it('refuses an event id that is not a claim of the track', () => {
    given(track).when(retract('nope')).thenError('CLAIM.NOT_FOUND', 'eventId');
  });

  it('refuses to retract twice', () => {
    given([...track, retracted({ eventId: 'meet' })]).when(retract('meet')).thenError('CLAIM.ALREADY_RETRACTED');
  });

  it('refuses to retract the opening of a track', () => {
    given(track).when(retract('open')).thenError('CLAIM.NOT_RETRACTABLE', 'eventId');
  });

  it('refuses to retract a correction or a retraction', () => {
    const history = [...track, withId('fix', corrected({ eventId: 'meet', changes: { summary: 'x' } })), withId('gone', retracted({ eventId: 'swap' }))];
    given(history).when(retract('fix')).thenError('CLAIM.NOT_RETRACTABLE');
    given(history).when(retract('gone')).thenError('CLAIM.NOT_RETRACTABLE');
  });

  it('refuses a retraction dated in the future', () => {
    given(track).when(commandFor(retracted({ eventId: 'meet', occurredAt: '2025-03-15T00:00:00Z', precision: 'exact' }))).thenError('DATE.IN_FUTURE');
  });
});

describe('a retraction removes the claim’s effect', () => {
  it('retracting the stall: resuming is refused, stalling again accepted', () => {
    const history = [opened(), withId('stall', stalled()), retracted({ eventId: 'stall' })];
    given(history).when(commandFor(resumed())).thenError('TALKS.NOT_STALLED');
    given(history).when(commandFor(stalled())).thenAccepted();
  });

  it('retracting the brokering: violations and ends find no ceasefire', () => {
    const history = [...track, withId('v', violated()), retracted({ eventId: 'cf' })];
    given(history).when(commandFor(violated())).thenError('CEASEFIRE.NOT_FOUND');
    expect((given(history).state() as OpenedTalks).ceasefires.size).toBe(0);
  });

  it('retracting the only meeting held: the track is open again and the id free', () => {
    const history = [opened(), withId('meet', held()), retracted({ eventId: 'meet' })];
    expect(given(history).state().status).toBe('open');
    given(history).when(commandFor(held())).thenAccepted();
  });

  it('retracting one of two activities keeps the track active', () => {
    expect(given([opened(), withId('meet', held()), visited(), retracted({ eventId: 'meet' })]).state().status).toBe('active');
  });

  it('retracting the end: the ceasefire can end again, and be violated', () => {
    const history = [...track, withId('end', ended()), retracted({ eventId: 'end' })];
    given(history).when(commandFor(ended())).thenAccepted();
    given(history).when(commandFor(violated())).thenAccepted();
  });

  it('retracting a swap or a schedule frees its id', () => {
    given([...track, retracted({ eventId: 'swap' })]).when(commandFor(swapped())).thenAccepted();
    given([opened(), withId('s', scheduled()), retracted({ eventId: 's' })]).when(commandFor(scheduled())).thenAccepted();
  });

  it('retracting the stall of a track active before it, then resumed: status stays active', () => {
    expect(given([opened(), visited(), withId('s', stalled()), resumed(), retracted({ eventId: 's' })]).state().status).toBe('active');
  });
});
