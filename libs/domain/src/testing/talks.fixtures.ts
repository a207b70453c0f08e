import { ClaimBasis } from '../shared/claim';
import { CommandContext } from '../shared/event';
import { EVENT_OF_COMMAND, TalksCommand } from '../talks/talks.commands';
import {
  CeasefireBrokered,
  CeasefireEnded,
  CeasefireExtended,
  CeasefireViolated,
  ClaimCorrected,
  ClaimRetracted,
  ClaimsLinked,
  ClaimsUnlinked,
  EnvoyVisited,
  HostagesReleased,
  MeetingHeld,
  MeetingScheduled,
  PrisonerSwapped,
  TalksConcluded,
  TalksEvent,
  TalksOpened,
  TalksResumed,
  TalksStalled,
} from '../talks/talks.events';

/** The fixed clock of every specification: 14 March 2025, noon UTC. */
export const NOW = new Date('2025-03-14T12:00:00Z');
export const TALKS_ID = 'us-russia-ukraine';

export const REGISTERED_ACTORS = ['usa', 'rus', 'ukr', 'sau', 'qat', 'egy', 'isr', 'hamas', 'steve-witkoff', 'kirill-dmitriev', 'mbs'];

export const context = (overrides: Partial<CommandContext> = {}): CommandContext => ({
  now: NOW,
  registeredActors: new Set(REGISTERED_ACTORS),
  ...overrides,
});

export const basis: ClaimBasis = {
  occurredAt: '2025-02-11',
  precision: 'day',
  provenance: { sources: [{ publisher: 'Reuters', originator: 'White House' }], confidence: 'reported' },
};

type DataOf<E extends TalksEvent> = E['data'];
const claim =
  <E extends TalksEvent>(type: E['type'], defaults: Omit<DataOf<E>, keyof ClaimBasis | 'talksId'>) =>
  (overrides: Partial<DataOf<E>> = {}): E =>
    ({ type, data: { ...basis, talksId: TALKS_ID, ...defaults, ...overrides } }) as E;

export const opened = claim<TalksOpened>('TalksOpened', {
  title: 'US–Russia talks on Ukraine',
  subject: 'Ending the war in Ukraine',
  parties: ['usa', 'rus'],
  mediators: ['sau'],
});
export const visited = claim<EnvoyVisited>('EnvoyVisited', { envoyId: 'steve-witkoff', hostCountry: 'RUS', city: 'Moscow', purpose: 'Fetch Marc Fogel' });
export const scheduled = claim<MeetingScheduled>('MeetingScheduled', {
  meetingId: 'riyadh-1',
  participants: ['usa', 'rus'],
  location: { country: 'SAU', city: 'Riyadh' },
  expectedAt: '2025-03-20',
});
export const held = claim<MeetingHeld>('MeetingHeld', {
  meetingId: 'riyadh-1',
  participants: ['usa', 'rus'],
  location: { country: 'SAU', city: 'Riyadh' },
  format: 'in_person',
  summary: 'First round',
});
export const swapped = claim<PrisonerSwapped>('PrisonerSwapped', {
  swapId: 'fogel-vinnik',
  releases: [{ person: 'Marc Fogel', nationality: 'USA', releasedBy: 'rus', detainedSince: '2021-08', sentence: '14 years' }],
  mediators: ['sau'],
});
export const brokered = claim<CeasefireBrokered>('CeasefireBrokered', {
  ceasefireId: 'energy-truce',
  parties: ['rus', 'ukr'],
  mediators: ['usa'],
  effectiveFrom: '2025-02-12',
  endsAt: '2025-04-12',
  terms: { summary: 'No strikes on energy infrastructure', prisonersToRelease: { best: 175 } },
});
export const released = claim<HostagesReleased>('HostagesReleased', {
  ceasefireId: 'energy-truce',
  count: { best: 3 },
  releasedBy: 'rus',
});
export const violated = claim<CeasefireViolated>('CeasefireViolated', {
  ceasefireId: 'energy-truce',
  allegedBy: 'ukr',
  against: 'rus',
  description: 'Strike on a power plant',
});
export const ended = claim<CeasefireEnded>('CeasefireEnded', { ceasefireId: 'energy-truce', reason: 'collapsed' });
const extension = claim<CeasefireExtended>('CeasefireExtended', {
  ceasefireId: 'energy-truce',
  endsAt: '2025-05-12',
  terms: { summary: 'One more month; 20 more prisoners each way', prisonersToRelease: { best: 20 } },
});
/** Agreed 10 March 2025, while the fixtures' ceasefire is in effect. */
export const extended = (overrides: Partial<CeasefireExtended['data']> = {}): CeasefireExtended => extension({ occurredAt: '2025-03-10', ...overrides });
export const stalled = claim<TalksStalled>('TalksStalled', { reason: 'Disagreement over terms' });
export const resumed = claim<TalksResumed>('TalksResumed', { reason: 'New proposal' });
export const concluded = claim<TalksConcluded>('TalksConcluded', { outcome: 'agreement', summary: 'Deal signed' });
export const corrected = claim<ClaimCorrected>('ClaimCorrected', { eventId: 'e1', changes: {}, reason: 'Misreported' });
export const retracted = claim<ClaimRetracted>('ClaimRetracted', { eventId: 'e1', reason: 'Did not happen' });
export const linked = claim<ClaimsLinked>('ClaimsLinked', { eventId: 'e1', sameAs: 'e2', reason: 'Same exchange, reported twice' });
export const unlinked = claim<ClaimsUnlinked>('ClaimsUnlinked', { eventId: 'e1', sameAs: 'e2', reason: 'Two different exchanges' });

const COMMAND_OF_EVENT = Object.fromEntries(Object.entries(EVENT_OF_COMMAND).map(([command, event]) => [event, command]));

/** The command that asks for this event: same data, and the fixed clock and registered actors. */
export const commandFor = (event: TalksEvent, overrides: Partial<CommandContext> = {}): TalksCommand =>
  ({ type: COMMAND_OF_EVENT[event.type], data: event.data, metadata: context(overrides) }) as TalksCommand;
