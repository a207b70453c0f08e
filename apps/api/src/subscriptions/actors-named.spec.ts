import { actorsNamedIn } from './actors-named';

describe('actorsNamedIn', () => {
  it('finds actors in single, list and release fields of each claim type', () => {
    expect(actorsNamedIn('TalksOpened', { parties: ['rus', 'ukr'], mediators: ['tur'], title: 'x' })).toEqual(new Set(['rus', 'ukr', 'tur']));
    expect(actorsNamedIn('EnvoyVisited', { envoyId: 'steve-witkoff', hostCountry: 'RUS' })).toEqual(new Set(['steve-witkoff']));
    expect(actorsNamedIn('PrisonerSwapped', { releases: [{ person: 'Marc Fogel', releasedBy: 'rus' }, 'junk'], mediators: ['are'] })).toEqual(
      new Set(['rus', 'are']),
    );
    expect(actorsNamedIn('CeasefireViolated', { allegedBy: 'isr', against: 'hamas', description: 'x' })).toEqual(new Set(['isr', 'hamas']));
  });

  it('reads a correction’s changes, whatever claim it corrects', () => {
    expect(actorsNamedIn('ClaimCorrected', { eventId: 'e', changes: { participants: ['a', 'b'], summary: 'rus' }, reason: 'r' })).toEqual(new Set(['a', 'b']));
  });

  it('names no one for other events, text fields, or ill-shaped data', () => {
    expect(actorsNamedIn('ClaimRetracted', { eventId: 'e', reason: 'rus' })).toEqual(new Set());
    expect(actorsNamedIn('MeetingHeld', { participants: 'a', summary: 'a' })).toEqual(new Set());
    expect(actorsNamedIn('MeetingHeld', null)).toEqual(new Set());
    expect(actorsNamedIn('ActorRegistered', { name: 'rus' })).toEqual(new Set());
  });
});
