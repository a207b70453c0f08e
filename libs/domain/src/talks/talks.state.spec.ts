import { foldEvents, Given, withId } from '../testing/given-when-then';
import {
  brokered,
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
import { actorDecider } from '../actors/actor.decider';
import { talksDecider } from './talks.decider';
import { TalksEvent } from './talks.events';
import { OpenedTalks, TalksState } from './talks.state';

const fold = (events: readonly Given<TalksEvent>[]): TalksState => foldEvents(talksDecider, events);
const opening = withId('open', opened());

describe('folding recorded events', () => {
  it('starts not opened', () => {
    expect(talksDecider.initialState()).toEqual({ status: 'not_opened' });
  });

  it('ignores claims recorded before the opening', () => {
    expect(fold([visited(), held(), corrected({ changes: { summary: 'x' } }), retracted()])).toEqual({ status: 'not_opened' });
  });

  it('ignores a second opening', () => {
    const state = fold([opening, opened({ parties: ['isr', 'hamas'] })]) as OpenedTalks;
    expect(state.parties).toEqual(['usa', 'rus']);
    expect(state.claims.size).toBe(1);
  });

  it('keeps every claim by event id, in order', () => {
    const state = fold([opening, withId('v', visited()), withId('m', held())]) as OpenedTalks;
    expect([...state.claims.keys()]).toEqual(['open', 'v', 'm']);
    expect(state.claims.get('m')).toEqual({ eventId: 'm', claim: held(), retracted: false });
  });

  it('ignores an event id it has already folded', () => {
    const state = fold([opening, withId('v', visited()), withId('v', held())]) as OpenedTalks;
    expect(state.claims.get('v')?.claim.type).toBe('EnvoyVisited');
  });

  it('records amendments of unknown claims without effect', () => {
    const state = fold([opening, withId('c', corrected({ eventId: 'nope', changes: { summary: 'x' } })), withId('r', retracted({ eventId: 'nope' }))]) as OpenedTalks;
    expect([...state.amendments]).toEqual([['c', 'ClaimCorrected'], ['r', 'ClaimRetracted']]);
    expect(state.claims.size).toBe(1);
  });

  it('never retracts the opening, even if a retraction of it was recorded', () => {
    const state = fold([opening, retracted({ eventId: 'open' })]) as OpenedTalks;
    expect(state).toMatchObject({ status: 'open', parties: ['usa', 'rus'] });
    expect(state.claims.get('open')?.retracted).toBe(false);
  });

  it('skips unknown and immutable fields, and tolerates odd changes, in a recorded correction', () => {
    const meet = withId('m', held());
    const state = fold([
      opening,
      meet,
      corrected({ eventId: 'm', changes: { meetingId: 'other', talksId: 'other', colour: 'blue', summary: 'kept' } }),
      corrected({ eventId: 'm', changes: null as never }),
      corrected({ eventId: 'm', changes: 'text' as never }),
    ]) as OpenedTalks;
    expect(state.claims.get('m')?.claim.data).toEqual({ ...held().data, summary: 'kept' });
    expect(state.meetings.has('riyadh-1')).toBe(true);
  });

  it('ignores violations and ends of a ceasefire never brokered, or whose brokering was retracted', () => {
    expect((fold([opening, violated(), ended()]) as OpenedTalks).ceasefires.size).toBe(0);
    const state = fold([opening, withId('cf', brokered()), violated(), retracted({ eventId: 'cf' }), violated(), ended()]) as OpenedTalks;
    expect(state.ceasefires.size).toBe(0);
  });

  it('keeps the first end of a ceasefire ended twice', () => {
    const state = fold([opening, brokered(), withId('end-1', ended()), withId('end-2', ended({ reason: 'expired' }))]) as OpenedTalks;
    expect(state.ceasefires.get('energy-truce')?.ended).toMatchObject({ eventId: 'end-1', reason: 'collapsed' });
  });

  it('keeps the first of duplicate swaps, brokerings, schedules and meetings', () => {
    const state = fold([
      opening,
      withId('s1', swapped()), withId('s2', swapped()),
      withId('b1', brokered()), withId('b2', brokered()),
      withId('m1', scheduled()), withId('m2', scheduled()),
      withId('h1', held()), withId('h2', held()),
    ]) as OpenedTalks;
    expect(state.swaps.get('fogel-vinnik')?.eventId).toBe('s1');
    expect(state.ceasefires.get('energy-truce')?.eventId).toBe('b1');
    expect(state.meetings.get('riyadh-1')).toMatchObject({ scheduled: { eventId: 'm1' }, held: { eventId: 'h1' } });
  });

  it('ignores a stall of stalled talks and a resumption of talks not stalled', () => {
    expect(fold([opening, resumed()]).status).toBe('open');
    expect(fold([opening, stalled(), stalled(), resumed()]).status).toBe('open');
    expect(fold([opening, concluded(), stalled(), resumed()]).status).toBe('concluded');
  });

  it('never throws on any sequence of recorded events', () => {
    const pool: readonly TalksEvent[] = [
      opened(), visited(), scheduled(), held(), swapped(), brokered(), released(), violated(), ended(), stalled(), resumed(), concluded(),
      corrected({ eventId: 'e1', changes: { parties: ['usa', 'ukr'] } }), corrected({ eventId: 'e3', changes: { summary: 'y' } }),
      corrected({ eventId: 'e6', changes: { endsAt: null } }), retracted({ eventId: 'e2' }), retracted({ eventId: 'e6' }), retracted({ eventId: 'e4' }),
    ];
    let seed = 42;
    const next = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
    for (let run = 0; run < 300; run++) {
      const events = Array.from({ length: 1 + (next() % 25) }, () => pool[next() % pool.length]);
      expect(() => fold(events)).not.toThrow();
    }
  });
});

describe('the actors a command names', () => {
  const refs = (command: Parameters<typeof talksDecider.referencedActors>[0], state: TalksState = fold([opening])) =>
    talksDecider.referencedActors(command, state);

  it('lists parties and mediators of an opening, de-duplicated', () => {
    expect(refs({ type: 'OpenTalks', data: opened({ parties: ['usa', 'rus', 'usa'], mediators: ['sau'] }).data })).toEqual(['usa', 'rus', 'sau']);
  });

  it('lists envoys, participants, releasers, accusers and accused', () => {
    expect(refs({ type: 'RecordEnvoyVisit', data: visited().data })).toEqual(['steve-witkoff']);
    expect(refs({ type: 'RecordMeeting', data: held({ participants: ['usa', 'rus', 'usa'] }).data })).toEqual(['usa', 'rus']);
    expect(refs({ type: 'ScheduleMeeting', data: scheduled().data })).toEqual(['usa', 'rus']);
    expect(refs({ type: 'RecordPrisonerSwap', data: swapped().data })).toEqual(['rus', 'sau']);
    expect(refs({ type: 'RecordCeasefire', data: brokered().data })).toEqual(['rus', 'ukr', 'usa']);
    expect(refs({ type: 'RecordHostageRelease', data: released().data })).toEqual(['rus']);
    expect(refs({ type: 'ReportCeasefireViolation', data: violated().data })).toEqual(['ukr', 'rus']);
  });

  it('lists no one for commands that name no actor', () => {
    expect(refs({ type: 'EndCeasefire', data: ended().data })).toEqual([]);
    expect(refs({ type: 'StallTalks', data: stalled().data })).toEqual([]);
    expect(refs({ type: 'RetractClaim', data: retracted().data })).toEqual([]);
  });

  it("lists for a correction only the actors its changes name, read by the target's type", () => {
    const state = fold([opening, withId('m', held()), withId('s', swapped())]);
    const correct = (eventId: string, changes: Record<string, unknown>) => refs({ type: 'CorrectClaim', data: corrected({ eventId, changes }).data }, state);
    expect(correct('m', { participants: ['ukr', 'usa'], summary: 'x' })).toEqual(['ukr', 'usa']);
    expect(correct('m', { summary: 'x' })).toEqual([]);
    expect(correct('s', { releases: [{ person: 'p', nationality: 'USA', releasedBy: 'egy' }] })).toEqual(['egy']);
    expect(correct('open', { mediators: ['qat'] })).toEqual(['qat']);
    expect(correct('nope', { participants: ['ukr'] })).toEqual([]);
    expect(correct('m', { participants: 'ukr' })).toEqual([]);
  });
});

describe('events from a newer version of this code', () => {
  it('are folded over without changing the state of a track or an actor', () => {
    const track = foldEvents(talksDecider, [opening]);
    const unknown = { id: 'future', type: 'TalksRenamed', data: { talksId: 'x', title: 'New' } } as never;
    expect(talksDecider.evolve(track, unknown)).toBe(track);
    const actor = actorDecider.evolve(actorDecider.initialState(), {
      id: 'a',
      type: 'ActorRegistered',
      data: { actorId: 'x', name: 'X', kind: 'state', aliases: [], registeredAt: '2025-01-01T00:00:00Z' },
    });
    expect(actorDecider.evolve(actor, { id: 'b', type: 'ActorMerged', data: {} } as never)).toBe(actor);
  });
});
