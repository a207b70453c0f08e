import { ClaimBasis, CountryCode, LooseCount, OpeningBasis, Place } from '../shared/claim';
import { Event } from '../shared/event';

export const MEETING_FORMATS = ['in_person', 'phone', 'video'] as const;
export type MeetingFormat = (typeof MEETING_FORMATS)[number];

export const CEASEFIRE_END_REASONS = ['expired', 'collapsed', 'superseded'] as const;
export type CeasefireEndReason = (typeof CEASEFIRE_END_REASONS)[number];

export const TALKS_OUTCOMES = ['agreement', 'breakdown', 'suspended'] as const;
export type TalksOutcome = (typeof TALKS_OUTCOMES)[number];

export type Release = Readonly<{
  person: string;
  nationality: CountryCode;
  /** The actor (usually a state) that let the person go. */
  releasedBy: string;
  /** An ISO date, possibly reduced: `2021-08` for "arrested in August 2021". */
  detainedSince?: string;
  sentence?: string;
}>;

export type CeasefireTerms = Readonly<{
  hostagesToRelease?: LooseCount;
  prisonersToRelease?: LooseCount;
  summary: string;
}>;

/** Opens a track: undated and unsourced when we start following talks already under way. */
export type TalksOpened = Event<'TalksOpened', OpeningBasis & {
  talksId: string;
  title: string;
  subject: string;
  parties: readonly string[];
  mediators: readonly string[];
}>;

export type EnvoyVisited = Event<'EnvoyVisited', ClaimBasis & {
  talksId: string;
  envoyId: string;
  hostCountry: CountryCode;
  city?: string;
  purpose: string;
  departedAt?: string;
}>;

export type MeetingScheduled = Event<'MeetingScheduled', ClaimBasis & {
  talksId: string;
  meetingId: string;
  participants: readonly string[];
  location: Place;
  expectedAt: string;
}>;

export type MeetingHeld = Event<'MeetingHeld', ClaimBasis & {
  talksId: string;
  meetingId: string;
  participants: readonly string[];
  location: Place;
  format: MeetingFormat;
  summary: string;
}>;

export type PrisonerSwapped = Event<'PrisonerSwapped', ClaimBasis & {
  talksId: string;
  swapId: string;
  releases: readonly Release[];
  mediators: readonly string[];
}>;

export type CeasefireBrokered = Event<'CeasefireBrokered', ClaimBasis & {
  talksId: string;
  ceasefireId: string;
  parties: readonly string[];
  mediators: readonly string[];
  effectiveFrom: string;
  endsAt?: string;
  terms: CeasefireTerms;
}>;

export type HostagesReleased = Event<'HostagesReleased', ClaimBasis & {
  talksId: string;
  ceasefireId?: string;
  count: LooseCount;
  names?: readonly string[];
  releasedBy: string;
  prisonersReleasedInExchange?: LooseCount;
}>;

export type CeasefireViolated = Event<'CeasefireViolated', ClaimBasis & {
  talksId: string;
  ceasefireId: string;
  allegedBy: string;
  against: string;
  description: string;
}>;

export type CeasefireEnded = Event<'CeasefireEnded', ClaimBasis & {
  talksId: string;
  ceasefireId: string;
  reason: CeasefireEndReason;
}>;

export type TalksStalled = Event<'TalksStalled', ClaimBasis & { talksId: string; reason: string }>;

export type TalksResumed = Event<'TalksResumed', ClaimBasis & { talksId: string; reason: string }>;

export type TalksConcluded = Event<'TalksConcluded', ClaimBasis & {
  talksId: string;
  outcome: TalksOutcome;
  summary: string;
}>;

/** Replaces fields of an earlier claim; the claim itself is never rewritten. */
export type ClaimCorrected = Event<'ClaimCorrected', ClaimBasis & {
  talksId: string;
  /** The corrected claim's event id. */
  eventId: string;
  /** A partial of the claim's data (ids excluded); the merged claim obeys every rule. */
  changes: Readonly<Record<string, unknown>>;
  reason: string;
}>;

/** Withdraws an earlier claim: read models drop its effect. */
export type ClaimRetracted = Event<'ClaimRetracted', ClaimBasis & {
  talksId: string;
  eventId: string;
  reason: string;
}>;

/** Events that state something happened; corrections and retractions act on them. */
export type TalksClaim =
  | TalksOpened
  | EnvoyVisited
  | MeetingScheduled
  | MeetingHeld
  | PrisonerSwapped
  | CeasefireBrokered
  | HostagesReleased
  | CeasefireViolated
  | CeasefireEnded
  | TalksStalled
  | TalksResumed
  | TalksConcluded;

export type TalksEvent = TalksClaim | ClaimCorrected | ClaimRetracted;

export type TalksEventType = TalksEvent['type'];

export const TALKS_CLAIM_TYPES = [
  'TalksOpened',
  'EnvoyVisited',
  'MeetingScheduled',
  'MeetingHeld',
  'PrisonerSwapped',
  'CeasefireBrokered',
  'HostagesReleased',
  'CeasefireViolated',
  'CeasefireEnded',
  'TalksStalled',
  'TalksResumed',
  'TalksConcluded',
] as const satisfies readonly TalksClaim['type'][];

export const TALKS_EVENT_TYPES = [...TALKS_CLAIM_TYPES, 'ClaimCorrected', 'ClaimRetracted'] as const satisfies readonly TalksEventType[];
